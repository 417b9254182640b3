// Division and remainder of ulong (truncation toward zero, sign of the dividend), never by zero nor MinValue / -1 for int and long.
namespace Corpus.DivRemUInt64;

public static unsafe class Program
{
    static void Div(ulong a, ulong b)
    {
        Probe.U(a / b); Probe.U(a % b);
        ulong c = a; c /= b; Probe.U(c);
        c = a; c %= b; Probe.U(c);
    }

    public static void Run()
    {
        Div(0, 1);
        Div(0, 2);
        Div(0, 0x8000000000000000ul);
        Div(0, 0xFFFFFFFFFFFFFFFEul);
        Div(0, ulong.MaxValue);
        Div(1, 1);
        Div(1, 2);
        Div(1, 0x8000000000000000ul);
        Div(1, 0xFFFFFFFFFFFFFFFEul);
        Div(1, ulong.MaxValue);
        Div(2, 1);
        Div(2, 2);
        Div(2, 0x8000000000000000ul);
        Div(2, 0xFFFFFFFFFFFFFFFEul);
        Div(2, ulong.MaxValue);
        Div(0x8000000000000000ul, 1);
        Div(0x8000000000000000ul, 2);
        Div(0x8000000000000000ul, 0x8000000000000000ul);
        Div(0x8000000000000000ul, 0xFFFFFFFFFFFFFFFEul);
        Div(0x8000000000000000ul, ulong.MaxValue);
        Div(0xFFFFFFFFFFFFFFFEul, 1);
        Div(0xFFFFFFFFFFFFFFFEul, 2);
        Div(0xFFFFFFFFFFFFFFFEul, 0x8000000000000000ul);
        Div(0xFFFFFFFFFFFFFFFEul, 0xFFFFFFFFFFFFFFFEul);
        Div(0xFFFFFFFFFFFFFFFEul, ulong.MaxValue);
        Div(ulong.MaxValue, 1);
        Div(ulong.MaxValue, 2);
        Div(ulong.MaxValue, 0x8000000000000000ul);
        Div(ulong.MaxValue, 0xFFFFFFFFFFFFFFFEul);
        Div(ulong.MaxValue, ulong.MaxValue);
    }
}
