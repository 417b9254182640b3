// Register bit fields: extract, insert, toggle, test with masks and shifts, on 8/16/32/64-bit registers.
namespace Corpus.DriverBitFields;

public static unsafe class Program
{
    static uint Get(uint reg, int shift, int width) => (reg >> shift) & ((1u << width) - 1);

    static uint Set(uint reg, int shift, int width, uint value)
    {
        uint mask = ((1u << width) - 1) << shift;
        return (reg & ~mask) | ((value << shift) & mask);
    }

    static ulong Get64(ulong reg, int shift, int width) =>
        width == 64 ? reg >> shift : (reg >> shift) & ((1ul << width) - 1);

    public static void Run()
    {
        uint ctrl = 0;
        ctrl = Set(ctrl, 0, 1, 1);
        ctrl = Set(ctrl, 4, 3, 5);
        ctrl = Set(ctrl, 28, 4, 0xF);
        ctrl = Set(ctrl, 8, 8, 0x1FF);
        Probe.I(ctrl);
        Probe.I(Get(ctrl, 4, 3));
        Probe.I(Get(ctrl, 28, 4));
        Probe.I(Get(ctrl, 8, 8));
        Probe.I(Get(ctrl, 0, 31));
        ushort status = 0b1010_0000_1100_0011;
        Probe.B((status & (1 << 15)) != 0);
        Probe.B((status & (1 << 14)) != 0);
        status ^= 0x00FF;
        Probe.I(status);
        status &= unchecked((ushort)~0x8000);
        Probe.I(status);
        byte irq = 0x5A;
        int lowest = -1;
        for (int b = 0; b < 8; b++) if ((irq & (1 << b)) != 0) { lowest = b; break; }
        Probe.I(lowest);
        ulong big = 0xFEDCBA9876543210ul;
        Probe.U(Get64(big, 60, 4));
        Probe.U(Get64(big, 0, 64));
        Probe.U(Get64(big, 20, 40));
        uint rev = 0;
        uint src = 0x00000001u;
        for (int i = 0; i < 32; i++) { rev = (rev << 1) | (src & 1); src >>= 1; }
        Probe.I(rev);
    }
}
