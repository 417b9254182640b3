// A bool reached through an address is one byte, as in .NET (found by the fuzzer: 28 campaign findings).
// A bool field is stored as uint8; a ref/out/in parameter was BOOL * (two bytes on amigaos4, an int on
// amix), so the callee wrote or read two or four bytes through a one-byte object: the neighbouring
// field changed, or a false bool next to a non-zero byte read as true. Every way a bool's address is
// taken must agree on one byte: fields, statics, locals passed by ref/out/in or by &, out variables
// declared in the call, value parameters passed on by ref, the temporaries of in arguments that are
// values, bool* pointers and function pointers with ref parameters. The bytes around each bool hold
// 0x5A so a wider access shows.
namespace Corpus.BoolByReference;

public struct S
{
    public bool A;
    public byte B;
    public bool C;
    public byte D;
}

public static unsafe class Program
{
    static bool g;
    static S gs;

    static void Set(ref bool b, bool v) { b = v; }
    static void Out(out bool b, bool v) { b = v; }
    static bool Read(in bool b) => b;
    static void SetP(bool* p, bool v) { *p = v; }
    static bool Flip(ref bool b) { b = !b; return b; }

    // a value parameter passed on by reference and by address: its storage is a byte too
    static bool Through(bool v)
    {
        Set(ref v, !v);
        bool first = v;
        SetP(&v, !v);
        return first && !v || Read(in v);
    }

    // a ref parameter passed on by reference: the same pointer
    static void Forward(ref bool b, bool v) { Set(ref b, v); }

    static int calls;
    static bool Next(bool v) { calls++; return v; }

    static void Show(S s) { Probe.B(s.A); Probe.I(s.B); Probe.B(s.C); Probe.I(s.D); }

    public static void Run()
    {
        gs.B = 0x5A;
        gs.D = 0x5A;
        // fields of a static struct by ref, out and in
        Set(ref gs.A, true);
        Show(gs);
        Out(out gs.C, true);
        Show(gs);
        Set(ref gs.A, false);
        Probe.B(Read(in gs.A));
        Probe.B(Read(gs.C));
        Forward(ref gs.C, false);
        Show(gs);
        Probe.B(Flip(ref gs.A));
        Show(gs);

        // a struct local
        S s = default;
        s.B = 0x5A;
        s.D = 0x5A;
        Out(out s.A, true);
        SetP(&s.C, true);
        Show(s);
        SetP(&s.A, false);
        Probe.B(Read(in s.A));
        Show(s);

        // locals by ref, out, in and &
        bool l = true;
        SetP(&l, false);
        Probe.B(l);
        Set(ref l, true);
        Probe.B(l);
        Out(out l, false);
        Probe.B(Read(in l));
        Out(out bool declared, true);
        Probe.B(declared);
        Out(out var declared2, false);
        Probe.B(declared2);
        bool* p = &l;
        *p = true;
        Probe.B(l);
        Probe.B(Flip(ref *p));
        Probe.B(l);

        // the static
        Set(ref g, true);
        Probe.B(g);
        fixed (bool* q = &gs.A) SetP(q, true);
        Show(gs);
        fixed (bool* q = &g) SetP(q, false);
        Probe.B(g);
        Set(ref g, true);
        Set(ref g, false);
        Probe.B(Read(in g));

        // value parameters passed on
        Probe.B(Through(true));
        Probe.B(Through(false));

        // in arguments that are values: a temporary of one byte
        Probe.B(Read(true));
        Probe.B(Read(l == false));
        Probe.B(Read(Next(true)));
        Probe.B(Read(!Next(l)));
        Probe.I(calls);

        // a bool array and stackalloc bytes
        bool* arr = stackalloc bool[4];
        Set(ref arr[1], true);
        Out(out arr[2], true);
        Probe.B(arr[0]); Probe.B(arr[1]); Probe.B(arr[2]); Probe.B(arr[3]);
        Probe.B(Read(in arr[1]));

        // function pointers with by-ref bool parameters
        delegate*<ref bool, bool, void> set = &Set;
        delegate*<in bool, bool> read = &Read;
        set(ref s.C, false);
        set(ref l, false);
        Probe.B(read(in l));
        Show(s);
    }
}
