// Division and remainder of byte (truncation toward zero, sign of the dividend), never by zero nor MinValue / -1 for int and long.
namespace Corpus.DivRemByte;

public static unsafe class Program
{
    static void Div(byte a, byte b)
    {
        Probe.I(a / b); Probe.I(a % b);
        byte c = a; c /= b; Probe.I(c);
        c = a; c %= b; Probe.I(c);
    }

    public static void Run()
    {
        Div(0, 1);
        Div(0, 2);
        Div(0, 0x80);
        Div(0, 0xFE);
        Div(0, byte.MaxValue);
        Div(1, 1);
        Div(1, 2);
        Div(1, 0x80);
        Div(1, 0xFE);
        Div(1, byte.MaxValue);
        Div(2, 1);
        Div(2, 2);
        Div(2, 0x80);
        Div(2, 0xFE);
        Div(2, byte.MaxValue);
        Div(0x80, 1);
        Div(0x80, 2);
        Div(0x80, 0x80);
        Div(0x80, 0xFE);
        Div(0x80, byte.MaxValue);
        Div(0xFE, 1);
        Div(0xFE, 2);
        Div(0xFE, 0x80);
        Div(0xFE, 0xFE);
        Div(0xFE, byte.MaxValue);
        Div(byte.MaxValue, 1);
        Div(byte.MaxValue, 2);
        Div(byte.MaxValue, 0x80);
        Div(byte.MaxValue, 0xFE);
        Div(byte.MaxValue, byte.MaxValue);
    }
}
