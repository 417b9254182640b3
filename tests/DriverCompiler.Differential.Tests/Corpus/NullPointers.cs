// null as a pointer in every position: argument, return, comparison both ways, ?:, field, array
// element, default(T*), function pointer.
namespace Corpus.NullPointers;

public unsafe struct Node
{
    public int Value;
    public Node* Next;
    public delegate*<int, int> Hook;
}

public static unsafe class Program
{
    static Node* shared = null;

    static int Len(Node* n) { int k = 0; while (n != null) { k++; n = n->Next; } return k; }
    static Node* Pick(Node* a, bool first) => first ? a : null;
    static Node* Nothing() { return null; }
    static int Twice(int v) => v * 2;

    public static void Run()
    {
        Probe.I(Len(null));
        Node a = default;
        Node b = default;
        a.Next = &b;
        b.Next = null;
        Probe.I(Len(&a));
        Probe.B(Pick(&a, false) == null);
        Probe.B(null == Pick(&a, true));
        Probe.B(Nothing() == null);
        Node* p = default(Node*);
        Probe.B(p == null);
        p = true ? null : &a;
        Probe.B(p == null);
        Node** slots = stackalloc Node*[2];
        slots[0] = null;
        slots[1] = &b;
        Probe.B(slots[0] == null);
        Probe.B(slots[1] != null);
        Probe.B(shared == null);
        shared = &a;
        Probe.B(shared != null);
        a.Hook = null;
        Probe.B(a.Hook == null);
        a.Hook = &Twice;
        Probe.I(a.Hook != null ? a.Hook(21) : -1);
        void* v = null;
        Probe.B(v == null);
        byte* bp = (byte*)null;
        Probe.B(bp == null);
    }
}
