// A chain of big-endian DMA descriptors (as a 68k-era controller reads them) built and walked by index.
using DriverCompiler.Dsl;

namespace Corpus.DmaDescriptorChain;

[Dma]
public struct Sg
{
    public Be32 Address;
    public Be32 CountAndFlags;
}

public static unsafe class Program
{
    const uint Last = 0x80000000u;
    const uint CountMask = 0x00FFFFFFu;

    static int Build(Sg* table, uint address, uint length, uint maxSeg)
    {
        int n = 0;
        while (length > 0)
        {
            uint seg = length < maxSeg ? length : maxSeg;
            uint boundary = 0x10000u - (address & 0xFFFFu);
            if (seg > boundary) seg = boundary;
            table[n].Address = address;
            table[n].CountAndFlags = seg;
            address += seg;
            length -= seg;
            n++;
        }
        table[n - 1].CountAndFlags = (uint)table[n - 1].CountAndFlags | Last;
        return n;
    }

    public static void Run()
    {
        Sg* table = stackalloc Sg[16];
        int n = Build(table, 0x0001FF00u, 0x30000u, 0x10000u);
        Probe.I(n);
        uint total = 0;
        for (int i = 0; i < n; i++)
        {
            uint cf = table[i].CountAndFlags;
            Probe.I(table[i].Address);
            Probe.I(cf & CountMask);
            Probe.B((cf & Last) != 0);
            total += cf & CountMask;
        }
        Probe.I(total);
        byte* raw = (byte*)table;
        for (int i = 0; i < 8; i++) Probe.I(raw[i]);
    }
}
