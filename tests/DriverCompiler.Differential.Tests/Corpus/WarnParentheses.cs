// C# that C prints with parentheses GCC (-Wparentheses, -Wlogical-not-parentheses) asks for: a bool
// assignment as an if/while/for condition, a comparison compared again, ! under & | ^ and ==.
namespace Corpus.WarnParentheses;

public static unsafe class Program
{
    static bool Next(ref int n) { n++; return n < 4; }

    public static void Run()
    {
        bool flag;
        int x = 5, a = 1, c = 9;
        if (flag = x > 3) Probe.B(flag);
        if (flag = x > 30) Probe.I(1); else if (flag = x < 9) Probe.I(2);
        int n = 0;
        while (flag = Next(ref n)) Probe.I(n);
        do { n--; } while (flag = n > 0);
        for (int i = 0; flag = i < 2; i++) Probe.I(i);
        Probe.B(a == x == (x < c));
        Probe.B(a != x == (x > c));
        Probe.B(a < x == x < c);
        Probe.B(!(a < x) & flag);
        Probe.B(!(a < x) | !flag);
        Probe.B(flag ^ !(x > c));
        Probe.B(!flag == (a < x));
        Probe.B(!flag != flag);
        Probe.B((flag = a < x) ? !flag == flag : flag);
    }
}
