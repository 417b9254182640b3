// Enum members whose value names other members and constants keep the names in C (issue 10):
// `Both = Read | Write` is #define ..._BOTH ((uint8)(..._READ | ..._WRITE)), not 3, and a member set from a
// [CConstant] uses the header's macro. Each member's define must still have C#'s type: a uint enum set
// from an int expression is unsigned in C (~ and widening show it), a long enum is 64 bits.
using DriverCompiler.Dsl;

namespace Corpus.EnumMemberNames;

public static class Hw
{
    public const int K = 5;
    public const byte Flag = 0x10;
    [CConstant("PROBE_PZERO")] public const int PZero = 25;
}

public enum Mode : byte { Read = 1, Write = 2, Both = Read | Write, Shifted = Write << 2, Flagged = Hw.Flag | Both }
public enum Wide : uint { A = 1u << 31, B = A | 1, C = Hw.K + 2, D = ~A, E = C * 3 - 1 }
public enum Signed : sbyte { M = -1, N = M - 1, P = -(N * 4) }
public enum Big : long { One = 1, Far = One << 40, Near = Far - Hw.K, Neg = -Far }
public enum Prio : int { Zero = Hw.PZero, Sleep = Zero + 8, Wake = Sleep | 0x100, Other = (int)Wide.C + 1 }
public enum Small : ushort { Top = 0xFFF0, Half = Top >> 1, Low = unchecked((ushort)(Top + 0x20)) }

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I((byte)Mode.Both);
        Probe.I((byte)Mode.Shifted);
        Probe.I((byte)Mode.Flagged);
        Probe.I((int)(Mode.Both & ~Mode.Read));
        Probe.U((uint)Wide.B);
        Probe.U((uint)Wide.C);
        Probe.U((ulong)~Wide.C);
        Probe.U((uint)Wide.D);
        Probe.U((uint)Wide.E);
        Probe.U((ulong)(Wide.E - Wide.C) + 1);
        Probe.I((sbyte)Signed.N);
        Probe.I((sbyte)Signed.P);
        Probe.I((long)Big.Far);
        Probe.I((long)Big.Near);
        Probe.I((long)Big.Neg);
        Probe.I((int)Prio.Zero);
        Probe.I((int)Prio.Sleep);
        Probe.I((int)Prio.Wake);
        Probe.I((int)Prio.Other);
        Probe.I((ushort)Small.Half);
        Probe.I((ushort)Small.Low);
        Wide w = Wide.C;
        switch (w)
        {
            case Wide.B: Probe.Str("B"); break;
            case Wide.C: Probe.Str("C"); break;
        }
        Prio p = Prio.Wake;
        Probe.B(p == (Prio.Sleep | (Prio)0x100));
    }
}
