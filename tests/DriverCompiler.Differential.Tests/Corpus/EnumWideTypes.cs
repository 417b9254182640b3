// Enums with underlying ushort, uint and long, including values above int.MaxValue and negatives.
namespace Corpus.EnumWideTypes;

public enum Port : ushort { Low = 1, High = 0xFFFF, Mid = 0x8000 }
public enum Mask : uint { None = 0, Top = 0x80000000u, All = 0xFFFFFFFFu }
public enum Big : long { Neg = -5000000000L, Zero = 0, Pos = 0x7FFFFFFFFFFFFFFFL }
public enum Tiny : sbyte { Minus = -1, Least = -128 }

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I((ushort)Port.High);
        Probe.I((int)Port.Mid);
        Port mid = Port.Mid;
        Probe.I((short)mid);
        Probe.I((uint)Mask.Top);
        Mask top = Mask.Top;
        Probe.I((int)top);
        Probe.I((long)Mask.All);
        Probe.I((long)Big.Neg);
        Probe.I((long)Big.Pos);
        Big neg = Big.Neg;
        Probe.I((int)neg);
        Probe.I((sbyte)Tiny.Least);
        Tiny minus = Tiny.Minus;
        Probe.I((byte)minus);
        Probe.B(Mask.Top < Mask.All);
        Probe.B(Big.Neg < Big.Zero);
        Probe.B(Tiny.Least < Tiny.Minus);
        Probe.I(sizeof(Port));
        Probe.I(sizeof(Mask));
        Probe.I(sizeof(Big));
        Mask m = Mask.All;
        m--;
        Probe.I((uint)m);
        Big b = Big.Pos;
        b += 1;
        Probe.I((long)b);
    }
}
