// Insertion sort and binary search over stackalloc'd arrays of signed and unsigned values.
namespace Corpus.SortingStackalloc;

public static unsafe class Program
{
    static void SortInts(int* a, int n)
    {
        for (int i = 1; i < n; i++)
        {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; j--; }
            a[j + 1] = v;
        }
    }

    static void SortUints(uint* a, int n)
    {
        for (int i = 0; i < n; i++)
            for (int j = 0; j + 1 < n - i; j++)
                if (a[j] > a[j + 1]) { uint t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
    }

    static int Find(int* a, int n, int key)
    {
        int lo = 0, hi = n - 1;
        while (lo <= hi)
        {
            int mid = (int)((uint)(lo + hi) >> 1);
            if (a[mid] == key) return mid;
            if (a[mid] < key) lo = mid + 1; else hi = mid - 1;
        }
        return ~lo;
    }

    public static void Run()
    {
        int* a = stackalloc int[] { 5, -3, int.MaxValue, 0, int.MinValue, -3, 42, 7 };
        SortInts(a, 8);
        for (int i = 0; i < 8; i++) Probe.I(a[i]);
        Probe.I(Find(a, 8, 42));
        Probe.I(Find(a, 8, 6));
        Probe.I(Find(a, 8, int.MinValue));
        uint* u = stackalloc uint[] { 0x80000000u, 1, 0xFFFFFFFFu, 0, 0x7FFFFFFFu };
        SortUints(u, 5);
        for (int i = 0; i < 5; i++) Probe.I(u[i]);
    }
}
