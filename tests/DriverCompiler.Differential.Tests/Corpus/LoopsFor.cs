// for loops: several initializers and iterators, empty parts, counting down, unsigned bounds.
namespace Corpus.LoopsFor;

public static unsafe class Program
{
    public static void Run()
    {
        for (int i = 0, j = 10; i < j; i++, j--)
        {
            Probe.I(i * 100 + j);
        }
        int sum = 0;
        int k;
        for (k = 0; ; k++)
        {
            if (k == 4) break;
            sum += k;
        }
        Probe.I(sum);
        Probe.I(k);
        for (uint u = 3; u != uint.MaxValue; u--) Probe.I(u);
        long acc = 0;
        for (long x = long.MaxValue - 3; x > 0 && x <= long.MaxValue - 1; x++) acc++;
        Probe.I(acc);
        int a = 0, b = 0;
        for (; a < 3;) { a++; b += a; }
        Probe.I(b);
        for (byte c = 0; c < 200; c += 50) Probe.I(c);
        int total = 0;
        for (int r = 0; r < 4; r++)
            for (int c = r; c < 4; c++)
                total += r * c;
        Probe.I(total);
    }
}
