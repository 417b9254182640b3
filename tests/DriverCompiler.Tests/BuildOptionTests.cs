using DriverCompiler.Core;
using DriverCompiler.Dsl;
using Xunit;

namespace DriverCompiler.Tests;

/// <summary>
/// <c>[BuildOption]</c> constants (issue 12: the A4091's register write offset differs between the real
/// board and FS-UAE's): the emitted C keeps the C# value as the default and a C build may give another
/// with <c>-D</c>, warning-free. Checked by compiling and running the emitted C with the host gcc, with
/// and without the option, so what is asserted is the value the C computes, not the text printed.
/// </summary>
public class BuildOptionTests
{
    private const string Source = """
        using DriverCompiler.Dsl;
        [assembly: Driver("k", DriverTarget.Amix)]
        namespace K;
        public static unsafe class Board
        {
            [BuildOption] public const int WriteOffset = 0x40;
            public const int Next = WriteOffset + 4;
            public static uint Where(byte* regs) => (uint)((regs + WriteOffset) - regs);
            public static int After() => Next;
        }
        """;

    private const string Main = """
        #include <stdio.h>
        #include "k.h"
        int main(void)
        {
            static unsigned char regs[256];
            printf("%u %d\n", (unsigned)k_board_where(regs), k_board_after());
            return 0;
        }
        """;

    private static string Emit(string dir)
    {
        var result = DriverCompilation.FromSources([("K.cs", Source)], "K").Build(new BuildOptions(DriverTarget.Amix));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToMsBuildString())));
        foreach (var f in result.Files)
        {
            var path = Path.Combine(dir, f.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, f.Content);
        }
        File.WriteAllText(Path.Combine(dir, "main.c"), Main);
        return string.Join("\n", result.Files.Where(f => f.RelativePath.EndsWith(".h") || f.RelativePath.EndsWith(".c")).Select(f => f.Content));
    }

    private static string CompileAndRun(string dir, string defines)
    {
        var include = Repo.Path("tests", "include", "amix");
        var c = string.Join(' ', Directory.GetFiles(dir, "*.c").Select(Path.GetFileName));
        var (rc, output) = Repo.Run("gcc", $"-std=c89 -pedantic -Wall -Wextra -Werror -Wno-long-long {defines} -I. -I{include} {c} -o k", dir, "gcc");
        Assert.True(rc == 0, $"gcc {defines} rejected the emitted C:\n{output}");
        var (code, stdout) = Repo.Run(Path.Combine(dir, "k"), "", dir);
        Assert.Equal(0, code);
        return stdout.Trim();
    }

    [Fact]
    public void The_csharp_value_is_the_default_and_a_define_overrides_it_and_what_is_computed_from_it()
    {
        var dir = Repo.TempDir();
        Emit(dir);
        Assert.Equal("64 68", CompileAndRun(dir, ""));
        Assert.Equal("0 4", CompileAndRun(dir, "-DK_BOARD_WRITE_OFFSET=0"));
    }

    [Fact]
    public void A_constant_without_the_attribute_is_not_overridable()
    {
        var text = Emit(Repo.TempDir());
        Assert.Contains("#ifndef K_BOARD_WRITE_OFFSET", text);
        Assert.DoesNotContain("#ifndef K_BOARD_NEXT", text);
    }
}
