// Division and remainder of uint (truncation toward zero, sign of the dividend), never by zero nor MinValue / -1 for int and long.
namespace Corpus.DivRemUInt32;

public static unsafe class Program
{
    static void Div(uint a, uint b)
    {
        Probe.I(a / b); Probe.I(a % b);
        uint c = a; c /= b; Probe.I(c);
        c = a; c %= b; Probe.I(c);
    }

    public static void Run()
    {
        Div(0, 1);
        Div(0, 2);
        Div(0, 0x80000000u);
        Div(0, 0xFFFFFFFEu);
        Div(0, uint.MaxValue);
        Div(1, 1);
        Div(1, 2);
        Div(1, 0x80000000u);
        Div(1, 0xFFFFFFFEu);
        Div(1, uint.MaxValue);
        Div(2, 1);
        Div(2, 2);
        Div(2, 0x80000000u);
        Div(2, 0xFFFFFFFEu);
        Div(2, uint.MaxValue);
        Div(0x80000000u, 1);
        Div(0x80000000u, 2);
        Div(0x80000000u, 0x80000000u);
        Div(0x80000000u, 0xFFFFFFFEu);
        Div(0x80000000u, uint.MaxValue);
        Div(0xFFFFFFFEu, 1);
        Div(0xFFFFFFFEu, 2);
        Div(0xFFFFFFFEu, 0x80000000u);
        Div(0xFFFFFFFEu, 0xFFFFFFFEu);
        Div(0xFFFFFFFEu, uint.MaxValue);
        Div(uint.MaxValue, 1);
        Div(uint.MaxValue, 2);
        Div(uint.MaxValue, 0x80000000u);
        Div(uint.MaxValue, 0xFFFFFFFEu);
        Div(uint.MaxValue, uint.MaxValue);
    }
}
