// const locals, including ones used as switch labels and stackalloc sizes.
namespace Corpus.LocalConsts;

public static unsafe class Program
{
    public static void Run()
    {
        const int N = 6;
        const uint Bit = 1u << 31;
        const long Neg = -(1L << 62);
        const byte Small = 0xFE;
        int* a = stackalloc int[N];
        for (int i = 0; i < N; i++) a[i] = i * N;
        Probe.I(a[N - 1]);
        Probe.I(Bit);
        Probe.I(Neg);
        Probe.I(Small + 1);
        int v = 4;
        switch (v)
        {
            case N - 2: Probe.Str("four"); break;
            case N: Probe.Str("six"); break;
        }
    }
}
