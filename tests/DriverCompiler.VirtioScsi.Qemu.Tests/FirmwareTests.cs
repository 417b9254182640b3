namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>A missing firmware file fails naming the package that ships it (issue 9: a clean machine
/// without seabios printed only QEMU's own message, which names no package).</summary>
public class FirmwareTests
{
    [Theory]
    [InlineData("qemu-system-ppc: failed to find romfile \"vgabios-stdvga.bin\"", "seabios")]
    [InlineData("qemu-system-ppc: Could not find VOF firmware 'vof.bin'", "qemu-system-data")]
    [InlineData("qemu-system-ppc: could not load PowerPC bios 'openbios-ppc'", "openbios-ppc")]
    public void MissingFirmware_FailsNamingThePackage(string qemuOutput, string package)
    {
        var e = Assert.ThrowsAny<Exception>(() => Tools.FailOnMissingFirmware("some boot output\n" + qemuOutput + "\n"));
        Assert.Contains("install the Debian package " + package, e.Message);
    }

    [Fact]
    public void NormalOutput_DoesNotFail() => Tools.FailOnMissingFirmware("ok selftest\n3 passed, 0 failed\n");
}
