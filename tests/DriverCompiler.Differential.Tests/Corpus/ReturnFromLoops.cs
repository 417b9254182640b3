// return from inside nested loops and switch sections.
namespace Corpus.ReturnFromLoops;

public static unsafe class Program
{
    static int FirstSquareAbove(int limit)
    {
        for (int i = 0; ; i++)
        {
            int sq = i * i;
            if (sq > limit) return i;
        }
    }

    static long Search(int needle)
    {
        int row = 0;
        while (row < 8)
        {
            int col = 0;
            do
            {
                if (row * 8 + col == needle) return (long)row << 32 | (uint)col;
                col++;
            } while (col < 8);
            row++;
        }
        return -1;
    }

    static int Kind(int v)
    {
        for (int k = 0; k < 3; k++)
        {
            switch (v + k)
            {
                case 5: return k;
                case 9: return 100 + k;
            }
        }
        return -1;
    }

    public static void Run()
    {
        Probe.I(FirstSquareAbove(0));
        Probe.I(FirstSquareAbove(99));
        Probe.I(FirstSquareAbove(1000000));
        Probe.I(Search(0));
        Probe.I(Search(63));
        Probe.I(Search(64));
        Probe.I(Kind(3));
        Probe.I(Kind(8));
        Probe.I(Kind(0));
    }
}
