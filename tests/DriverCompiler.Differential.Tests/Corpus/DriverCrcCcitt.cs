// CRC-16/CCITT-FALSE (non-reflected, 16-bit arithmetic in int with masking) and CRC-7 as SD cards use.
namespace Corpus.DriverCrcCcitt;

public static unsafe class Program
{
    static ushort Crc16(byte* p, int n)
    {
        ushort crc = 0xFFFF;
        for (int i = 0; i < n; i++)
        {
            crc ^= (ushort)(p[i] << 8);
            for (int k = 0; k < 8; k++)
                crc = (crc & 0x8000) != 0 ? (ushort)((crc << 1) ^ 0x1021) : (ushort)(crc << 1);
        }
        return crc;
    }

    static byte Crc7(byte* p, int n)
    {
        byte crc = 0;
        for (int i = 0; i < n; i++)
        {
            byte d = p[i];
            for (int k = 0; k < 8; k++)
            {
                crc <<= 1;
                if (((d & 0x80) ^ (crc & 0x80)) != 0) crc ^= 0x09;
                d <<= 1;
            }
        }
        return (byte)((crc << 1) | 1);
    }

    public static void Run()
    {
        byte* s = stackalloc byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
        Probe.I(Crc16(s, 9));
        byte* cmd0 = stackalloc byte[] { 0x40, 0, 0, 0, 0 };
        Probe.I(Crc7(cmd0, 5));
        byte* cmd8 = stackalloc byte[] { 0x48, 0, 0, 0x01, 0xAA };
        Probe.I(Crc7(cmd8, 5));
        byte* ff = stackalloc byte[64];
        for (int i = 0; i < 64; i++) ff[i] = 0xFF;
        Probe.I(Crc16(ff, 64));
    }
}
