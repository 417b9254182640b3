// ?: over operands of different signedness: C# converts both to the result type (long for int and uint),
// C's ?: would convert the int to unsigned (-Wsign-compare) and change the value.
namespace Corpus.WarnSignedConditional;

public static unsafe class Program
{
    static void Pick(bool flag, int x, uint r, byte b, sbyte sb, ushort us)
    {
        long l = flag ? r : x;
        Probe.I(l);
        Probe.I(flag ? x : r);
        Probe.B((flag ? r : x) < 0);
        Probe.I(flag ? b : sb);
        Probe.U(flag ? r : (uint)b);
        Probe.I(flag ? us : x);
        Probe.I((flag ? sb : us) + 1);
    }

    public static void Run()
    {
        Pick(false, -1, 7, 200, -3, 65535);
        Pick(true, -1, 0xFFFFFFFFu, 200, -3, 65535);
        Pick(false, int.MinValue, 0, 0, sbyte.MinValue, 0);
    }
}
