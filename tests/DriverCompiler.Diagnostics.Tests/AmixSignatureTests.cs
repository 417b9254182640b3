namespace DriverCompiler.Diagnostics.Tests;

/// <summary>
/// Issue 13: every Amix entry point role is checked against its SVR4 DDI/DKI signature (DRV0320). Each row is the
/// signature from the DDI/DKI Reference Manual (D2DK open, close, read, write, ioctl, mmap, chpoll, strategy, print, size,
/// init, put, srv; int2_tbl's <c>void (*[])()</c>) written here as C#, so the expectation does not come from the checker's
/// own table: the right shape is clean, the same shape with its last parameter dropped (or, for a parameterless one, one
/// added) is DRV0320 at the method, and the message gives the C signature.
/// </summary>
public class AmixSignatureTests
{
    private const string Dev = "[DriverCompiler.Dsl.CType(\"dev_t\")] uint";

    public static TheoryData<string, string, string, string> Roles => new()
    {
        // kind, role (AmixEntryPoint member, or "Interrupt"), C# parameters, C signature the message must show
        { "AmixCharDriver", "Open", $"{Dev}* devp, int oflag, int otyp, Amix.Cred* crp", "int lpopen(dev_t *devp, int oflag, int otyp, cred_t *crp)" },
        { "AmixCharDriver", "Close", $"{Dev} dev, int oflag, int otyp, Amix.Cred* crp", "int lpclose(dev_t dev, int oflag, int otyp, cred_t *crp)" },
        { "AmixCharDriver", "Read", $"{Dev} dev, Amix.UioT* uiop, Amix.Cred* crp", "int lpread(dev_t dev, struct uio *uiop, cred_t *crp)" },
        { "AmixCharDriver", "Write", $"{Dev} dev, Amix.UioT* uiop, Amix.Cred* crp", "int lpwrite(dev_t dev, struct uio *uiop, cred_t *crp)" },
        { "AmixCharDriver", "Ioctl", $"{Dev} dev, int cmd, int arg, int mode, Amix.Cred* crp, int* rvalp", "int lpioctl(dev_t dev, int cmd, int arg, int mode, cred_t *crp, int *rvalp)" },
        { "AmixCharDriver", "Mmap", $"{Dev} dev, [DriverCompiler.Dsl.CType(\"off_t\")] int off, int prot", "int lpmmap(dev_t dev, off_t off, int prot)" },
        { "AmixCharDriver", "Poll", $"{Dev} dev, short events, int anyyet, short* reventsp, Amix.PollHead** phpp", "int lppoll(dev_t dev, short events, int anyyet, short *reventsp, struct pollhead **phpp)" },
        { "AmixCharDriver", "Init", "", "void lpinit(void)" },
        { "AmixCharDriver", "Interrupt", "", "void lpintr(void)" },
        { "AmixBlockDriver", "Strategy", "Amix.BufT* bp", "int lpstrategy(struct buf *bp)" },
        { "AmixBlockDriver", "Print", $"{Dev} dev, byte* str", "int lpprint(dev_t dev, char *str)" },
        { "AmixBlockDriver", "Size", $"{Dev} dev", "int lpsize(dev_t dev)" },
        { "AmixStreamsDriver", "Open", $"Amix.Queue* q, {Dev}* devp, int oflag, int sflag, Amix.Cred* crp", "int lpopen(queue_t *q, dev_t *devp, int oflag, int sflag, cred_t *crp)" },
        { "AmixStreamsDriver", "Close", "Amix.Queue* q, int oflag, Amix.Cred* crp", "int lpclose(queue_t *q, int oflag, cred_t *crp)" },
        { "AmixStreamsDriver", "WritePut", "Amix.Queue* q, Amix.Mblk* mp", "int lpwput(queue_t *q, mblk_t *mp)" },
        { "AmixStreamsDriver", "WriteService", "Amix.Queue* q", "int lpwsrv(queue_t *q)" },
        { "AmixStreamsDriver", "ReadPut", "Amix.Queue* q, Amix.Mblk* mp", "int lprput(queue_t *q, mblk_t *mp)" },
        { "AmixStreamsDriver", "ReadService", "Amix.Queue* q", "int lprsrv(queue_t *q)" },
    };

    private static string Source(string kind, string role, string parameters, bool marked)
    {
        bool isVoid = role is "Init" or "Interrupt";
        string attribute = role == "Interrupt" ? "[DriverCompiler.Dsl.InterruptHandler]" : $"[DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.{role})]";
        // what the kind requires besides the role under test, with their right shapes
        string required = kind switch
        {
            "AmixCharDriver" when role == "Interrupt" => "[DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Init)] public static void I() { }",
            "AmixBlockDriver" when role != "Strategy" => "[DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Strategy)] public static int S(Amix.BufT* bp) => 0;",
            "AmixStreamsDriver" => string.Concat(
                role == "Open" ? "" : $"[DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Open)] public static int O(Amix.Queue* q, {Dev}* devp, int oflag, int sflag, Amix.Cred* crp) => 0;\n",
                role == "Close" ? "" : "[DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Close)] public static int C(Amix.Queue* q, int oflag, Amix.Cred* crp) => 0;\n",
                role == "WritePut" ? "" : "[DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.WritePut)] public static int P(Amix.Queue* q, Amix.Mblk* mp) => 0;\n"),
            _ => "",
        };
        return $$"""
            [assembly: DriverCompiler.Dsl.Driver("lp", DriverCompiler.Dsl.DriverTarget.Amix)]
            [assembly: DriverCompiler.Dsl.{{kind}}({{(kind == "AmixBlockDriver" ? 24 : 52)}})]
            static unsafe class D
            {
                {{attribute}}
                public static {{(isVoid ? "void" : "int")}} {{(marked ? "/*!*/" : "")}}E({{parameters}}) {{(isVoid ? "{ }" : "=> 0;")}}
                {{required}}
            }
            """;
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_svr4_shape_is_clean_and_a_parameter_short_is_DRV0320_naming_the_c_signature(string kind, string role, string parameters, string c)
    {
        var (compiler, good) = AnalyzerHarness.Run(Source(kind, role, parameters, marked: false), withDriver: false);
        Assert.DoesNotContain(compiler, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Empty(good);

        int cut = parameters.LastIndexOf(", ", StringComparison.Ordinal);
        string wrong = parameters.Length == 0 ? "int extra" : cut < 0 ? "" : parameters[..cut];
        var m = new Marked(Source(kind, role, wrong, marked: true), "DRV0320");
        var (_, bad) = AnalyzerHarness.Run(m.Source, withDriver: false);
        var d = Assert.Single(bad);
        Assert.Equal(("DRV0320", m.Spots[0].Line, m.Spots[0].Column), (d.Id, d.Line, d.Column));
        Assert.Contains("'" + c + "'", d.Message);
    }
}
