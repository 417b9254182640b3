// Constant expressions that name constants keep the names in C (issue 10): [CConstant] header
// names, C# consts emitted as #defines, enum members, char literals, with C#'s types kept where
// C would promote differently (uint arithmetic, byte operands, long, shifts). Values must agree.
using DriverCompiler.Dsl;

namespace Corpus.ConstantNames;

public enum Mode : byte { Read = 1, Write = 2, Both = Read | Write }

public static class Hw
{
    public const byte IcrSetClr = 0x80;
    public const byte IcrFlag = 0x10;
    public const sbyte Minus = -3;
    public const ushort Word = 0xFFF0;
}

public static unsafe class Program
{
    [CConstant("PROBE_PZERO")] const int PZero = 25;
    [CConstant("PROBE_PCATCH")] const int PCatch = 0x100;
    [CConstant("PROBE_BIG_MASK")] const uint BigMask = 0xFFFF0000u;
    const uint LegacyAlign = 4096;
    const int Negative = -7;
    const long Wide = 1L << 40;
    const int Derived = PZero + 8 | PCatch;
    const uint Aligned = ~(LegacyAlign - 1);
    const int Ioctl = ('p' << 8) | 1;
    const long Mixed = Negative + LegacyAlign;          // int + uint is long in C#
    const uint Wrapped = unchecked(LegacyAlign * 0x100000u + BigMask);
    const int Bytes = Hw.IcrSetClr | Hw.IcrFlag;
    const int Promoted = Hw.Word + Hw.Word;             // ushort + ushort: int, not 16 bits
    const int ByteNot = ~Hw.IcrSetClr;
    const Mode Flipped = ~Mode.Read;
    const int SignedShift = Negative >> 1;
    const int Overflowing = unchecked(PZero * 0x7FFFFFFF); // signed overflow: folded for C
    const long WideSum = Wide + Negative * 2;

    static uint mask = ~(LegacyAlign - 1);
    static readonly int[] Table = [PZero, PCatch + 1, Hw.Minus * 3, 'A' + 1];

    public static void Run()
    {
        Probe.I(Derived);
        Probe.I(PZero + 8 | PCatch);
        Probe.I(Aligned);
        Probe.I(~(LegacyAlign - 1));
        Probe.I(Ioctl);
        Probe.I(('p' << 8) | 2);
        Probe.I(Mixed);
        Probe.I(Negative + LegacyAlign);
        Probe.I(Wrapped);
        Probe.I(Bytes);
        Probe.I(Hw.IcrSetClr | Hw.IcrFlag);
        Probe.I(Promoted);
        Probe.I(ByteNot);
        Probe.I((byte)Flipped);
        Probe.I((int)(Mode.Both & ~Mode.Write));
        Probe.I(SignedShift);
        Probe.I(Overflowing);
        Probe.I(WideSum);
        Probe.I(BigMask >> 16);
        Probe.I(unchecked(BigMask + 0x10000u + 5u));
        Probe.I(Hw.Minus * Hw.Word);
        Probe.I(mask);
        for (int i = 0; i < Table.Length; i++) Probe.I(Table[i]);
        int v = 3;
        switch (v * 32)
        {
            case PZero + 8 | PCatch: Probe.Str("wrong"); break;
            case 3 * 32: Probe.Str("literal case"); break;
        }
        switch (v + 286)
        {
            case PZero + 8 | 32: Probe.Str("wrong"); break;
            case (PZero + 8 | PCatch) - 44: Probe.Str("named case"); break;
        }
        byte* buf = stackalloc byte[PZero + 7];
        buf[PZero + 6] = Hw.IcrFlag;
        Probe.I(buf[31]);
    }
}
