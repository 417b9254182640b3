// CRC-32 (IEEE, reflected) bitwise and with a 16-entry nibble table; both must agree.
namespace Corpus.DriverCrc32;

public static unsafe class Program
{
    static readonly uint[] Nibble =
    {
        0x00000000u, 0x1DB71064u, 0x3B6E20C8u, 0x26D930ACu, 0x76DC4190u, 0x6B6B51F4u, 0x4DB26158u, 0x5005713Cu,
        0xEDB88320u, 0xF00F9344u, 0xD6D6A3E8u, 0xCB61B38Cu, 0x9B64C2B0u, 0x86D3D2D4u, 0xA00AE278u, 0xBDBDF21Cu,
    };

    static uint Bitwise(byte* p, int n)
    {
        uint crc = 0xFFFFFFFFu;
        for (int i = 0; i < n; i++)
        {
            crc ^= p[i];
            for (int k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    static uint Table(byte* p, int n)
    {
        uint crc = 0xFFFFFFFFu;
        for (int i = 0; i < n; i++)
        {
            crc ^= p[i];
            crc = (crc >> 4) ^ Nibble[crc & 0xF];
            crc = (crc >> 4) ^ Nibble[crc & 0xF];
        }
        return ~crc;
    }

    public static void Run()
    {
        byte* check = stackalloc byte[] { 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39 };
        Probe.I(Bitwise(check, 9));
        Probe.I(Table(check, 9));
        byte* data = stackalloc byte[200];
        for (int i = 0; i < 200; i++) data[i] = (byte)(i * 7 + 3);
        Probe.I(Bitwise(data, 200));
        Probe.I(Table(data, 200));
        Probe.I(Bitwise(data, 0));
    }
}
