// Compound assignment evaluates its target once: p[i++] += v, Get()->X += v, (*Next()) *= v.
namespace Corpus.CompoundSideEffects;

public struct Box { public int X; public byte B; }

public static unsafe class Program
{
    static int calls;
    static Box* target;
    static Box* Get() { calls++; return target; }

    public static void Run()
    {
        int* a = stackalloc int[4];
        int i = 0;
        a[i++] += 5;
        a[i++] -= 6;
        a[i] |= 7;
        Probe.I(a[0]); Probe.I(a[1]); Probe.I(a[2]); Probe.I(i);
        Box box = default;
        target = &box;
        calls = 0;
        Get()->X += 10;
        Get()->X *= 3;
        Get()->B += 200;
        Get()->B += 100;
        Probe.I(box.X); Probe.I(box.B); Probe.I(calls);
        byte* bytes = stackalloc byte[3];
        int k = 0;
        bytes[k++] = 250;
        bytes[--k] += 10;
        Probe.I(bytes[0]); Probe.I(k);
        int x = 1;
        x += x++ + ++x;
        Probe.I(x);
        int y = 2, z = 3;
        y += z *= 4;
        Probe.I(y); Probe.I(z);
        int c1, c2, c3;
        c1 = c2 = c3 = -9;
        Probe.I(c1 + c2 + c3);
    }
}
