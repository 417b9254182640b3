// A tiny split virtqueue: little-endian descriptors chained with NEXT, an available ring and a used ring.
using DriverCompiler.Dsl;

namespace Corpus.DriverVirtqueueWalk;

[Dma]
public struct Desc
{
    public Le64 Addr;
    public Le32 Len;
    public Le16 Flags;
    public Le16 Next;
}

[Dma]
public unsafe struct Avail
{
    public Le16 Flags;
    public Le16 Idx;
    public fixed ushort Ring[4];
}

[Dma]
public struct UsedElem
{
    public Le32 Id;
    public Le32 Len;
}

public static unsafe class Program
{
    const ushort FlagNext = 1, FlagWrite = 2;
    const int QueueSize = 4;

    static ushort freeHead;
    static int freeCount;

    static int AddChain(Desc* table, Avail* avail, ulong* addrs, uint* lens, int n, bool lastWritable)
    {
        if (n > freeCount) return -1;
        ushort head = freeHead;
        ushort idx = head;
        for (int i = 0; i < n; i++)
        {
            Desc* d = &table[idx];
            d->Addr = addrs[i];
            d->Len = lens[i];
            ushort flags = i + 1 < n ? FlagNext : (ushort)0;
            if (lastWritable && i + 1 == n) flags |= FlagWrite;
            d->Flags = flags;
            if (i + 1 < n) idx = d->Next;
        }
        freeHead = table[idx].Next;
        freeCount -= n;
        ushort ai = avail->Idx;
        Le16* ring = (Le16*)avail->Ring;
        ring[ai % QueueSize] = head;
        Barrier.Write();
        avail->Idx = (ushort)(ai + 1);
        return head;
    }

    static uint WalkChain(Desc* table, ushort head)
    {
        uint total = 0;
        ushort i = head;
        while (true)
        {
            total += table[i].Len;
            Probe.U(table[i].Addr);
            if ((table[i].Flags & FlagNext) == 0) break;
            i = table[i].Next;
        }
        return total;
    }

    public static void Run()
    {
        Desc* table = stackalloc Desc[QueueSize];
        for (int i = 0; i < QueueSize; i++) table[i].Next = (ushort)((i + 1) % QueueSize);
        freeHead = 0;
        freeCount = QueueSize;
        Avail avail = default;
        ulong* addrs = stackalloc ulong[3] { 0x100000000ul, 0x2000, 0xFFFFFFFFFFFFF000ul };
        uint* lens = stackalloc uint[3] { 16, 512, 96 };
        int h1 = AddChain(table, &avail, addrs, lens, 3, true);
        Probe.I(h1);
        int h2 = AddChain(table, &avail, addrs, lens, 2, false);
        Probe.I(h2);
        int h3 = AddChain(table, &avail, addrs + 1, lens + 1, 1, true);
        Probe.I(h3);
        Probe.I((ushort)avail.Idx);
        Probe.I(WalkChain(table, (ushort)h1));
        Probe.I(WalkChain(table, (ushort)h3));
        byte* raw = (byte*)&table[0];
        for (int i = 0; i < sizeof(Desc); i++) Probe.I(raw[i]);
        UsedElem used;
        used.Id = (uint)h1;
        used.Len = 96;
        Probe.I((uint)used.Id + (uint)used.Len);
        Probe.I(sizeof(Desc));
        Probe.I(sizeof(Avail));
    }
}
