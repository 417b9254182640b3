// Division and remainder of sbyte (truncation toward zero, sign of the dividend), never by zero nor MinValue / -1 for int and long.
namespace Corpus.DivRemSByte;

public static unsafe class Program
{
    static void Div(sbyte a, sbyte b)
    {
        Probe.I(a / b); Probe.I(a % b);
        sbyte c = a; c /= b; Probe.I(c);
        c = a; c %= b; Probe.I(c);
    }

    public static void Run()
    {
        Div(0, 1);
        Div(0, -1);
        Div(0, 2);
        Div(0, -100);
        Div(0, sbyte.MinValue);
        Div(0, sbyte.MaxValue);
        Div(1, 1);
        Div(1, -1);
        Div(1, 2);
        Div(1, -100);
        Div(1, sbyte.MinValue);
        Div(1, sbyte.MaxValue);
        Div(-1, 1);
        Div(-1, -1);
        Div(-1, 2);
        Div(-1, -100);
        Div(-1, sbyte.MinValue);
        Div(-1, sbyte.MaxValue);
        Div(2, 1);
        Div(2, -1);
        Div(2, 2);
        Div(2, -100);
        Div(2, sbyte.MinValue);
        Div(2, sbyte.MaxValue);
        Div(-100, 1);
        Div(-100, -1);
        Div(-100, 2);
        Div(-100, -100);
        Div(-100, sbyte.MinValue);
        Div(-100, sbyte.MaxValue);
        Div(sbyte.MinValue, 1);
        Div(sbyte.MinValue, -1);
        Div(sbyte.MinValue, 2);
        Div(sbyte.MinValue, -100);
        Div(sbyte.MinValue, sbyte.MinValue);
        Div(sbyte.MinValue, sbyte.MaxValue);
        Div(sbyte.MaxValue, 1);
        Div(sbyte.MaxValue, -1);
        Div(sbyte.MaxValue, 2);
        Div(sbyte.MaxValue, -100);
        Div(sbyte.MaxValue, sbyte.MinValue);
        Div(sbyte.MaxValue, sbyte.MaxValue);
    }
}
