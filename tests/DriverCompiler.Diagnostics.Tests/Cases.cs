namespace DriverCompiler.Diagnostics.Tests;

/// <summary>A small bad driver: the id it is about and the source with its expected spots marked.</summary>
/// <param name="Name">Unique case name.</param>
/// <param name="Id">The diagnostic the case is about (the id of unnamed markers).</param>
/// <param name="Text">Marked source (see <see cref="Marked"/>).</param>
/// <param name="Target">The DriverCompilerTarget build property (CLI: --target), or null.</param>
/// <param name="WithDriver">Whether a second file declares the driver.</param>
/// <param name="CompilerErrors">Roslyn errors the construct also causes (e.g. CS0579 for a second Driver attribute).</param>
public sealed record BadCase(string Name, string Id, string Text, string? Target = null, bool WithDriver = true, string[]? CompilerErrors = null)
{
    public Marked Marked => new(Text, Id);
    public override string ToString() => Name;
}

/// <summary>At least one case per diagnostic the analyzer reports.</summary>
public static class Cases
{
    private const string U = "using System;\nusing DriverCompiler.Dsl;\nusing System.Runtime.InteropServices;\n";

    public static readonly BadCase[] All =
    [
        new("ClassCreation", "DRV0001", U + """
            static class C { static void M() { var o = /*!*/new object(); } }
            """),
        new("AnonymousObject", "DRV0001", U + """
            static class C { static void M() { var o = /*!*/new { A = 1 }; } }
            """),
        new("HeapArrayLocal", "DRV0002", U + """
            static class C { static void M() { var a = /*!*/new byte[16]; } }
            """),
        new("HeapArrayParams", "DRV0002", U + """
            static class C {
                static void P(params /*!DRV0013*/int[] a) { }
                static void M() { P(/*!*/1, 2); }
            }
            """),
        new("Throw", "DRV0003", U + """
            static class C { static void M() { /*!*/throw null!; } }
            """),
        new("TryFinally", "DRV0003", U + """
            static class C { static int M(int x) { /*!*/try { x++; } finally { x--; } return x; } }
            """),
        new("Lambda", "DRV0004", U + """
            static class C { static void M() { /*!*/Action a = /*!*/() => { }; } }
            """),
        new("LocalFunction", "DRV0004", U + """
            static class C { static int M() { return 1; int /*!*/L() => 2; } }
            """),
        new("DelegateType", "DRV0004", U + """
            delegate void /*!*/Callback(int x);
            """),
        new("MethodGroupToDelegate", "DRV0004", U + """
            static class C { static void N() { } static void M() { var d = /*!*/new Action(N); } }
            """),
        new("FloatLiteral", "DRV0005", U + """
            static class C { static int M() { return (int)/*!*/1.5; } }
            """),
        new("FloatField", "DRV0005", U + """
            static class C { static /*!*/float F; static /*!*/double G() => 0; }
            """),
        new("DefaultOfDouble", "DRV0005", U + """
            static class C { static int M() { var d = default(/*!*/double); return 0; } }
            """),
        new("Boxing", "DRV0006", U + """
            static class C { static void M(int x) { var o = /*!*/(object)x; } }
            """),
        new("Dynamic", "DRV0007", U + """
            static class C { static void M(/*!*/dynamic d) { } }
            """, CompilerErrors: ["CS1980"]), // drivers do not reference the dynamic binder
        new("Async", "DRV0008", U + """
            static class C { static /*!*/async void M() { } }
            """),
        new("Iterator", "DRV0008", U + """
            static class C { static /*!DRV0013*/System.Collections.IEnumerable M() { /*!*/yield break; } }
            """),
        new("GenericMethod", "DRV0009", U + """
            static class C { static void M/*!*/<T>(/*!*/T x) { } }
            """),
        new("GenericTypeUse", "DRV0009", U + """
            static class C { static void M(/*!*/System.Collections.Generic.List<int> l) { } }
            """),
        new("GenericStruct", "DRV0009", U + """
            struct Box/*!*/<T> { public int A; }
            """),
        new("StringLength", "DRV0010", U + """
            static class C { static void M(string s) { var n = /*!*/s.Length; } }
            """),
        new("StringConcat", "DRV0010", U + """
            static class C { static void M(string s, int i) { string t = /*!*/s + i; } }
            """),
        new("StringInterpolation", "DRV0010", U + """
            static class C { static void M(int i) { string t = /*!*/$"n={i}"; } }
            """),
        new("StringMethod", "DRV0010", U + """
            static class C { static bool M(string s) { return /*!*/s.StartsWith("a"); } }
            """),
        new("CheckedExpression", "DRV0011", U + """
            static class C { static int M(int a) { return /*!*/checked(a + 1); } }
            """),
        new("CheckedStatement", "DRV0011", U + """
            static class C { static int M(int a) { /*!*/checked { a++; } return a; } }
            """),
        new("InstanceClass", "DRV0012", U + """
            class /*!*/Device { }
            """),
        new("CharField", "DRV0013", U + """
            static class C { static /*!*/char Letter; }
            """),
        new("ObjectParameter", "DRV0013", U + """
            static class C { static void M(/*!*/object o) { } }
            """),
        new("MutableArrayField", "DRV0013", U + """
            static class C { static /*!*/int[] Table = { 1, 2 }; }
            """),
        new("NativeInt", "DRV0013", U + """
            static class C { static /*!*/nint N; static /*!*/int? M() => 0; }
            """),
        new("SizeOfNativeInt", "DRV0013", U + """
            static unsafe class C { static int M() => sizeof(/*!*/nint); }
            """),
        new("CharLiteral", "DRV0013", U + """
            static class C { static void M() { var c = /*!*/'a'; } }
            """),
        new("Property", "DRV0014", U + """
            static class C { static int /*!*/P { get { return 1; } } }
            """),
        new("Event", "DRV0014", U + """
            static class C { static event Action /*!*/Changed; }
            """),
        new("PrimaryConstructor", "DRV0014", U + """
            struct P/*!*/(int x) { public int X = x; }
            """),
        new("StructConstructorDeclaration", "DRV0014", U + """
            struct S { public int A; public /*!*/S(int a) { A = a; } }
            """),
        new("UserOperator", "DRV0014", U + """
            struct S { public int A; public static S /*!*/operator +(S a, S b) => a; }
            """),
        new("Override", "DRV0014", U + """
            struct S { public int A; public override int /*!*/GetHashCode() => A; }
            """),
        new("Indexer", "DRV0014", U + """
            struct S { public int A; public int /*!*/this[int i] => A; }
            """),
        new("Finalizer", "DRV0014", U + """
            class /*!DRV0012*/K { /*!*/~K() { } }
            """),
        new("StaticInitializerCall", "DRV0015", U + """
            static class C { static int X = /*!*/M(); static int M() => 1; }
            """),
        new("StaticConstructor", "DRV0015", U + """
            static class C { static int X; static /*!*/C() { X = 1; } }
            """),
        new("StaticTableNotConstant", "DRV0015", U + """
            static class C { static int Y; static readonly int[] T = { 1, /*!*/Y }; }
            """),
        new("StaticPointerNotConstant", "DRV0015", U + """
            struct R { public int A; }
            static unsafe class C {
                static uint Base;
                static R* Regs = /*!*/(R*)Base;
                static R* Ok = (R*)0xBFE001;
                static R* Wide = /*!*/(R*)0x1_0000_0000L;
                static void* Call = /*!*/(R*)M();
                static readonly R*[] T = { (R*)4, null, /*!*/(R*)Base };
                static uint M() => 1;
            }
            """),
        new("RefLocal", "DRV0016", U + """
            static class C { static void M(int x) { /*!*/ref int r = ref x; r = 2; } }
            """),
        new("RefReturn", "DRV0016", U + """
            static class C { static int F; static /*!*/ref int M() => ref F; }
            """),
        new("SpanLocal", "DRV0016", U + """
            static class C { static void M() { /*!*/Span<byte> s = stackalloc byte[4]; } }
            """),
        new("RefStruct", "DRV0016", U + """
            /*!*/ref struct R { public int A; }
            """),
        new("IsPattern", "DRV0017", U + """
            static class C { static bool M(int x) { return x is /*!*/> 3; } }
            """),
        new("RelationalCase", "DRV0017", U + """
            static class C { static int M(int x) { switch (x) { case /*!*/> 5: return 1; default: return 0; } } }
            """),
        new("CaseGuard", "DRV0017", U + """
            static class C { static int M(int x) { switch (x) { case 1 /*!*/when x > 0: return 1; } return 0; } }
            """),
        new("SwitchExpression", "DRV0017", U + """
            static class C { static int M(int x) { return x /*!*/switch { 1 => 2, _ => 3 }; } }
            """),
        new("Lock", "DRV0018", U + """
            static class C { static /*!DRV0013*/object L = /*!DRV0001*/new object(); static void M() { /*!*/lock (L) { } } }
            """),
        new("Using", "DRV0018", U + """
            struct D : /*!DRV0024*/IDisposable { public int A; public void Dispose() { } }
            static class C { static void M() { /*!*/using (var d = new D()) { } } }
            """),
        new("TupleLiteral", "DRV0019", U + """
            static class C { static void M() { var t = /*!*/(1, 2); } }
            """),
        new("TupleReturn", "DRV0019", U + """
            static class C { static /*!*/(int, int) M() => default; }
            """),
        new("StructConstructorCall", "DRV0020", U + """
            struct S { public int A; public /*!DRV0014*/S(int a) { A = a; } }
            static class C { static void M() { var s = /*!*/new S(1); } }
            """),
        new("StackallocVariable", "DRV0021", U + """
            static unsafe class C { static void M(int n) { byte* p = stackalloc byte[/*!*/n]; } }
            """),
        new("RuntimeCall", "DRV0022", U + """
            static class C { static int M(int a, int b) { return /*!*/Math.Max(a, b); } }
            """),
        new("VolatileRead64", "DRV0022", U + """
            static class C { static long L; static long M() { return /*!*/System.Threading.Volatile.Read(ref L); } }
            """),
        new("RuntimeToString", "DRV0022", U + """
            static class C { static void M(int a) { var s = /*!*/a.ToString(); } }
            """),
        new("RuntimeFunctionPointer", "DRV0022", U + """
            static unsafe class C { static void M() { delegate*<int, int, int> f = /*!*/&Math.Max; } }
            """),
        new("RuntimeStaticField", "DRV0022", U + """
            static class C { static bool M() { return /*!*/BitConverter.IsLittleEndian; } }
            """),
        new("Interface", "DRV0023", U + """
            interface /*!*/IThing { }
            """),
        new("Record", "DRV0023", U + """
            record struct /*!*/Point(int X, int Y);
            """),
        new("StructInterface", "DRV0024", U + """
            struct S : /*!*/IEquatable<S> { public int A; public bool Equals(S o) => A == o.A; }
            """),
        new("EnumWithoutBase", "DRV0025", U + """
            enum /*!*/Color { Red, Green }
            """),
        new("ForEachString", "DRV0026", U + """
            static class C { static void M(string s) { foreach (var ch in /*!*/s) { } } }
            """),
        new("Discard", "DRV0099", U + """
            static class C { static void M(int x) { /*!*/_ = x; } }
            """),
        new("TypeOf", "DRV0099", U + """
            static class C { static void M() { var t = /*!*/typeof(int); } }
            """),
        new("IndexFromEnd", "DRV0099", U + """
            static class C { static readonly byte[] T = { 1, 2 }; static int M() => T[/*!*/^1]; }
            """),
        new("Coalesce", "DRV0099", U + """
            static class C { static string M(string s) => /*!*/s ?? "none"; }
            """),
        new("AsCast", "DRV0099", U + """
            static class C { static void M(/*!DRV0013*/object o) { var s = /*!*/o as string; } }
            """),
        new("SeveralDrivers", "DRV0101", """
            [assembly: /*!*/DriverCompiler.Dsl.Driver("other", DriverCompiler.Dsl.DriverTarget.AmigaOS4)]
            """, CompilerErrors: ["CS0579"]),
        new("BadDriverName", "DRV0102", """
            [assembly: DriverCompiler.Dsl.Driver(/*!*/"9lives", DriverCompiler.Dsl.DriverTarget.AmigaOS4, Prefix = /*!*/"a-b")]
            """, WithDriver: false),
        new("Amix64BitProperty", "DRV0200", U + """
            static class C { static /*!*/long X; static /*!*/Le64 Y; static int M() => (int)(/*!*/ulong)X; }
            """, Target: "amix"),
        new("Amix64BitAttribute", "DRV0200", """
            [assembly: DriverCompiler.Dsl.Driver("amixdrv", DriverCompiler.Dsl.DriverTarget.Amix)]
            static class C { static /*!*/System.UInt64 X; }
            """, WithDriver: false),
        new("PackedFieldAddress", "DRV0027", U + """
            [StructLayout(LayoutKind.Sequential, Pack = 1)] struct H { public uint Magic; public ushort Length; public byte Type; }
            [StructLayout(LayoutKind.Sequential, Pack = 1)] struct Same { public uint A; public uint B; }
            static unsafe class C {
                static void Set(ref uint f) { f = 1; }
                static void M(H* h, Same* s) {
                    uint* a = /*!*/&h->Magic; byte* t = &h->Type; uint* b = &s->A;
                    Set(/*!*/ref h->Magic); Set(ref s->B);
                    H local = default; ushort* l = /*!*/&local.Length;
                }
            }
            """),
        new("AmixPackedStruct", "DRV0201", U + """
            [StructLayout(LayoutKind.Sequential, Pack = 1)] struct /*!*/Header { public uint Magic; public ushort Length; public byte Type; }
            [StructLayout(LayoutKind.Sequential, Pack = 1)] struct Same { public uint A; public uint B; public byte C; public byte D; public ushort E; }
            [StructLayout(LayoutKind.Sequential, Pack = 1)] struct Bytes { public byte A; public byte B; public byte C; }
            """, Target: "amix"),
        new("ScriptsLoop", "DRV0300", U + """
            static class C { [Scripts] static void P() { Scripts.Nop(); /*!*/int i = 1; /*!*/M(); } static void M() { } }
            """),
        new("ScriptsNotConstant", "DRV0301", U + """
            static class C { static uint v; static byte d; [Scripts] static void P() { Scripts.Int(/*!*/v); Scripts.Int(1, Scripts.IfData(/*!*/d)); } }
            """),
        new("ScriptsAddressNotConstant", "DRV0301", U + """
            static unsafe class C { static string n; [Scripts] static void P() { Scripts.Nop(); } static uint* A() => Scripts.Address(/*!*/n); }
            """),
        new("ScriptsDsaField", "DRV0302", U + """
            struct T { public uint Id; }
            static class C {
                [Scripts(Dsa = typeof(T))] static void P() { Scripts.Move(Scripts.Dsa(/*!*/"Len"), Scripts.When(ScsiPhase.DataIn)); }
                [Scripts] static void Q() { Scripts.Select(Scripts.Dsa(/*!*/"Id"), Scripts.Rel("x")); Scripts.Label("x"); }
            }
            """),
        new("ScriptsLabels", "DRV0303", U + """
            static class C {
                [Scripts] static void P() { Scripts.Entry(/*!*/"go"); Scripts.Label("top"); Scripts.Label(/*!*/"top"); Scripts.Jump(Scripts.Rel(/*!*/"tpo")); }
                static uint E() => Scripts.EntryOffset(/*!*/"top");
            }
            """),
        new("ScriptsPhase", "DRV0304", U + """
            static class C { [Scripts] static void P() { Scripts.Label("x"); Scripts.Jump(Scripts.Rel("x"), Scripts.When(/*!*/(ScsiPhase)8)); } }
            """),
        new("ScriptsMoveCondition", "DRV0308", U + """
            static class C { [Scripts] static void P() {
                Scripts.Move(4, 0x1000, /*!*/Scripts.If(ScsiPhase.MessageIn));
                Scripts.MovePtr(1, 0x2000, /*!*/Scripts.WhenNot(ScsiPhase.DataIn));
                Scripts.Move(4, 0x1000, /*!*/Scripts.When(ScsiPhase.Status, 0x02));
                Scripts.Move(4, 0x1000, Scripts.When(ScsiPhase.Status));
                Scripts.Move(4, 0x1000, Scripts.With(ScsiPhase.Status));
            } }
            """),
        new("ScriptsOutside", "DRV0305", U + """
            static unsafe class C { static void M() { /*!*/Scripts.Nop(); } static uint* A() => Scripts.Address(/*!*/"Nothing"); }
            """),
        new("ScriptsMethod", "DRV0306", U + """
            static class C {
                [Scripts] static int /*!*/P(int x) { /*!DRV0300*/return x; }
                [Scripts(Arch = 711)] static void /*!*/Q() { Scripts.Nop(); }
                [Scripts] static void R() { Scripts.Nop(); }
                static void M() { /*!*/R(); }
            }
            """, CompilerErrors: null),
        new("CExportName", "DRV0310", U + """
            static class C {
                [/*!*/CExport("a-b")] static void M() { }
                [CExport("x1")] static void N() { }
                [/*!*/CExport("x1")] static void O() { }
            }
            """),
        new("BuildOption", "DRV0312", U + """
            static class C {
                [BuildOption] public const int Offset = 0x40;
                [/*!*/BuildOption] public static int Variable = 1;
                [/*!*/BuildOption, CConstant("PG_V")] public const int PgV = 1;
            }
            """),
        new("CExportConstant", "DRV0310", U + """
            static class C {
                [CExport("PARIOCGSTATUS")] public const int GetStatus = ('p' << 8) | 1;
                [/*!*/CExport("PARIOCGSTATUS")] public const int Again = 2;
                [/*!*/CExport("PAR STATUS")] public const int Spaced = 3;
                [/*!*/CExport("PARVAR")] public static int NotConst = 4;
                [/*!*/CExport("PG_V"), CConstant("PG_V")] public const uint Both = 1;
                [/*!*/CExport("PARIOCGSTATUS")] static void M() { }
            }
            """),
        new("AmixScsiCardQueue", "DRV0311", """
            [assembly: DriverCompiler.Dsl.Driver("cardx", DriverCompiler.Dsl.DriverTarget.Amix)]
            [assembly: DriverCompiler.Dsl.AmixScsiCard(0x02020054, "A4091 SCSI", Queue = "q")]
            [assembly: /*!*/DriverCompiler.Dsl.AmixScsiCard(0x02020055, "B", Queue = "nothing")]
            static class C { [DriverCompiler.Dsl.CExport("q")] static bool Q(int c) => c == 0; }
            """, WithDriver: false),
        new("ScalarCTypeOnStruct", "DRV0115", U + """
            struct P { public int X; }
            static unsafe class C
            {
                public static int F([/*!*/CType("dev_t")] P p) => p.X;
                [/*!*/CType("off_t")] public static bool Flag;
                public static int G([CType("dev_t")] uint* devp, [CType("caddr_t")] byte* a) => (int)*devp + *a;
            }
            """),
        new("AmixEntrySignature", "DRV0320", """
            [assembly: DriverCompiler.Dsl.Driver("lp", DriverCompiler.Dsl.DriverTarget.Amix)]
            [assembly: DriverCompiler.Dsl.AmixCharDriver(51)]
            static unsafe class C
            {
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Open)]
                public static int Open([DriverCompiler.Dsl.CType("dev_t")] uint* devp, int oflag, int otyp, Amix.Cred* crp) => 0;
                // a plain uint is not dev_t: the C would declare 'uint dev'
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Write)]
                public static int /*!*/Write(uint dev, Amix.UioT* uio, Amix.Cred* crp) => 0;
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Ioctl)]
                public static void /*!*/Ioctl([DriverCompiler.Dsl.CType("dev_t")] uint dev, int cmd, int arg, int mode, Amix.Cred* crp, int* rvalp) { }
                [DriverCompiler.Dsl.InterruptHandler]
                public static void /*!*/Intr(int level) { }
            }
            """, WithDriver: false),
        new("AmixMajorTaken", "DRV0321", """
            [assembly: DriverCompiler.Dsl.Driver("ram", DriverCompiler.Dsl.DriverTarget.Amix)]
            [assembly: /*!*//*!*/DriverCompiler.Dsl.AmixBlockDriver(18, RawMajor = 70)]
            static unsafe class C
            {
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Strategy)]
                public static int Strategy(Amix.BufT* bp) => 0;
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Read)]
                public static int Read([DriverCompiler.Dsl.CType("dev_t")] uint dev, Amix.UioT* uio, Amix.Cred* crp) => 0;
            }
            """, WithDriver: false),
        new("AmixMajorReplacesAnother", "DRV0321", """
            [assembly: DriverCompiler.Dsl.Driver("lp", DriverCompiler.Dsl.DriverTarget.Amix)]
            [assembly: /*!*/DriverCompiler.Dsl.AmixCharDriver(21, Replaces = "lp")]
            static unsafe class C
            {
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Write)]
                public static int Write([DriverCompiler.Dsl.CType("dev_t")] uint dev, Amix.UioT* uio, Amix.Cred* crp) => 0;
            }
            """, WithDriver: false),
        new("AmixDriverOnAmigaOS", "DRV0322", """
            [assembly: DriverCompiler.Dsl.Driver("lp", DriverCompiler.Dsl.DriverTarget.AmigaOS4)]
            [assembly: /*!*/DriverCompiler.Dsl.AmixCharDriver(51)]
            static unsafe class C
            {
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Write)]
                public static int Write([DriverCompiler.Dsl.CType("dev_t")] uint dev, Amix.UioT* uio, Amix.Cred* crp) => 0;
            }
            """, WithDriver: false),
        new("AmixDriverModel", "DRV0322", """
            [assembly: DriverCompiler.Dsl.Driver("ram", DriverCompiler.Dsl.DriverTarget.Amix)]
            [assembly: /*!*//*!*/DriverCompiler.Dsl.AmixBlockDriver(24, RawMajor = 51)]
            static unsafe class C
            {
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Poll)]
                public static int Poll([DriverCompiler.Dsl.CType("dev_t")] uint dev, short events, int anyyet, short* reventsp, Amix.PollHead** phpp) => 0;
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.WritePut)]
                public static int /*!*/Put(Amix.Queue* q, Amix.Mblk* mp) => 0;
                [DriverCompiler.Dsl.AmixEntry(DriverCompiler.Dsl.AmixEntryPoint.Poll)]
                public static int /*!*/Poll2([DriverCompiler.Dsl.CType("dev_t")] uint dev, short events, int anyyet, short* reventsp, Amix.PollHead** phpp) => 0;
            }
            """, WithDriver: false),
    ];

    /// <summary>Layout cases: the struct layout calculator decides these.</summary>
    public static readonly BadCase[] Layout =
    [
        new("Overlap", "DRV0110", U + """
            [StructLayout(LayoutKind.Explicit)] struct O { [FieldOffset(0)] public int A; [FieldOffset(2)] public short /*!*/B; }
            """),
        new("Misaligned", "DRV0111", U + """
            [StructLayout(LayoutKind.Explicit)] struct O { [FieldOffset(0)] public byte A; [FieldOffset(1)] public int /*!*/B; }
            """),
        new("MisalignedAfterSdkMirror", "DRV0111", U + """
            [CType("struct Device"), StructLayout(LayoutKind.Sequential, Pack = 2)]
            unsafe struct Device { public fixed byte Library[34]; }
            [StructLayout(LayoutKind.Sequential, Pack = 2)] struct MyBase { public Device Dev; public uint /*!*/Flags; }
            [StructLayout(LayoutKind.Sequential, Pack = 2)] struct Fixed { public Device Dev; public ushort Pad; public uint Flags; }
            """),
        new("EmptyStruct", "DRV0112", U + """
            struct /*!*/Empty { }
            """),
        new("OffsetComment", "DRV0113", U + """
            [Mmio] struct R
            {
                public Le32 A;   // 0x00
                public Le32 B;   /*!*/// 0x08
            }
            """),
        new("DeclaredSize", "DRV0114", U + """
            [Dma] [StructLayout(LayoutKind.Sequential, /*!*/Size = 4)] struct D { public Le32 A; public Le16 B; }
            """),
    ];

    public static IEnumerable<BadCase> Every => All.Concat(Layout);

    public static TheoryData<string> Names(IEnumerable<BadCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var c in cases) data.Add(c.Name);
        return data;
    }

    public static BadCase Get(string name) => Every.Single(c => c.Name == name);
}
