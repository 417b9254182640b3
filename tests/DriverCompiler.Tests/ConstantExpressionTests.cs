using DriverCompiler.Core;
using DriverCompiler.Dsl;
using Xunit;

namespace DriverCompiler.Tests;

/// <summary>
/// Issue 10: constant expressions keep the source's names. A [CConstant] must reach C by its header
/// name (the header's value is what C uses, as docs/dsl.md promises); a C# const emitted as a C name
/// stays that name inside expressions; only literals fold. The values themselves are proven by the
/// differential corpus (ConstantNames); this pins what the C says.
/// </summary>
public class ConstantExpressionTests
{
    private const string Source = """
        using DriverCompiler.Dsl;
        [assembly: Driver("k", DriverTarget.AmigaOS4)]
        namespace K;
        public enum Mode : byte { Read = 1, Write = 2, Both = Read | Write, Big = 0x80 }
        public enum Prio : int { Zero = Sleep.PZero, Wake = Zero + 8, Caught = Wake | Sleep.PCatch }
        public static class Hw
        {
            public const byte IcrSetClr = 0x80;
            public const byte IcrFlag = 0x10;
        }
        public static class Sleep
        {
            [CConstant("PZERO")] public const int PZero = 25;
            public const int PCatch = 0x100;
            public const uint LegacyAlign = 4096;
            public const int Derived = PZero + 8 | PCatch;
            public const int Ioctl = ('p' << 8) | 1;
            [CExport("PARIOCGSTATUS")] public const int GetStatus = ('p' << 8) | 1;
            [CExport("PAR_SLEEP")] public const int SleepAt = PZero + 2;
            static uint mask = ~(LegacyAlign - 1);
            static readonly int[] Table = [PZero, PCatch + 1, 7];
            public static int Priority() => PZero + 8 | PCatch;
            public static uint Align() => ~(LegacyAlign - 1);
            public static int Icr() => Hw.IcrSetClr | Hw.IcrFlag;
            public static uint Mask() => mask + (uint)Table[0];
            public static int Literal() => 3 * 4 + 1;
            public static int Status(int cmd) => cmd == GetStatus ? SleepAt : 0;
            public static int Modes() => (int)Mode.Both + (int)Prio.Caught;
        }
        """;

    private static string Emit(DriverTarget target)
    {
        var result = DriverCompilation.FromSources([("K.cs", Source)], "K").Build(new BuildOptions(target));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToMsBuildString())));
        return string.Join("\n", result.Files.Where(f => f.RelativePath.EndsWith(".c") || f.RelativePath == "k.h").Select(f => f.Content));
    }

    [Theory]
    [InlineData(DriverTarget.AmigaOS4)]
    [InlineData(DriverTarget.Amix)]
    public void Names_survive_in_constant_expressions(DriverTarget target)
    {
        string c = Emit(target);
        Assert.Contains("return (PZERO + 8) | K_SLEEP_P_CATCH;", c);
        Assert.Contains("return ~(K_SLEEP_LEGACY_ALIGN - 1", c);
        Assert.Contains("return K_HW_ICR_SET_CLR | K_HW_ICR_FLAG;", c);
        Assert.Contains("#define K_SLEEP_DERIVED ((PZERO + 8) | K_SLEEP_P_CATCH)", c);
        Assert.Contains("#define K_SLEEP_IOCTL (('p' << 8) | 1)", c);
        Assert.Contains("= ~(K_SLEEP_LEGACY_ALIGN - 1", c);
        Assert.Contains("{ PZERO, K_SLEEP_P_CATCH + 1, 7 }", c);
        Assert.DoesNotContain("289", c);
        Assert.DoesNotContain("4294963200", c);
        // what the source wrote as literals still folds
        Assert.Contains("return 13;", c);
    }

    /// <summary>A [CExport] const is a #define under exactly its name in the header, and the driver's C uses that name.</summary>
    [Theory]
    [InlineData(DriverTarget.AmigaOS4)]
    [InlineData(DriverTarget.Amix)]
    public void Exported_constants_are_defined_in_the_header_under_their_name(DriverTarget target)
    {
        var result = DriverCompilation.FromSources([("K.cs", Source)], "K").Build(new BuildOptions(target));
        string header = result.Files.Single(f => f.RelativePath == "k.h").Content;
        Assert.Contains("#define PARIOCGSTATUS (('p' << 8) | 1)\n", header);
        Assert.Contains("#define PAR_SLEEP (PZERO + 2)\n", header);
        Assert.DoesNotContain("K_SLEEP_GET_STATUS", Emit(target));
        Assert.Contains("return cmd == PARIOCGSTATUS ? PAR_SLEEP : 0;", Emit(target));
    }

    /// <summary>Enum members set from other members and constants keep the names, as consts do.</summary>
    [Theory]
    [InlineData(DriverTarget.AmigaOS4)]
    [InlineData(DriverTarget.Amix)]
    public void Enum_members_keep_the_names_they_are_set_from(DriverTarget target)
    {
        string c = Emit(target);
        Assert.Contains("#define K_MODE_BOTH ((" + (target == DriverTarget.Amix ? "uchar" : "uint8") + ")(K_MODE_READ | K_MODE_WRITE))", c);
        Assert.Contains("#define K_MODE_BIG 0x80", c);
        Assert.Contains("#define K_PRIO_ZERO PZERO", c);
        Assert.Contains("#define K_PRIO_WAKE (K_PRIO_ZERO + 8)", c);
        Assert.Contains("#define K_PRIO_CAUGHT (K_PRIO_WAKE | K_SLEEP_P_CATCH)", c);
    }
}
