// p[i], p + n, p - n, p++ and p--, pointer differences (in elements) and comparisons.
namespace Corpus.PointerArithmetic;

public static unsafe class Program
{
    public static void Run()
    {
        int* a = stackalloc int[10];
        for (int i = 0; i < 10; i++) a[i] = i * i - 20;
        int* end = a + 10;
        int sum = 0;
        for (int* p = a; p < end; p++) sum += *p;
        Probe.I(sum);
        Probe.I(end - a);
        Probe.I(a - end);
        int* mid = a + 5;
        Probe.I(*mid);
        Probe.I(mid[-2]);
        Probe.I(*(mid - 1));
        Probe.B(mid > a);
        Probe.B(mid <= a);
        Probe.B(mid == a + 5);
        Probe.B(mid != end);
        mid += 3;
        Probe.I(*mid);
        mid -= 7;
        Probe.I(*mid);
        long* q = stackalloc long[4];
        q[0] = 1; q[1] = 2; q[2] = 3; q[3] = 4;
        long* r = q + 3;
        Probe.I(r - q);
        Probe.I((byte*)r - (byte*)q);
        Probe.I(*r-- + *r);
        Probe.I(*--r);
        short* s = (short*)q;
        Probe.I(((byte*)(s + 3)) - (byte*)q);
        int idx = 2;
        Probe.I(*(a + idx * 3));
        long offset = 4;
        Probe.I(a[offset]);
        uint uidx = 9;
        Probe.I(a[uidx]);
    }
}
