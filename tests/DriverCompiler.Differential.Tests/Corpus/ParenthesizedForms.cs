// Redundant parentheses change nothing: constant static initialisers, tables, p->field and
// (*p).field through parentheses (issue 15: `static int a = (-5);` was DRV0015).
namespace Corpus.ParenthesizedForms;

public struct Pair
{
    public int A;
    public ushort B;
}

public static unsafe class Program
{
    static int a = (-5);
    static ushort g = ((ushort)7);
    static uint h = (0xF0u | (0x0Fu));
    static long big = ((-(1L << 40)));
    static bool flag = (true);
    static readonly int[] Table = ((new int[] { (1), ((2)) + 3, -(4) }));
    static readonly byte[] Bytes = ([(byte)(9), ((10))]);

    public static void Run()
    {
        Probe.I(a);
        Probe.I(g);
        Probe.I(h);
        Probe.I(big);
        Probe.B(flag);
        Probe.I(Table[0] + Table[1] * 10 + Table[2] * 100);
        Probe.I(Table.Length);
        Probe.I(Bytes[0] + Bytes[1]);
        Pair pair = default;
        Pair* p = &pair;
        (p)->A = 41;
        ((p))->B = 9;
        (*p).A += 1;
        (*(p)).B *= 3;
        Probe.I((p)->A);
        Probe.I(((p))->B);
        Probe.I((*(p)).A - (*p).B);
    }
}
