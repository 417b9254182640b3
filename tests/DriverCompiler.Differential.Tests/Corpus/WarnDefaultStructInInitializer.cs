// default(S) read inside another struct's initializer, where S starts with an array or a struct (found by
// the fuzzer, campaign seeds 200090, 200104, 300001, 300007, 300073, 300090, 300243, 300286): C's (struct s){ 0 } there draws GCC's
// -Wmissing-braces. The zero value is now written by naming a scalar member, (struct s){ .len = 0 }.
using DriverCompiler.Dsl;

namespace Corpus.WarnDefaultStructInInitializer;

public unsafe struct Buffered
{
    public fixed byte Data[4];
    public ulong Len;
    public Be32 Tag;
}

public struct Inner { public int A; public short B; }

public struct Outer
{
    public Inner In;
    public uint Flags;
}

public struct Pair
{
    public ulong X;
    public int Y;
    public uint Z;
}

public static unsafe class Program
{
    static Pair g;

    public static void Run()
    {
        g = new Pair { X = 1, Y = (int)default(Buffered).Len, Z = (uint)default(Buffered).Tag };
        Probe.U(g.X);
        Probe.I(g.Y);
        Probe.U(g.Z);
        g = new Pair { X = default(Outer).Flags + 5u, Y = new Outer().In.A - 3 };
        Probe.U(g.X);
        Probe.I(g.Y);
        Probe.U(g.Z);
    }
}
