// Division and remainder of short (truncation toward zero, sign of the dividend), never by zero nor MinValue / -1 for int and long.
namespace Corpus.DivRemInt16;

public static unsafe class Program
{
    static void Div(short a, short b)
    {
        Probe.I(a / b); Probe.I(a % b);
        short c = a; c /= b; Probe.I(c);
        c = a; c %= b; Probe.I(c);
    }

    public static void Run()
    {
        Div(0, 1);
        Div(0, -1);
        Div(0, 3);
        Div(0, -12345);
        Div(0, short.MinValue);
        Div(0, short.MaxValue);
        Div(1, 1);
        Div(1, -1);
        Div(1, 3);
        Div(1, -12345);
        Div(1, short.MinValue);
        Div(1, short.MaxValue);
        Div(-1, 1);
        Div(-1, -1);
        Div(-1, 3);
        Div(-1, -12345);
        Div(-1, short.MinValue);
        Div(-1, short.MaxValue);
        Div(3, 1);
        Div(3, -1);
        Div(3, 3);
        Div(3, -12345);
        Div(3, short.MinValue);
        Div(3, short.MaxValue);
        Div(-12345, 1);
        Div(-12345, -1);
        Div(-12345, 3);
        Div(-12345, -12345);
        Div(-12345, short.MinValue);
        Div(-12345, short.MaxValue);
        Div(short.MinValue, 1);
        Div(short.MinValue, -1);
        Div(short.MinValue, 3);
        Div(short.MinValue, -12345);
        Div(short.MinValue, short.MinValue);
        Div(short.MinValue, short.MaxValue);
        Div(short.MaxValue, 1);
        Div(short.MaxValue, -1);
        Div(short.MaxValue, 3);
        Div(short.MaxValue, -12345);
        Div(short.MaxValue, short.MinValue);
        Div(short.MaxValue, short.MaxValue);
    }
}
