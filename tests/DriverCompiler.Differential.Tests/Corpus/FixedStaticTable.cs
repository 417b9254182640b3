// fixed (T* p = Table) over static readonly arrays: a command list handed out as a pointer
// (NSCMD_DEVICEQUERY's SupportedCommands), walked to its 0 terminator, and a lookup table.
namespace Corpus.FixedStaticTable;

public static unsafe class Program
{
    static readonly ushort[] Commands = { 2, 3, 4, 0x4000, 0xC000, 0xE003, 0 };
    static readonly byte[] Weights = { 7, 0, 255, 128, 1 };

    static int Count(ushort* list)
    {
        int n = 0;
        while (list[n] != 0) n++;
        return n;
    }

    public static void Run()
    {
        ushort* handed;
        fixed (ushort* p = Commands)
            handed = p;
        Probe.I(Count(handed));
        uint sum = 0;
        for (int i = 0; handed[i] != 0; i++) sum = sum * 31 + handed[i];
        Probe.U(sum);
        fixed (byte* w = Weights)
        {
            int acc = 0;
            for (int i = 0; i < Weights.Length; i++) acc += w[i] * (i + 1);
            Probe.I(acc);
            Probe.I(w[2] + w[3]);
        }
    }
}
