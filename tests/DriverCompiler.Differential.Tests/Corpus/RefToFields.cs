// ref to struct fields, static fields, fixed-buffer elements and pointer targets.
namespace Corpus.RefToFields;

public unsafe struct Dev
{
    public int Count;
    public uint Flags;
    public fixed int Slots[4];
}

public static unsafe class Program
{
    static int globalCount = 10;
    static Dev dev;

    static void Add(ref int target, int n) { target += n; }
    static void Set(ref uint target, uint bit) { target |= bit; }
    static void Twice(ref int target) { Add(ref target, target); }

    public static void Run()
    {
        Dev d = default;
        Add(ref d.Count, 5);
        Twice(ref d.Count);
        Probe.I(d.Count);
        Set(ref d.Flags, 0x80000000u);
        Set(ref d.Flags, 1);
        Probe.I(d.Flags);
        Add(ref globalCount, -3);
        Probe.I(globalCount);
        Add(ref dev.Count, 7);
        Twice(ref dev.Count);
        Probe.I(dev.Count);
        Add(ref d.Slots[2], 9);
        Probe.I(d.Slots[2]);
        int local = 1;
        int* p = &local;
        Add(ref *p, 41);
        Probe.I(local);
        Dev* pd = &d;
        Add(ref pd->Count, 1000);
        Probe.I(d.Count);
    }
}
