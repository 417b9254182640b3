// Parameters a method ignores (a fixed OS signature: open flags, an interrupt's context): C's
// -Wunused-parameter must not fire, also for expression bodies and function-pointer targets.
namespace Corpus.UnusedParameters;

public static unsafe class Program
{
    static int Open(int unit, uint flags) => unit * 2;

    static uint Handler(void* context, void* sysBase, uint data)
    {
        uint r = data + 1;
        return r;
    }

    static void Nothing(long a, byte b) { }

    static int Pick(int a, int b, int c)
    {
        int x = a;
        return x + c;
    }

    public static void Run()
    {
        Probe.I(Open(21, 0xFFFF));
        Probe.U(Handler(null, null, 41));
        Nothing(1, 2);
        delegate*<int, int, int, int> f = &Pick;
        Probe.I(f(1, 1000, 2));
    }
}
