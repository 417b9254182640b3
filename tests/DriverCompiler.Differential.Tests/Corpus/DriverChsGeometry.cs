// LBA <-> CHS conversion with classic geometries, limits, and 28/48-bit LBA splitting into registers.
namespace Corpus.DriverChsGeometry;

public struct Chs { public ushort Cylinder; public byte Head; public byte Sector; }

public static unsafe class Program
{
    static bool ToChs(uint lba, ushort heads, byte sectors, ushort cylinders, out Chs chs)
    {
        chs = default;
        uint perCyl = (uint)heads * sectors;
        uint cyl = lba / perCyl;
        if (cyl >= cylinders) return false;
        uint rem = lba % perCyl;
        chs.Cylinder = (ushort)cyl;
        chs.Head = (byte)(rem / sectors);
        chs.Sector = (byte)(rem % sectors + 1);
        return true;
    }

    static uint ToLba(Chs c, ushort heads, byte sectors) =>
        ((uint)c.Cylinder * heads + c.Head) * sectors + (uint)(c.Sector - 1);

    public static void Run()
    {
        uint* lbas = stackalloc uint[] { 0, 1, 62, 63, 1007, 1008, 16514063, 16514064, 0xFFFFFFFFu };
        for (int i = 0; i < 9; i++)
        {
            bool ok = ToChs(lbas[i], 16, 63, 16383, out Chs c);
            Probe.B(ok);
            Probe.I(c.Cylinder);
            Probe.I(c.Head);
            Probe.I(c.Sector);
            if (ok) Probe.I(ToLba(c, 16, 63));
        }
        ulong lba48 = 0x0000123456789ABCul;
        byte* regs = stackalloc byte[6];
        for (int i = 0; i < 6; i++) regs[i] = (byte)(lba48 >> (8 * i));
        for (int i = 0; i < 6; i++) Probe.I(regs[i]);
        uint lba28 = 0x0ABCDEF1u;
        byte device = (byte)(0xE0 | ((lba28 >> 24) & 0x0F));
        Probe.I(device);
        ulong capacity = 16383UL * 16 * 63 * 512;
        Probe.U(capacity);
        Probe.U(capacity >> 20);
    }
}
