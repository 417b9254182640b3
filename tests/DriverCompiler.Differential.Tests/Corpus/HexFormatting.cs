// Hex digit extraction and a tiny number formatter writing ASCII codes into a buffer.
namespace Corpus.HexFormatting;

public static unsafe class Program
{
    static readonly byte[] Digits = { 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 65, 66, 67, 68, 69, 70 };

    static int FormatHex(ulong v, byte* out8)
    {
        int n = 0;
        do { out8[n++] = Digits[(int)(v & 0xF)]; v >>= 4; } while (v != 0);
        for (int i = 0, j = n - 1; i < j; i++, j--) { byte t = out8[i]; out8[i] = out8[j]; out8[j] = t; }
        return n;
    }

    static int FormatDec(long v, byte* buf)
    {
        bool neg = v < 0;
        ulong u = neg ? (ulong)(-(v + 1)) + 1 : (ulong)v;
        int n = 0;
        do { buf[n++] = (byte)(0x30 + (int)(u % 10)); u /= 10; } while (u != 0);
        if (neg) buf[n++] = 0x2D;
        for (int i = 0, j = n - 1; i < j; i++, j--) { byte t = buf[i]; buf[i] = buf[j]; buf[j] = t; }
        return n;
    }

    static void Show(byte* b, int n)
    {
        Probe.I(n);
        ulong h = 1469598103934665603ul;
        for (int i = 0; i < n; i++) { h ^= b[i]; h *= 1099511628211ul; }
        Probe.U(h);
        Probe.I(b[0]);
    }

    public static void Run()
    {
        byte* buf = stackalloc byte[24];
        Show(buf, FormatHex(0, buf));
        Show(buf, FormatHex(0xDEADBEEFul, buf));
        Show(buf, FormatHex(ulong.MaxValue, buf));
        Show(buf, FormatDec(long.MinValue, buf));
        Show(buf, FormatDec(-1, buf));
        Show(buf, FormatDec(1234567890123, buf));
    }
}
