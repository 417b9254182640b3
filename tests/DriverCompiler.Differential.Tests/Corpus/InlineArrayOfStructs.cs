// An inline array whose elements are structs; element fields mutated in place and by copy.
namespace Corpus.InlineArrayOfStructs;

public struct Cell { public short Row; public short Col; public byte State; }

[System.Runtime.CompilerServices.InlineArray(3)]
public struct Cells { private Cell element; }

public static unsafe class Program
{
    public static void Run()
    {
        Probe.I(sizeof(Cell));
        Probe.I(sizeof(Cells));
        Cells cs = default;
        for (int i = 0; i < 3; i++)
        {
            cs[i].Row = (short)(i - 1);
            cs[i].Col = (short)(i * -1000);
            cs[i].State = (byte)(250 + i * 2);
        }
        int sum = 0;
        foreach (Cell c in cs) sum += c.Row + c.Col + c.State;
        Probe.I(sum);
        Cell tmp = cs[1];
        tmp.State = 0;
        Probe.I(cs[1].State);
        cs[2] = tmp;
        Probe.I(cs[2].State);
        Cell* p = (Cell*)&cs;
        p[0].Row = 77;
        Probe.I(cs[0].Row);
    }
}
