// SCSI CDBs: READ(10)/READ(16) packed byte by byte (their fields are misaligned), and naturally aligned
// big-endian reply structures (READ CAPACITY(10/16), REPORT LUNS) read through Be types.
using DriverCompiler.Dsl;

namespace Corpus.DriverScsiCdb;

public unsafe struct Cdb { public fixed byte Bytes[16]; }

public struct Capacity10 { public Be32 LastLba; public Be32 BlockSize; }
public struct Capacity16 { public Be64 LastLba; public Be32 BlockSize; public Be32 Flags; }
public struct LunListHeader { public Be32 Length; public Be32 Reserved; public Be64 FirstLun; }

public static unsafe class Program
{
    static void PutBe32(byte* p, uint v) { p[0] = (byte)(v >> 24); p[1] = (byte)(v >> 16); p[2] = (byte)(v >> 8); p[3] = (byte)v; }
    static void PutBe16(byte* p, ushort v) { p[0] = (byte)(v >> 8); p[1] = (byte)v; }

    static void Dump(byte* p, int n)
    {
        uint acc = 0;
        for (int i = 0; i < n; i++) { Probe.I(p[i]); acc = acc * 33 + p[i]; }
        Probe.I(acc);
    }

    public static void Run()
    {
        Cdb r10 = default;
        r10.Bytes[0] = 0x28;
        PutBe32(r10.Bytes + 2, 0x00123456u);
        PutBe16(r10.Bytes + 7, 0x0080);
        Dump(r10.Bytes, 10);
        Cdb r16 = default;
        r16.Bytes[0] = 0x88;
        ulong lba = 0x0000000123456789ul;
        PutBe32(r16.Bytes + 2, (uint)(lba >> 32));
        PutBe32(r16.Bytes + 6, (uint)lba);
        PutBe32(r16.Bytes + 10, 0x00010000u);
        Dump(r16.Bytes, 16);
        byte* reply = stackalloc byte[] { 0x00, 0x3F, 0xFF, 0xFF, 0x00, 0x00, 0x02, 0x00 };
        Capacity10* cap = (Capacity10*)reply;
        uint last = cap->LastLba;
        uint block = cap->BlockSize;
        Probe.I(last);
        Probe.I(block);
        Probe.U(((ulong)last + 1) * block);
        Capacity16 c16 = default;
        c16.LastLba = 0x00000001FFFFFFFFul;
        c16.BlockSize = 4096u;
        Dump((byte*)&c16, sizeof(Capacity16));
        Probe.U(((ulong)c16.LastLba + 1) * (uint)c16.BlockSize);
        LunListHeader h = default;
        h.Length = 8u;
        h.FirstLun = 0x0001000000000000ul;
        Dump((byte*)&h, sizeof(LunListHeader));
        Probe.I(sizeof(Capacity16));
    }
}
