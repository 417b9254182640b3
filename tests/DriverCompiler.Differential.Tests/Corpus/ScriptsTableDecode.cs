// A table of 32-bit instruction words decoded by opcode fields, like a SCRIPTS program listing.
namespace Corpus.ScriptsTableDecode;

public static unsafe class Program
{
    static readonly uint[] Script =
    {
        0x80080000u, 0x00000010u,
        0x98080000u, 0x0000AB01u,
        0x78340000u, 0x00000000u,
        0x0E000004u, 0x00000100u,
        0x48000000u, 0x00000000u,
        0xC0000004u, 0x00000200u,
    };

    static int Kind(uint op)
    {
        switch (op >> 30)
        {
            case 0: return 1; // block move
            case 1: return 2; // I/O
            case 2: return 3; // transfer control
            default: return 4; // memory move
        }
    }

    public static void Run()
    {
        for (int i = 0; i < Script.Length; i += 2)
        {
            uint op = Script[i];
            uint arg = Script[i + 1];
            Probe.I(Kind(op));
            Probe.I((op >> 27) & 7);
            Probe.I(op & 0x00FFFFFF);
            Probe.I(arg);
            Probe.B((op & (1u << 23)) != 0);
        }
        uint patched = Script[1] + 0x1000u;
        Probe.I(patched);
        Probe.I(Script.Length * 4);
    }
}
