// Internet checksum (ones' complement with end-around carry), Fletcher-16, Adler-32 and an XOR sum.
namespace Corpus.DriverChecksums;

public static unsafe class Program
{
    static ushort InetChecksum(byte* p, int n)
    {
        uint sum = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) sum += (uint)(p[i] << 8 | p[i + 1]);
        if (i < n) sum += (uint)(p[i] << 8);
        while ((sum >> 16) != 0) sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }

    static ushort Fletcher16(byte* p, int n)
    {
        ushort a = 0, b = 0;
        for (int i = 0; i < n; i++)
        {
            a = (ushort)((a + p[i]) % 255);
            b = (ushort)((b + a) % 255);
        }
        return (ushort)(b << 8 | a);
    }

    static uint Adler32(byte* p, int n)
    {
        uint a = 1, b = 0;
        for (int i = 0; i < n; i++)
        {
            a = (a + p[i]) % 65521;
            b = (b + a) % 65521;
        }
        return b << 16 | a;
    }

    public static void Run()
    {
        byte* hdr = stackalloc byte[] { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 0xC0, 0xA8, 0x00, 0x01, 0xC0, 0xA8, 0x00, 0xC7 };
        Probe.I(InetChecksum(hdr, 20));
        Probe.I(InetChecksum(hdr, 19));
        byte* text = stackalloc byte[] { 0x61, 0x62, 0x63, 0x64, 0x65 };
        Probe.I(Fletcher16(text, 5));
        Probe.I(Adler32(text, 5));
        byte* big = stackalloc byte[4096];
        for (int i = 0; i < 4096; i++) big[i] = 0xFF;
        Probe.I(Adler32(big, 4096));
        Probe.I(InetChecksum(big, 4096));
        byte x = 0;
        for (int i = 0; i < 20; i++) x ^= hdr[i];
        Probe.I(x);
    }
}
