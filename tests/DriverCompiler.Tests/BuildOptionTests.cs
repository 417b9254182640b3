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

    private static string Emit(string dir) => Emit(dir, Source, Main);

    private static string Emit(string dir, string source, string main)
    {
        var result = DriverCompilation.FromSources([("K.cs", source)], "K").Build(new BuildOptions(DriverTarget.Amix));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToMsBuildString())));
        foreach (var f in result.Files)
        {
            var path = Path.Combine(dir, f.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, f.Content);
        }
        File.WriteAllText(Path.Combine(dir, "main.c"), main);
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

    /// <summary>
    /// The A4091's IDENTIFY byte was <c>Scsi.Disconnect != 0 ? 0xC0 : 0x80</c> and came out as <c>128</c>:
    /// comparisons, <c>!</c>, <c>&amp;&amp;</c>, <c>||</c> and <c>?:</c> of constants were folded to C#'s value
    /// with the option's default. The expected lines are what the C# computes with each value of the option
    /// (worked out from the source below, not read from the emitted C).
    /// </summary>
    private const string Decisions = """
        using DriverCompiler.Dsl;
        [assembly: Driver("k", DriverTarget.Amix)]
        namespace K;
        public static class Opt
        {
            [BuildOption] public const int Disconnect = 0;
            [BuildOption] public const uint Depth = 4;
        }
        public static class Board
        {
            public static int Identify() => Opt.Disconnect != 0 ? 0xC0 : 0x80;
            public static int Branch() { if (Opt.Disconnect != 0) return 1; else return 2; }
            public static int Both() => Opt.Disconnect == 1 && Opt.Depth > 2 ? 3 : 0;
            public static int Either() => !(Opt.Disconnect > 0) || Opt.Depth < 2 ? 4 : 0;
            public static int Loop() { int n = 0; while (Opt.Depth > (uint)n && Opt.Disconnect != 0) n++; return n; }
            public static int Flag() { bool b = Opt.Disconnect >= 1; return b ? 5 : 6; }
        }
        """;

    private const string DecisionsMain = """
        #include <stdio.h>
        #include "k.h"
        int main(void)
        {
            printf("%d %d %d %d %d %d\n", k_board_identify(), k_board_branch(), k_board_both(), k_board_either(), k_board_loop(), k_board_flag());
            return 0;
        }
        """;

    [Fact]
    public void Comparisons_logic_and_conditionals_on_an_option_follow_the_define()
    {
        var dir = Repo.TempDir();
        Emit(dir, Decisions, DecisionsMain);
        Assert.Equal("128 2 0 4 0 6", CompileAndRun(dir, ""));
        Assert.Equal("192 1 3 0 4 5", CompileAndRun(dir, "-DK_OPT_DISCONNECT=1"));
        Assert.Equal("192 1 0 4 1 5", CompileAndRun(dir, "-DK_OPT_DISCONNECT=2 -DK_OPT_DEPTH=1u"));
    }

    /// <summary>Where C cannot compute C#'s value the use is folded, and DRV0313 says the option does not reach it.</summary>
    [Fact]
    public void A_use_C_cannot_compute_is_folded_with_DRV0313_at_the_expression()
    {
        const string source = """
            using DriverCompiler.Dsl;
            [assembly: Driver("k", DriverTarget.Amix)]
            namespace K;
            public static class Board
            {
                [BuildOption] public const int Shift = 40;
                [BuildOption] public const int Scale = 8;
                public static int Mask() => 1 << Shift;
                public static int Fine() => 1 << Scale;
            }
            """;
        var result = DriverCompilation.FromSources([("K.cs", source)], "K").Build(new BuildOptions(DriverTarget.Amix));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToMsBuildString())));
        var d = Assert.Single(result.Diagnostics, d => d.Id == "DRV0313");
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("'1 << Shift' names build option 'Shift'", d.Message);
        Assert.Contains("C#'s value 256", d.Message);   // C# masks a shift count of an int to 5 bits: 40 & 31 = 8
        Assert.Equal(8, d.Line);
        var c = string.Concat(result.Files.Select(f => f.Content));
        Assert.Contains("1 << K_BOARD_SCALE", c);
    }

    [Fact]
    public void A_constant_without_the_attribute_is_not_overridable()
    {
        var text = Emit(Repo.TempDir());
        Assert.Contains("#ifndef K_BOARD_WRITE_OFFSET", text);
        Assert.DoesNotContain("#ifndef K_BOARD_NEXT", text);
    }
}
