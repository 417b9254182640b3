// A field of a struct a call returns, read in an assignment (sense = Decode(...).Key): the
// evaluation-order analysis must look into the call without asking for the field's address.
namespace Corpus.StructCallResultField;

public struct Info
{
    public byte Key;
    public byte Asc;
    public bool Valid;
}

public static unsafe class Program
{
    static int calls;

    static Info Decode(byte* sense, int length)
    {
        calls++;
        Info i = default;
        if (length >= 3) { i.Key = (byte)(sense[2] & 0x0F); i.Valid = true; }
        if (length >= 13) i.Asc = sense[12];
        return i;
    }

    public static void Run()
    {
        byte* s = stackalloc byte[18];
        for (int i = 0; i < 18; i++) s[i] = (byte)(i * 17 + 5);
        byte key = 0;
        int n = 18;
        key = Decode(s, n).Key;
        Probe.I(key);
        int asc = 0;
        asc += Decode(s, n--).Asc;
        Probe.I(asc);
        Probe.I(n);
        Probe.B(Decode(s, 2).Valid);
        Probe.I(calls);
    }
}
