// Division and remainder of int (truncation toward zero, sign of the dividend), never by zero nor MinValue / -1 for int and long.
namespace Corpus.DivRemInt32;

public static unsafe class Program
{
    static void Div(int a, int b)
    {
        Probe.I(a / b); Probe.I(a % b);
        int c = a; c /= b; Probe.I(c);
        c = a; c %= b; Probe.I(c);
    }

    public static void Run()
    {
        Div(0, 1);
        Div(0, -1);
        Div(0, 7);
        Div(0, -1000000007);
        Div(0, int.MinValue);
        Div(0, int.MaxValue);
        Div(1, 1);
        Div(1, -1);
        Div(1, 7);
        Div(1, -1000000007);
        Div(1, int.MinValue);
        Div(1, int.MaxValue);
        Div(-1, 1);
        Div(-1, -1);
        Div(-1, 7);
        Div(-1, -1000000007);
        Div(-1, int.MinValue);
        Div(-1, int.MaxValue);
        Div(7, 1);
        Div(7, -1);
        Div(7, 7);
        Div(7, -1000000007);
        Div(7, int.MinValue);
        Div(7, int.MaxValue);
        Div(-1000000007, 1);
        Div(-1000000007, -1);
        Div(-1000000007, 7);
        Div(-1000000007, -1000000007);
        Div(-1000000007, int.MinValue);
        Div(-1000000007, int.MaxValue);
        Div(int.MinValue, 1);
        Div(int.MinValue, 7);
        Div(int.MinValue, -1000000007);
        Div(int.MinValue, int.MinValue);
        Div(int.MinValue, int.MaxValue);
        Div(int.MaxValue, 1);
        Div(int.MaxValue, -1);
        Div(int.MaxValue, 7);
        Div(int.MaxValue, -1000000007);
        Div(int.MaxValue, int.MinValue);
        Div(int.MaxValue, int.MaxValue);
    }
}
