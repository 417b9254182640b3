// C# identifiers that are C keywords, SDK/kernel type names or common macros must still work.
namespace Corpus.CNameClashes;

public struct Regs
{
    public int auto;
    public uint register;
    public byte signed;
    public ushort unsigned;
}

public static unsafe class Program
{
    static int inline(int restrict) => restrict + 1;
    static long union(long asm) => asm * 2;

    public static void Run()
    {
        int register = 1;
        int auto = 2;
        int signed = 3;
        int unsigned = 4;
        int restrict = 5;
        int asm = 6;
        int main = 7;
        int NULL = 8;
        int TRUE = 9;
        int FALSE = 10;
        int uint8 = 11;
        int int32 = 12;
        int BOOL = 13;
        int uchar = 14;
        int caddr_t = 15;
        int EOF = 16;
        int errno = 17;
        int printf = 18;
        Probe.I(register + auto + signed + unsigned + restrict + asm + main + NULL + TRUE + FALSE);
        Probe.I(uint8 + int32 + BOOL + uchar + caddr_t + EOF + errno + printf);
        Regs r = default;
        r.auto = -1;
        r.register = 0xFFFFFFFFu;
        r.signed = 0x80;
        r.unsigned = 0x8000;
        Probe.I(r.auto + r.register + r.signed + r.unsigned);
        Probe.I(inline(41));
        Probe.I(union(-21));
    }
}
