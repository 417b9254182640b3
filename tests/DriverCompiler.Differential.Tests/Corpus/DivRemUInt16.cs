// Division and remainder of ushort (truncation toward zero, sign of the dividend), never by zero nor MinValue / -1 for int and long.
namespace Corpus.DivRemUInt16;

public static unsafe class Program
{
    static void Div(ushort a, ushort b)
    {
        Probe.I(a / b); Probe.I(a % b);
        ushort c = a; c /= b; Probe.I(c);
        c = a; c %= b; Probe.I(c);
    }

    public static void Run()
    {
        Div(0, 1);
        Div(0, 2);
        Div(0, 0x8000);
        Div(0, 0xFFFE);
        Div(0, ushort.MaxValue);
        Div(1, 1);
        Div(1, 2);
        Div(1, 0x8000);
        Div(1, 0xFFFE);
        Div(1, ushort.MaxValue);
        Div(2, 1);
        Div(2, 2);
        Div(2, 0x8000);
        Div(2, 0xFFFE);
        Div(2, ushort.MaxValue);
        Div(0x8000, 1);
        Div(0x8000, 2);
        Div(0x8000, 0x8000);
        Div(0x8000, 0xFFFE);
        Div(0x8000, ushort.MaxValue);
        Div(0xFFFE, 1);
        Div(0xFFFE, 2);
        Div(0xFFFE, 0x8000);
        Div(0xFFFE, 0xFFFE);
        Div(0xFFFE, ushort.MaxValue);
        Div(ushort.MaxValue, 1);
        Div(ushort.MaxValue, 2);
        Div(ushort.MaxValue, 0x8000);
        Div(ushort.MaxValue, 0xFFFE);
        Div(ushort.MaxValue, ushort.MaxValue);
    }
}
