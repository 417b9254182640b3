// &local, *p reads and writes, pointers to every integer type, pointer to pointer, null.
namespace Corpus.PointerBasics;

public static unsafe class Program
{
    static void Store(int* p, int v) { *p = v; }

    public static void Run()
    {
        int x = 5;
        int* p = &x;
        *p = 42;
        Probe.I(x);
        Store(&x, -7);
        Probe.I(*p);
        *p += 10;
        (*p)++;
        Probe.I(x);
        long l = 0;
        long* pl = &l;
        *pl = long.MinValue;
        Probe.I(l);
        byte b = 0;
        byte* pb = &b;
        *pb = 255;
        (*pb)++;
        Probe.I(b);
        ulong u = 1;
        ulong* pu = &u;
        *pu <<= 63;
        Probe.U(u);
        int** pp = &p;
        **pp = 99;
        Probe.I(x);
        int y = 1;
        *pp = &y;
        **pp = 2;
        Probe.I(y);
        Probe.I(*p);
        int* none = null;
        Probe.B(none == null);
        Probe.B(p != null);
        void* v = p;
        int* back = (int*)v;
        Probe.I(*back);
    }
}
