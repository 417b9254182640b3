// The one way a corpus program reports results. Added to every program's compilation.
// In .NET each body appends a line to the StringBuilder the test host puts in the thread's
// "DriverCompiler.Probe" data slot; the lowered C calls probe_* from Harness/probe.c instead.
// The bodies are never lowered ([CBinding]), so they may use anything .NET offers.
using DriverCompiler.Dsl;

[CHeader("probe.h", Local = true)]
public static class Probe
{
    [CBinding("probe_i")]
    public static void I(long v) =>
        ((System.Text.StringBuilder)System.Threading.Thread.GetData(System.Threading.Thread.GetNamedDataSlot("DriverCompiler.Probe")))
            .Append(v.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');

    [CBinding("probe_u")]
    public static void U(ulong v) =>
        ((System.Text.StringBuilder)System.Threading.Thread.GetData(System.Threading.Thread.GetNamedDataSlot("DriverCompiler.Probe")))
            .Append(v.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');

    [CBinding("probe_b")]
    public static void B(bool v) =>
        ((System.Text.StringBuilder)System.Threading.Thread.GetData(System.Threading.Thread.GetNamedDataSlot("DriverCompiler.Probe")))
            .Append(v ? "true" : "false").Append('\n');

    [CBinding("probe_str")]
    public static void Str(string s) =>
        ((System.Text.StringBuilder)System.Threading.Thread.GetData(System.Threading.Thread.GetNamedDataSlot("DriverCompiler.Probe")))
            .Append(s).Append('\n');

    /// <summary>A full, blocking, compacting garbage collection in .NET, which moves whatever storage is movable
    /// (a pointer taken before it then points at the old place); nothing in C, which has no collector.</summary>
    [CBinding("probe_collect")]
    public static void Collect() => System.GC.Collect(2, System.GCCollectionMode.Forced, blocking: true, compacting: true);

    /// <summary>Calls <paramref name="handler"/> once, asynchronously, <paramref name="ms"/> milliseconds from
    /// now: in .NET from another thread, in C from a SIGALRM handler (what an interrupt is to a driver).</summary>
    [CBinding("probe_after")]
    public static unsafe void After(int ms, delegate*<void> handler)
    {
        nint h = (nint)handler;
        new System.Threading.Thread(() =>
        {
            System.Threading.Thread.Sleep(ms);
            ((delegate*<void>)h)();
        }) { IsBackground = true }.Start();
    }
}
