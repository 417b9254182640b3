// stackalloc with constant sizes, with and without initializers, of bytes, ints and structs.
namespace Corpus.Stackalloc;

public struct Entry { public ushort Key; public int Value; }

public static unsafe class Program
{
    public static void Run()
    {
        byte* buf = stackalloc byte[32];
        for (int i = 0; i < 32; i++) buf[i] = (byte)(255 - i);
        int s = 0;
        for (int i = 0; i < 32; i += 4) s += buf[i];
        Probe.I(s);
        byte* init = stackalloc byte[] { 1, 2, 3, 0xFF };
        Probe.I(init[0] + init[1] + init[2] + init[3]);
        int* nums = stackalloc int[5] { -1, int.MinValue, 7, int.MaxValue, 0 };
        long total = 0;
        for (int i = 0; i < 5; i++) total += nums[i];
        Probe.I(total);
        ulong* wide = stackalloc ulong[] { ulong.MaxValue, 1 };
        Probe.U(wide[0] + wide[1]);
        Entry* table = stackalloc Entry[4];
        for (int i = 0; i < 4; i++)
        {
            table[i].Key = (ushort)(i * 0x5000);
            table[i].Value = -i;
        }
        int found = 0;
        for (int i = 0; i < 4; i++)
            if (table[i].Key == 0xF000) found = table[i].Value;
        Probe.I(found);
        const int Size = 8;
        short* sh = stackalloc short[Size * 2];
        for (int i = 0; i < Size * 2; i++) sh[i] = (short)(i - Size);
        Probe.I(sh[0] * sh[Size * 2 - 1]);
    }
}
