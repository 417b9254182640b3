// Building SCSI CDBs with big-endian fields (READ(10), READ(16), INQUIRY) and decoding READ CAPACITY data.
using DriverCompiler.Dsl;
using System.Runtime.InteropServices;

namespace Corpus.DriverScsiCdb;

[StructLayout(LayoutKind.Explicit, Size = 10)]
public struct Cdb10
{
    [FieldOffset(0)] public byte Opcode;
    [FieldOffset(1)] public byte Flags;
    [FieldOffset(2)] public Be32 Lba;
    [FieldOffset(6)] public byte Group;
    [FieldOffset(7)] public Be16 Length;
    [FieldOffset(9)] public byte Control;
}

[StructLayout(LayoutKind.Explicit, Size = 16)]
public struct Cdb16
{
    [FieldOffset(0)] public byte Opcode;
    [FieldOffset(1)] public byte Flags;
    [FieldOffset(2)] public Be64 Lba;
    [FieldOffset(10)] public Be32 Length;
    [FieldOffset(14)] public byte Group;
    [FieldOffset(15)] public byte Control;
}

public struct Capacity10 { public Be32 LastLba; public Be32 BlockSize; }

public static unsafe class Program
{
    static void Dump(byte* p, int n)
    {
        uint acc = 0;
        for (int i = 0; i < n; i++)
        {
            Probe.I(p[i]);
            acc = acc * 33 + p[i];
        }
        Probe.I(acc);
    }

    public static void Run()
    {
        Cdb10 r10 = default;
        r10.Opcode = 0x28;
        r10.Lba = 0x00123456u;
        r10.Length = (ushort)0x0080;
        Probe.I(sizeof(Cdb10));
        Dump((byte*)&r10, sizeof(Cdb10));
        Cdb16 r16 = default;
        r16.Opcode = 0x88;
        r16.Lba = 0x0000000123456789ul;
        r16.Length = 0x00010000u;
        Dump((byte*)&r16, sizeof(Cdb16));
        byte* reply = stackalloc byte[] { 0x00, 0x3F, 0xFF, 0xFF, 0x00, 0x00, 0x02, 0x00 };
        Capacity10* cap = (Capacity10*)reply;
        uint last = cap->LastLba;
        uint block = cap->BlockSize;
        Probe.I(last);
        Probe.I(block);
        Probe.U(((ulong)last + 1) * block);
        Cdb10 copy = r10;
        copy.Lba = (uint)copy.Lba + 1u;
        Probe.I((uint)copy.Lba);
        Probe.I((uint)r10.Lba);
    }
}
