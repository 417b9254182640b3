// const of every integer type, negative, derived from other consts and used in expressions.
namespace Corpus.ConstTyped;

public static unsafe class Program
{
    const int Neg = -42;
    const uint Top = 0x80000000u;
    const uint AllOnes = 0xFFFFFFFFu;
    const long Big = 0x123456789AL;
    const long LongMin = long.MinValue;
    const int IntMin = int.MinValue;
    const ulong UMax = ulong.MaxValue;
    const ulong Above = 0x8000000000000000ul;
    const byte Mask = 0xF0;
    const sbyte Small = -128;
    const short Half = -16384;
    const ushort Word = 0xFFFF;
    const int Shifted = 1 << 30;
    const uint Combined = Top | (uint)Shifted | 1u;
    const long Product = Big * 3;
    const int Derived = Neg * 2 + 1;

    public static void Run()
    {
        Probe.I(Neg);
        Probe.I(Top);
        Probe.I(AllOnes);
        Probe.I(Big);
        Probe.I(LongMin);
        Probe.I(IntMin);
        Probe.U(UMax);
        Probe.U(Above);
        Probe.I(Mask);
        Probe.I(Small);
        Probe.I(Half);
        Probe.I(Word);
        Probe.I(Shifted);
        Probe.I(Combined);
        Probe.I(Product);
        Probe.I(Derived);
        int v = 5;
        Probe.I(v + Neg);
        Probe.I(v * IntMin);
        Probe.B(v > Neg);
        Probe.I(Top + (uint)v);
        Probe.I(LongMin + v);
        int im = IntMin;
        Probe.I(-im);
        long l = IntMin;
        Probe.I(l - 1);
        Probe.U(UMax - (ulong)v);
        Probe.I(Mask & v);
        Probe.I(~Mask);
    }
}
