// An inline array as a struct field and as a static field: a small queue of slots.
namespace Corpus.InlineArrayInStruct;

[System.Runtime.CompilerServices.InlineArray(6)]
public struct Slots
{
    private ushort element;
}

public struct Queue
{
    public byte Head;
    public byte Count;
    public Slots Items;
}

public static unsafe class Program
{
    static Queue q;

    static bool Push(ushort v)
    {
        if (q.Count == 6) return false;
        q.Items[(q.Head + q.Count) % 6] = v;
        q.Count++;
        return true;
    }

    static int Pop()
    {
        if (q.Count == 0) return -1;
        int v = q.Items[q.Head];
        q.Head = (byte)((q.Head + 1) % 6);
        q.Count--;
        return v;
    }

    public static void Run()
    {
        Probe.I(sizeof(Queue));
        for (int i = 0; i < 8; i++) Probe.B(Push((ushort)(65530 + i)));
        for (int i = 0; i < 3; i++) Probe.I(Pop());
        for (int i = 0; i < 4; i++) Probe.B(Push((ushort)i));
        int n;
        while ((n = Pop()) >= 0) Probe.I(n);
        Queue local = q;
        local.Items[0] = 1;
        Probe.I(q.Items[0]);
        Probe.I(local.Items[0]);
    }
}
