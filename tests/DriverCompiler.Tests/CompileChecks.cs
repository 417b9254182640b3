using Xunit;

namespace DriverCompiler.Tests;

/// <summary>The emitted sample driver compiles warning-free with the three compilers of issue 2.</summary>
public class CompileChecks
{
    public static TheoryData<string, string, string, string> Compilers => new()
    {
        { "amigaos4", "gcc", "-std=gnu99", "gcc" },
        { "amigaos4", "powerpc-linux-gnu-gcc", "-std=gnu99 -mcpu=7450", "gcc-powerpc-linux-gnu" },
        { "amix", "m68k-linux-gnu-gcc", "-m68030 -std=c89 -pedantic", "gcc-m68k-linux-gnu" },
    };

    [Theory]
    [MemberData(nameof(Compilers))]
    public void SampleDriverCompilesWithWallWextraWerror(string target, string cc, string flags, string package)
    {
        var outDir = Path.Combine(Repo.TempDir(), "s");
        var (code, _, e) = Repo.Drvc("build", Repo.Path("drivers", "Sample"), "--target", target, "--out", outDir);
        Assert.True(code == 0, e);
        string include = Repo.Path("tests", "include", target);
        foreach (var c in Directory.GetFiles(outDir, "*.c"))
        {
            var (rc, output) = Repo.Run(cc, $"{flags} -O2 -Wall -Wextra -Werror -fwrapv -I. -I{include} -c {Path.GetFileName(c)} -o /dev/null", outDir, package);
            Assert.True(rc == 0, $"{cc} rejected {Path.GetFileName(c)}:\n{output}");
        }
    }
}
