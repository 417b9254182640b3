// Division and remainder of long (truncation toward zero, sign of the dividend), never by zero nor MinValue / -1 for int and long.
namespace Corpus.DivRemInt64;

public static unsafe class Program
{
    static void Div(long a, long b)
    {
        Probe.I(a / b); Probe.I(a % b);
        long c = a; c /= b; Probe.I(c);
        c = a; c %= b; Probe.I(c);
    }

    public static void Run()
    {
        Div(0, 1);
        Div(0, -1);
        Div(0, 9);
        Div(0, -1000000000000000003L);
        Div(0, long.MinValue);
        Div(0, long.MaxValue);
        Div(1, 1);
        Div(1, -1);
        Div(1, 9);
        Div(1, -1000000000000000003L);
        Div(1, long.MinValue);
        Div(1, long.MaxValue);
        Div(-1, 1);
        Div(-1, -1);
        Div(-1, 9);
        Div(-1, -1000000000000000003L);
        Div(-1, long.MinValue);
        Div(-1, long.MaxValue);
        Div(9, 1);
        Div(9, -1);
        Div(9, 9);
        Div(9, -1000000000000000003L);
        Div(9, long.MinValue);
        Div(9, long.MaxValue);
        Div(-1000000000000000003L, 1);
        Div(-1000000000000000003L, -1);
        Div(-1000000000000000003L, 9);
        Div(-1000000000000000003L, -1000000000000000003L);
        Div(-1000000000000000003L, long.MinValue);
        Div(-1000000000000000003L, long.MaxValue);
        Div(long.MinValue, 1);
        Div(long.MinValue, 9);
        Div(long.MinValue, -1000000000000000003L);
        Div(long.MinValue, long.MinValue);
        Div(long.MinValue, long.MaxValue);
        Div(long.MaxValue, 1);
        Div(long.MaxValue, -1);
        Div(long.MaxValue, 9);
        Div(long.MaxValue, -1000000000000000003L);
        Div(long.MaxValue, long.MinValue);
        Div(long.MaxValue, long.MaxValue);
    }
}
