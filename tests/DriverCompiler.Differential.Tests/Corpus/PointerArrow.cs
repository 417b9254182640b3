// p->field reads and writes, pointers to nested structs, and a linked list through pointers.
namespace Corpus.PointerArrow;

public unsafe struct Node
{
    public int Value;
    public Node* Next;
}

public struct Dims { public ushort W; public ushort H; }
public struct Win { public Dims Size; public int Id; }

public static unsafe class Program
{
    static int Walk(Node* n)
    {
        int sum = 0;
        while (n != null)
        {
            sum = sum * 10 + n->Value;
            n = n->Next;
        }
        return sum;
    }

    public static void Run()
    {
        Node c = default;
        c.Value = 3;
        c.Next = null;
        Node b = default;
        b.Value = 2;
        b.Next = &c;
        Node a = default;
        a.Value = 1;
        a.Next = &b;
        Probe.I(Walk(&a));
        a.Next->Next->Value = 9;
        Probe.I(Walk(&a));
        Node* head = &a;
        head->Next = head->Next->Next;
        Probe.I(Walk(head));
        Win w = default;
        Win* pw = &w;
        pw->Size.W = 640;
        pw->Size.H = 480;
        pw->Id = -1;
        Dims* pd = &pw->Size;
        pd->W *= 2;
        Probe.I(w.Size.W * w.Size.H);
        Probe.I(pw->Id);
    }
}
