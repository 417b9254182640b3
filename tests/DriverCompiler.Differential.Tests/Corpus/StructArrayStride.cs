// Arrays of structs on the stack walked with p++: the stride is sizeof(S), padding included.
namespace Corpus.StructArrayStride;

public struct Rec { public byte Tag; public uint Value; public ushort Extra; }

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(sizeof(Rec));
        Rec* recs = stackalloc Rec[5];
        for (int i = 0; i < 5; i++) { recs[i].Tag = (byte)(i + 0x41); recs[i].Value = 0xFFFFFFF0u + (uint)i * 5; recs[i].Extra = (ushort)(i * 30000); }
        long sum = 0;
        for (Rec* p = recs; p < recs + 5; p++) sum += p->Tag + p->Value + p->Extra;
        Probe.I(sum);
        Probe.I((byte*)(recs + 3) - (byte*)recs);
        Rec* last = &recs[4];
        Probe.I(last - recs);
        Probe.I(last->Value);
        Rec copy = *last;
        copy.Tag = 0;
        Probe.I(recs[4].Tag);
        *recs = copy;
        Probe.I(recs[0].Tag);
        Probe.I(recs[0].Value);
    }
}
