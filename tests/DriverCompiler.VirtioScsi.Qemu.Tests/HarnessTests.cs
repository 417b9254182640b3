namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// The harness alone (no driver) on each machine: boots, sets up PCI and interrupts and checks
/// them with its own self-tests, then powers QEMU off.
/// </summary>
[Trait("Category", "Qemu")]
public sealed class HarnessTests
{
    internal static readonly string[] SelfChecks =
    [
        "harness.timebase.advances", "harness.pci.virtio_scsi_found", "harness.pci.command_enabled",
        "harness.pci.memory_bar_assigned", "harness.pci.bar_readback", "harness.pci.interrupt_line",
    ];

    private static void SelfTest(string machine)
    {
        var dir = Directory.CreateTempSubdirectory("drvc-qemu-disk-").FullName;
        try
        {
            var image = Path.Combine(dir, "t0.img");
            using (var f = File.Create(image)) f.SetLength(16 << 20);
            var log = Qemu.Run(machine, Harness.Image(machine), [new Disk(image, 0, "VSCSI-T0")]);
            Assert.Contains($"harness: board {machine}", log.Text);
            log.AssertAllPassed(SelfChecks);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact] public void Pegasos2_HarnessSelfTests() => SelfTest("pegasos2");
    [Fact] public void AmigaOne_HarnessSelfTests() => SelfTest("amigaone");
    [Fact] public void Sam460ex_HarnessSelfTests() => SelfTest("sam460ex");
}
