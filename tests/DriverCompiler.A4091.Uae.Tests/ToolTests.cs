namespace DriverCompiler.A4091.Uae.Tests;

/// <summary>A missing program or runtime piece fails the tier with the Debian package to install, never a skip.</summary>
public sealed class ToolTests
{
    [Fact]
    public void A_missing_program_is_named_with_its_package()
    {
        var path = Environment.GetEnvironmentVariable("PATH");
        var empty = Directory.CreateTempSubdirectory("uae-nopath").FullName;
        try
        {
            Environment.SetEnvironmentVariable("PATH", empty);
            var e = Assert.Throws<InvalidOperationException>(() => UaeTools.Require("fs-uae"));
            Assert.Contains("'fs-uae' not found on PATH: install the Debian package fs-uae", e.Message);
            Assert.Contains("'xvfb-run' not found on PATH: install the Debian package xvfb", e.Message);
            Assert.Contains("'xauth' not found on PATH: install the Debian package xauth", e.Message);
            Assert.Contains("install the Debian package gcc-m68k-linux-gnu", e.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
            Directory.Delete(empty);
        }
    }

    [Theory]
    [InlineData("/usr/bin/xvfb-run: 1: xauth: not found", "xauth")]
    [InlineData("xvfb-run: error: Xvfb failed to start", "xvfb")]
    [InlineData("libGL error: MESA-LOADER: failed to load driver: swrast", "libgl1-mesa-dri")]
    public void A_headless_run_that_cannot_start_names_the_package(string output, string package)
    {
        var e = Assert.Throws<Xunit.Sdk.XunitException>(() => UaeTools.FailOnMissingRuntime(output));
        Assert.Contains($"install the Debian package {package}", e.Message);
    }

    [Fact]
    public void An_ordinary_fs_uae_log_is_not_taken_for_a_missing_package()
    {
        UaeTools.FailOnMissingRuntime("WARNING: No HW OpenGL driver: llvmpipe (LLVM 15.0.6, 256 bits)\nUAE: KS ROM cce8f6d8 (524288 bytes)\n");
    }

    [Fact]
    public void The_autoconfig_rom_reads_back_as_the_a4091s_identity()
    {
        // Decoded as the board's AutoConfig registers are (high nibble from byte i, low from byte 0x40 + i,
        // inverted except register 0): Zorro III type 0x80, product 84, manufacturer 0x0202.
        var rom = UaeRom.AutoconfigRom();
        int Reg(int r)
        {
            int v = (rom[r] & 0xF0) | (rom[0x40 + r] >> 4);
            return r == 0 ? v : ~v & 0xFF;
        }
        Assert.Equal(32 * 1024, rom.Length);
        Assert.Equal(0x80, Reg(0x00) & 0xC0);
        Assert.Equal(84, Reg(0x01));
        Assert.Equal(0x0202, Reg(0x04) << 8 | Reg(0x05));
    }
}
