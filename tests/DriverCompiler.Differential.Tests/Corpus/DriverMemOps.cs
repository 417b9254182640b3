// memset/memcpy/memmove/memcmp-style loops over pointers, overlapping moves in both directions.
namespace Corpus.DriverMemOps;

public static unsafe class Program
{
    static void Fill(byte* d, byte v, int n) { while (n-- > 0) *d++ = v; }

    static void Copy(byte* d, byte* s, int n) { for (int i = 0; i < n; i++) d[i] = s[i]; }

    static void Move(byte* d, byte* s, int n)
    {
        if (d < s) { while (n-- > 0) *d++ = *s++; }
        else { d += n; s += n; while (n-- > 0) *--d = *--s; }
    }

    static int Compare(byte* a, byte* b, int n)
    {
        for (int i = 0; i < n; i++)
            if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
        return 0;
    }

    static void Show(byte* p, int n)
    {
        long acc = 0;
        for (int i = 0; i < n; i++) acc = acc * 257 + p[i];
        Probe.I(acc);
    }

    public static void Run()
    {
        byte* a = stackalloc byte[32];
        byte* b = stackalloc byte[32];
        Fill(a, 0xAB, 32);
        Show(a, 32);
        for (int i = 0; i < 32; i++) b[i] = (byte)i;
        Copy(a + 4, b, 8);
        Show(a, 16);
        Move(b + 2, b, 10);
        Show(b, 16);
        Move(b, b + 5, 10);
        Show(b, 16);
        Probe.I(Compare(a, b, 32));
        Probe.I(Compare(b, a, 32));
        Copy(a, b, 32);
        Probe.I(Compare(a, b, 32));
        a[31] = 0xFF;
        Probe.I(Compare(a, b, 32));
        uint* wa = (uint*)a;
        for (int i = 0; i < 8; i++) wa[i] = 0;
        Show(a, 32);
    }
}
