// A bitmap allocator over a fixed uint buffer: first-fit allocation, freeing, counting free bits.
namespace Corpus.DriverBitmapAllocator;

public unsafe struct Bitmap
{
    public fixed uint Words[4];
}

public static unsafe class Program
{
    static Bitmap map;

    static int Alloc()
    {
        fixed (uint* w = map.Words)
        {
            for (int i = 0; i < 4; i++)
            {
                if (w[i] == 0xFFFFFFFFu) continue;
                for (int b = 0; b < 32; b++)
                {
                    uint bit = 1u << b;
                    if ((w[i] & bit) == 0)
                    {
                        w[i] |= bit;
                        return i * 32 + b;
                    }
                }
            }
        }
        return -1;
    }

    static void Free(int n)
    {
        map.Words[n >> 5] &= ~(1u << (n & 31));
    }

    static int CountFree()
    {
        int n = 0;
        for (int i = 0; i < 4; i++)
        {
            uint v = ~map.Words[i];
            while (v != 0) { v &= v - 1; n++; }
        }
        return n;
    }

    public static void Run()
    {
        for (int i = 0; i < 70; i++) Alloc();
        Probe.I(CountFree());
        Free(3);
        Free(64);
        Free(69);
        Probe.I(Alloc());
        Probe.I(Alloc());
        Probe.I(Alloc());
        for (int i = 0; i < 100; i++) Alloc();
        Probe.I(Alloc());
        Probe.I(CountFree());
        Probe.I(map.Words[3]);
    }
}
