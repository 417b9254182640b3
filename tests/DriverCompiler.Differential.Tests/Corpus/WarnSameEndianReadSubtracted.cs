// The same endian field read twice through one pointer and subtracted (fuzz seed 500089:
// (byte)((ushort)q->F1 - (ushort)q->F1) > (byte)(5 - g9)). GCC sees the same byte swap of the same memory
// twice, folds the difference to 0 and calls the comparison always false (-Wtype-limits under -Werror). The
// lowering knows x - x is 0 through p-> and the endian conversions too, and decides the comparison itself.
using DriverCompiler.Dsl;

namespace Corpus.WarnSameEndianReadSubtracted;

public struct Header
{
    public Le16 Length;
    public Be32 Tag;
    public ushort Plain;
}

public static unsafe class Program
{
    static Header h;
    static short s9 = 3;

    public static void Run()
    {
        Header* q = Addr.Of(ref h);
        q->Length = 500;
        q->Tag = 0x01020304u;
        q->Plain = 7;
        Probe.B(((byte)(((ushort)q->Length) - ((ushort)q->Length))) > ((byte)(((short)5) - s9)));
        Probe.B(((byte)(((uint)q->Tag) - ((uint)q->Tag))) > ((byte)(s9 + 1)));
        Probe.B(((ushort)(q->Plain - q->Plain)) > ((ushort)s9));
        Probe.B(((byte)(((ushort)q->Length) - ((ushort)h.Length))) <= ((byte)s9));
        Probe.I((ushort)q->Length);
        Probe.U((uint)q->Tag);
    }
}
