// Walking an inline array of uint with a pointer and with foreach, as a register snapshot.
namespace Corpus.InlineArrayWalk;

[System.Runtime.CompilerServices.InlineArray(16)]
public struct Snapshot { private uint element; }

public static unsafe class Program
{
    static Snapshot snap;

    static void Take(uint seed)
    {
        for (int i = 0; i < 16; i++) snap[i] = seed ^ (uint)(i * 0x11111111);
    }

    public static void Run()
    {
        Take(0xA5A5A5A5u);
        uint x = 0;
        foreach (uint v in snap) x ^= v;
        Probe.I(x);
        Snapshot local = snap;
        uint* p = (uint*)&local;
        uint sum = 0;
        for (uint* e = p + 16; p < e; p++) sum += *p;
        Probe.I(sum);
        int count = 0;
        foreach (uint v in local)
        {
            if (v > 0x80000000u) count++;
            else continue;
            if (count == 5) break;
        }
        Probe.I(count);
    }
}
