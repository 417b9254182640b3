// fixed (byte* p = s.Buf) on a static struct field's fixed buffer, and fixed on a static scalar.
namespace Corpus.PointerFixedStatic;

public unsafe struct Area
{
    public int Used;
    public fixed byte Buf[24];
}

public static unsafe class Program
{
    static Area area;
    static uint word = 0x11223344u;

    static void Fill(byte seed)
    {
        fixed (byte* p = area.Buf)
        {
            for (int i = 0; i < 24; i++) p[i] = (byte)(seed + i * 11);
        }
        area.Used = 24;
    }

    public static void Run()
    {
        Fill(250);
        int sum = 0;
        fixed (byte* p = area.Buf)
        {
            byte* e = p + area.Used;
            for (byte* c = p; c < e; c++) sum += *c;
        }
        Probe.I(sum);
        Probe.I(area.Buf[1]);
        fixed (uint* pw = &word)
        {
            *pw += 1;
        }
        Probe.I(word);
        fixed (Area* pa = &area)
        {
            pa->Used = -1;
            pa->Buf[0] = 0;
        }
        Probe.I(area.Used);
        Probe.I(area.Buf[0]);
    }
}
