// Direct and mutual recursion: factorial, Fibonacci, gcd, Ackermann (small), even/odd, power.
namespace Corpus.Recursion;

public static unsafe class Program
{
    static ulong Fact(uint n) => n <= 1 ? 1 : n * Fact(n - 1);
    static int Fib(int n) => n < 2 ? n : Fib(n - 1) + Fib(n - 2);
    static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
    static int Ack(int m, int n)
    {
        if (m == 0) return n + 1;
        if (n == 0) return Ack(m - 1, 1);
        return Ack(m - 1, Ack(m, n - 1));
    }
    static bool IsEven(uint n) => n == 0 || IsOdd(n - 1);
    static bool IsOdd(uint n) => n != 0 && IsEven(n - 1);
    static long Pow(long b, int e)
    {
        if (e == 0) return 1;
        long h = Pow(b, e / 2);
        return (e & 1) != 0 ? h * h * b : h * h;
    }
    static int Depth(int* p, int n)
    {
        int local = n;
        if (n == 0) return *p;
        return Depth(&local, n - 1) + n;
    }

    public static void Run()
    {
        Probe.U(Fact(20));
        Probe.U(Fact(25));
        Probe.I(Fib(20));
        Probe.I(Gcd(1071, 462));
        Probe.I(Gcd(-48, 18));
        Probe.I(Ack(2, 3));
        Probe.I(Ack(3, 3));
        Probe.B(IsEven(100));
        Probe.B(IsOdd(77));
        Probe.I(Pow(3, 39));
        Probe.I(Pow(-2, 63));
        Probe.I(Pow(7, 40));
        int start = 1000;
        Probe.I(Depth(&start, 50));
    }
}
