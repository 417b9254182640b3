using DriverCompiler.Analyzers;
using DriverCompiler.Analyzers.Layout;
using DriverCompiler.Core.CModel;
using DriverCompiler.Core.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// Phase 3 at file scope: decides the C name of every declaration, lowers types, constants,
/// static data and functions into one header (<c>&lt;name&gt;.h</c>: types, constants,
/// prototypes) and one C file per C# file (its data and functions).
/// </summary>
internal sealed class ModuleLowerer
{
    public readonly CSharpCompilation Compilation;
    public readonly Target Target;
    public readonly DriverInfo Driver;
    public readonly List<Diagnostic> Diagnostics = new();
    public readonly Dictionary<ISymbol, string> Names = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> usedGlobalNames = new(StringComparer.Ordinal);
    public readonly string Prefix;
    /// <summary>Constant expressions with the source's names (<see cref="Lower.ConstantExpressions"/>).</summary>
    public readonly ConstantExpressions ConstantExpressions;

    private readonly List<INamedTypeSymbol> types = new();   // source order
    private readonly Dictionary<SyntaxTree, SemanticModel> models = new();

    /// <summary>The driver libraries whose sources are lowered with the driver's, in dependency order.</summary>
    private readonly IReadOnlyList<CSharpCompilation> libraries;
    /// <summary>Every tree lowered: the libraries' (in their order), then the driver's; declaration order follows it.</summary>
    private readonly List<SyntaxTree> trees;

    /// <summary>One semantic model per tree: each new model would bind every method body again.</summary>
    public SemanticModel Model(SyntaxTree tree)
    {
        if (!models.TryGetValue(tree, out var m)) models[tree] = m = Compilation.GetSemanticModel(tree);
        return m;
    }

    /// <param name="compilation">The compilation whose symbols the lowering compares against.</param>
    /// <param name="bound">Semantic models already bound for <paramref name="compilation"/> (by the analyzer pass), reused so no body is bound twice.</param>
    /// <param name="libraries">The driver libraries whose trees <paramref name="compilation"/> holds besides the driver's (first, in this
    /// order): their code is lowered into the driver's C under its prefix; only their names and trees are used here.</param>
    public ModuleLowerer(CSharpCompilation compilation, Target target, DriverInfo driver, IReadOnlyDictionary<SyntaxTree, SemanticModel>? bound = null,
        IReadOnlyList<CSharpCompilation>? libraries = null)
    {
        Compilation = compilation; Target = target; Driver = driver; Prefix = driver.Prefix;
        this.libraries = libraries ?? [];
        trees = [.. compilation.SyntaxTrees];
        ConstantExpressions = new ConstantExpressions(this);
        if (bound is not null)
            foreach (var (tree, model) in bound)
                if (model.Compilation == compilation) models[tree] = model;
    }

    public void Report(DiagnosticDescriptor d, Location? loc, params object[] args) =>
        Diagnostics.Add(Diagnostic.Create(d, loc ?? Location.None, args));

    /// <summary>Reports that the lowering does not support <paramref name="syntax"/> yet.</summary>
    public void NotLowered(SyntaxNode syntax, string what) =>
        Report(Descriptors.NotLowered, syntax.GetLocation(), Shorten(syntax.ToString()), what);

    internal static string Shorten(string s)
    {
        s = string.Join(" ", s.Split((char[])['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(x => x.Trim()));
        return s.Length > 60 ? s[..57] + "..." : s;
    }

    private static int SourceOrder(ISymbol s, List<SyntaxTree> trees)
    {
        var r = s.DeclaringSyntaxReferences.FirstOrDefault();
        if (r is null) return int.MaxValue;
        int file = trees.IndexOf(r.SyntaxTree);
        return file * 10_000_000 + r.Span.Start;
    }

    private string Unique(string name)
    {
        string n = name; int k = 2;
        while (!usedGlobalNames.Add(n)) n = name + "_" + k++;
        return n;
    }

    public string TypeName(INamedTypeSymbol t) => Names.TryGetValue(t, out var n) ? n : Prefix + "_" + Naming.TypePath(t);

    /// <summary>Lowers everything; returns the header and the C files (one per C# file with code or data).</summary>
    /// <param name="headerComment">The header's file comment.</param>
    /// <param name="fileComment">A C file's comment from its name and the C# file it comes from.</param>
    public (CFile Header, List<CFile> Sources) Lower(string headerComment, Func<string, string, string> fileComment)
    {
        CollectTypes(Compilation.Assembly.GlobalNamespace);
        types.Sort((a, b) => SourceOrder(a, trees).CompareTo(SourceOrder(b, trees)));
        AssignNames();
        AssignBindingNames();
        var bindingTypes = BindingTypesUsed();

        var header = new CFile(Driver.Name + ".h", headerComment, new List<CTopLevel>(), IsHeader: true);
        header.Items.Add(new CInclude(Target.RuntimeHeader, Local: false));
        foreach (var h in CollectHeaders(bindingTypes)) header.Items.Add(h);
        // An AmigaOS 4 device's interface globals (IExec, and every one the skeleton obtains: IPCI, ITimer...) are
        // declared by the skeleton's header, so each of its files includes it, whether or not the driver also
        // calls the skeleton's own services (Skeleton.AddIntServer names the same header).
        if (Device.AmigaDeviceSkeleton.IsDevice(Compilation, Driver) && !header.Items.OfType<CInclude>().Any(i => i.Path == Device.AmigaDeviceSkeleton.HeaderName))
            header.Items.Add(new CInclude(Device.AmigaDeviceSkeleton.HeaderName, Local: true));
        // Every [CType] mirror the driver uses is checked against the C type the headers above define.
        foreach (var m in types.Concat(bindingTypes.Select(b => b.Type)).Where(t => t.TypeKind == TypeKind.Struct && DslSymbols.CTypeName(t) is not null))
            if (MirrorCheck(m) is { } check) header.Items.Add(check);
        // The size checks of the scalar typedefs ([CType("dev_t")] parameters and fields) go here once everything is lowered.
        int scalarChecksAt = header.Items.Count;

        var structs = types.Where(t => t.TypeKind == TypeKind.Struct && DslSymbols.CTypeName(t) is null
                                       && StructLayoutCalculator.InlineArrayLength(t) is null).ToList();
        foreach (var s in structs) header.Items.Add(new CStructForward(TypeName(s)));
        foreach (var e in types.Where(t => t.TypeKind == TypeKind.Enum)) LowerEnum(e, header.Items);
        foreach (var t in types.Where(t => t.TypeKind is TypeKind.Class or TypeKind.Struct)) LowerConstants(t, header.Items);
        foreach (var s in TopoSort(structs)) header.Items.Add(LowerStruct(s));

        var files = new Dictionary<SyntaxTree, CFile>();
        var fileNames = CFileNames();
        CFile FileFor(ISymbol s)
        {
            var tree = s.DeclaringSyntaxReferences[0].SyntaxTree;
            if (!files.TryGetValue(tree, out var f))
            {
                var (name, from) = fileNames[tree];
                f = new CFile(name, fileComment(name, from), new List<CTopLevel>(), IsHeader: false);
                f.Items.Add(new CInclude(Driver.Name + ".h", Local: true));
                files.Add(tree, f);
            }
            return f;
        }

        // Static data: definitions in the declaring file, extern declarations in the header.
        foreach (var t in types.Where(t => t.TypeKind is TypeKind.Class or TypeKind.Struct))
            foreach (var f in t.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsStatic && !f.IsConst))
            {
                var g = LowerStaticField(f);
                if (g is null) continue;
                bool local = IsFileLocal(f);
                FileFor(f).Items.Add(g with { IsStatic = local });
                if (!local) header.Items.Add(g with { Init = null, IsExtern = true, Comment = null });
                if (f.Type is IArrayTypeSymbol && g.Type is CArrayType { Length: int len })
                    header.Items.Add(new CDefine(Names[f].ToUpperInvariant() + "_COUNT", len.ToString()) { Comment = null });
            }

        // Functions.
        var prototypesByFile = new Dictionary<CFile, List<CTopLevel>>();
        foreach (var t in types.Where(t => t.TypeKind is TypeKind.Class or TypeKind.Struct))
            foreach (var m in t.GetMembers().OfType<IMethodSymbol>())
            {
                if (m.MethodKind != MethodKind.Ordinary || DslSymbols.Binding(m) is not null || m.IsExtern || Scripts.ScriptsLowering.IsScriptsMethod(m)) continue;
                if (m.DeclaringSyntaxReferences.Length == 0 || m.IsAbstract) continue;
                var fn = new FunctionLowerer(this, m).Lower();
                if (fn is null) continue;
                bool local = IsFileLocal(m) && FixedMethodName(m) is null;
                var file = FileFor(m);
                fn = fn with { IsStatic = local };
                var proto = fn with { Body = null, Comment = null };
                if (local)
                {
                    if (!prototypesByFile.TryGetValue(file, out var list)) prototypesByFile[file] = list = new();
                    list.Add(proto);
                }
                else header.Items.Add(proto);
                file.Items.Add(fn);
            }
        foreach (var (file, protos) in prototypesByFile)
            file.Items.InsertRange(1, protos);
        Scripts.ScriptsLowering.Emit(this, types, header, FileFor);
        header.Items.InsertRange(scalarChecksAt, scalarTypedefs.Select(kv => new CLayoutCheck(kv.Key, [], kv.Value)
            { Comment = $"{kv.Key}: the C type of [CType(\"{kv.Key}\")] parameters and fields, {kv.Value} bytes as in C#" }));

        var sources = files.OrderBy(kv => trees.IndexOf(kv.Key)).Select(kv => kv.Value)
            .Where(f => f.Items.Count > 1).ToList();
        return (header, sources);
    }

    /// <summary>
    /// The C file of each C# file and the name its comment gives the source. A driver's file is its name in
    /// snake_case (<c>DeviceEntry.cs</c>: <c>device_entry.c</c>); a library's keeps its name too (<c>Virtqueue.cs</c>:
    /// <c>virtqueue.c</c>, from <c>Virtio/Virtqueue.cs</c>) unless the driver or an earlier library has it, when the
    /// library's name goes in front (<c>virtio_virtqueue.c</c>).
    /// </summary>
    private Dictionary<SyntaxTree, (string Name, string From)> CFileNames()
    {
        static string Base(SyntaxTree t) => Naming.Snake(Path.GetFileNameWithoutExtension(t.FilePath)).Replace('.', '_');
        var result = new Dictionary<SyntaxTree, (string, string)>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Compilation.SyntaxTrees.Where(t => !libraries.Any(l => l.ContainsSyntaxTree(t))))
        {
            result[t] = (Base(t) + ".c", Path.GetFileName(t.FilePath));
            taken.Add(Base(t) + ".c");
        }
        // Plain names first, so a prefixed name cannot take the plain name of a later file (Pci.cs beside VirtioPci.cs).
        var clashes = new List<(CSharpCompilation Library, SyntaxTree Tree)>();
        foreach (var library in libraries)
            foreach (var t in library.SyntaxTrees)
                if (taken.Add(Base(t) + ".c")) result[t] = (Base(t) + ".c", library.AssemblyName + "/" + Path.GetFileName(t.FilePath));
                else clashes.Add((library, t));
        foreach (var (library, t) in clashes)
        {
            string name = Naming.Snake(library.AssemblyName!).Replace('.', '_') + "_" + Base(t) + ".c";
            while (!taken.Add(name)) name = name[..^2] + "_.c";
            result[t] = (name, library.AssemblyName + "/" + Path.GetFileName(t.FilePath));
        }
        return result;
    }

    /// <summary>Private members of a type declared in one file become <c>static</c> in that file.</summary>
    private static bool IsFileLocal(ISymbol s) =>
        s.DeclaredAccessibility == Accessibility.Private && s.ContainingType.DeclaringSyntaxReferences.Length == 1;

    private void CollectTypes(INamespaceSymbol ns)
    {
        foreach (var m in ns.GetMembers())
        {
            if (m is INamespaceSymbol child) CollectTypes(child);
            else if (m is INamedTypeSymbol t) CollectType(t);
        }
    }

    private void CollectType(INamedTypeSymbol t)
    {
        if (t.DeclaringSyntaxReferences.Length == 0 || t.IsImplicitlyDeclared) return;
        types.Add(t);
        foreach (var n in t.GetTypeMembers()) CollectType(n);
    }

    private void AssignNames()
    {
        foreach (var t in types)
        {
            if (t.TypeKind == TypeKind.Struct)
                Names[t] = DslSymbols.CTypeName(t) is string ext ? ext : Unique(Prefix + "_" + Naming.TypePath(t));
            else if (t.TypeKind == TypeKind.Enum)
            {
                Names[t] = Unique(Prefix + "_" + Naming.TypePath(t));
                foreach (var f in t.GetMembers().OfType<IFieldSymbol>())
                    Names[f] = Unique(Names[t].ToUpperInvariant() + "_" + Naming.Upper(f.Name));
            }
        }
        // Exported names first, so no generated name (of an earlier member) takes one of them.
        foreach (var t in types.Where(t => t.TypeKind is TypeKind.Class or TypeKind.Struct))
            foreach (var m in t.GetMembers())
                if (m is IMethodSymbol { MethodKind: MethodKind.Ordinary } em && FixedMethodName(em) is { } en) usedGlobalNames.Add(en);
                else if (m is IFieldSymbol { IsConst: true } ec && Exports.Exports.ConstantName(ec) is null && Exports.Exports.ExportedConstantName(ec) is { } ecn) usedGlobalNames.Add(ecn);
        foreach (var t in types.Where(t => t.TypeKind is TypeKind.Class or TypeKind.Struct))
        {
            string path = Prefix + "_" + Naming.TypePath(t);
            foreach (var m in t.GetMembers())
            {
                switch (m)
                {
                    case IFieldSymbol { IsConst: true } c when Exports.Exports.ConstantName(c) is { } cn: Names[c] = cn; break;
                    // [CExport("PARIOCGSTATUS")] const: #define PARIOCGSTATUS ... in the header, for programs that include it
                    case IFieldSymbol { IsConst: true } c when Exports.Exports.ExportedConstantName(c) is { } xn: Names[c] = xn; break;
                    case IMethodSymbol meth when meth.MethodKind == MethodKind.Ordinary && FixedMethodName(meth) is { } en: Names[meth] = en; break;
                    case IFieldSymbol { IsConst: true } c: Names[c] = Unique(path.ToUpperInvariant() + "_" + Naming.Upper(c.Name)); break;
                    case IFieldSymbol { IsStatic: true } f: Names[f] = Unique(path + "_" + Naming.Snake(f.Name)); break;
                    // [CType(..., ExactFieldNames = true)]: the SDK's member names as written (ln_Succ, io_Command).
                    case IFieldSymbol f when DslSymbols.CTypeExactFieldNames(t): Names[f] = f.Name; break;
                    case IFieldSymbol f: Names[f] = Naming.Local(f.Name); break;
                    case IMethodSymbol meth when meth.MethodKind == MethodKind.Ordinary:
                        Names[meth] = DslSymbols.Binding(meth) is { } b ? b.Name : Unique(path + "_" + Naming.Snake(meth.Name));
                        break;
                }
            }
        }
    }

    private IEnumerable<CInclude> CollectHeaders(IReadOnlyList<(INamedTypeSymbol Type, int Order)> bindingTypes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<(int Order, CInclude Inc)>();
        // The DSL's own bindings come from the runtime header; the driver's [CHeader]s in source order, a
        // binding library's at the driver's first use of the type that names them.
        foreach (var (t, order) in types.Select(t => (t, SourceOrder(t, trees))).Concat(bindingTypes).OrderBy(x => x.Item2))
            foreach (var a in t.GetAttributes().Where(a => a.AttributeClass?.Name == "CHeaderAttribute" && DslSymbols.IsDsl(a.AttributeClass)))
                if (a.ConstructorArguments is [{ Value: string path }] && seen.Add(path))
                {
                    bool local = a.NamedArguments.Any(kv => kv.Key == "Local" && kv.Value.Value is true);
                    all.Add((order, new CInclude(path, local)));
                }
        return all.Select(x => x.Inc);
    }

    /// <summary>
    /// A referenced assembly that declares bindings (it references the DSL): an OS binding library such as
    /// <c>DriverCompiler.AmigaOS</c>. Its types are never lowered, only named: the C comes from their headers.
    /// </summary>
    public bool IsBindingAssembly(IAssemblySymbol? a) =>
        a is not null && !SymbolEqualityComparer.Default.Equals(a, Compilation.Assembly) && a.Name != DslSymbols.Namespace
        && a.Modules.Any(m => m.ReferencedAssemblySymbols.Any(r => r.Name == DslSymbols.Namespace));

    /// <summary>The C names of a binding library's declarations: [CType] structs and their members,
    /// [CConstant] constants and [CBinding] methods (what the driver's own ones get in <see cref="AssignNames"/>).</summary>
    private void AssignBindingNames()
    {
        foreach (var asm in Compilation.SourceModule.ReferencedAssemblySymbols.Where(IsBindingAssembly))
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(asm.GlobalNamespace);
            while (pending.Count > 0)
            {
                var n = pending.Pop();
                foreach (var m in n.GetMembers())
                {
                    if (m is INamespaceOrTypeSymbol child) { pending.Push(child); }
                    if (m is not INamedTypeSymbol t || t.DeclaredAccessibility != Accessibility.Public) continue;
                    if (DslSymbols.CTypeName(t) is { } ctype) Names[t] = ctype;
                    bool exact = DslSymbols.CTypeExactFieldNames(t);
                    foreach (var member in t.GetMembers())
                        switch (member)
                        {
                            case IFieldSymbol { IsConst: true } c when Exports.Exports.ConstantName(c) is { } cn: Names[c] = cn; break;
                            // A library's other structs (a union inside an SDK struct) spell their members as the header does.
                            case IFieldSymbol { IsStatic: false } f when t.TypeKind == TypeKind.Struct: Names[f] = exact || DslSymbols.CTypeName(t) is null ? f.Name : Naming.Local(f.Name); break;
                            case IMethodSymbol meth when DslSymbols.Binding(meth) is { } b: Names[meth] = b.Name; break;
                        }
                }
            }
        }
    }

    /// <summary>
    /// The binding-library types the driver's source names (a type, or a member of it), each with the position of
    /// its first use (file, offset: the order <see cref="SourceOrder"/> gives the driver's own types), so their
    /// headers are included and their [CType] layouts checked. Ordered by that position.
    /// </summary>
    private List<(INamedTypeSymbol Type, int Order)> BindingTypesUsed()
    {
        var first = new Dictionary<INamedTypeSymbol, int>(SymbolEqualityComparer.Default);
        for (int file = 0; file < Compilation.SyntaxTrees.Length; file++)
        {
            var tree = Compilation.SyntaxTrees[file];
            var model = Model(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var s = model.GetSymbolInfo(name).Symbol;
                for (var t = s as INamedTypeSymbol ?? s?.ContainingType; t is not null && IsBindingAssembly(t.ContainingAssembly); t = t.ContainingType)
                    if (!first.ContainsKey(t)) first[t] = file * 10_000_000 + name.SpanStart;
            }
        }
        return first.Select(kv => (kv.Key, kv.Value)).OrderBy(x => x.Value)
            .ThenBy(x => x.Key.ToDisplayString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The layout checks of a [CType] mirror against the C type its header defines: every field's offset and the
    /// size, as the CLR lays the mirror out (its Pack, 4-byte pointers). A mirror without fields (an opaque
    /// handle such as <c>struct Task</c>) has nothing to check. A reordered or mistyped mirror fails the C build.
    /// </summary>
    private CLayoutCheck? MirrorCheck(INamedTypeSymbol t)
    {
        if (StructLayoutCalculator.InlineArrayLength(t) is not null) return null;
        var layout = StructLayoutCalculator.Compute(t);
        if (layout.Fields.Count == 0) return null;
        string ctype = DslSymbols.CTypeName(t)!;
        bool exact = DslSymbols.CTypeExactFieldNames(t);
        var offsets = layout.Fields.Select(f => (Names.TryGetValue(f.Field, out var n) ? n : exact ? f.Field.Name : Naming.Local(f.Field.Name), f.Offset)).ToList();
        return new CLayoutCheck(ctype, offsets, layout.Size) { Comment = $"{t.ToDisplayString()} mirrors {ctype}: {layout.Size} bytes" };
    }

    // ---- types ----

    /// <summary>
    /// The C type of a C# type. <paramref name="storage"/>: of a variable that lives at an address the program may
    /// take (see <see cref="StorageType"/>), where a bool is one byte; otherwise of a value (a local whose address
    /// is never taken, a value parameter, a result, a temporary), where a bool is the dialect's BOOL / int.
    /// </summary>
    public CType MapType(ITypeSymbol t, Location? where, bool storage = false)
    {
        switch (t.SpecialType)
        {
            case SpecialType.System_Void: return CNamedType.Void;
            case SpecialType.System_Boolean: return storage ? Target.UInt8 : Target.Bool;
            case SpecialType.System_SByte: return Target.Int8;
            case SpecialType.System_Byte: return Target.UInt8;
            case SpecialType.System_Int16: return Target.Int16;
            case SpecialType.System_UInt16: return Target.UInt16;
            case SpecialType.System_Int32: return Target.Int32;
            case SpecialType.System_UInt32: return Target.UInt32;
            case SpecialType.System_Int64: return Target.Int64;
            case SpecialType.System_UInt64: return Target.UInt64;
            case SpecialType.System_String: return Target.String;
        }
        switch (t)
        {
            case IPointerTypeSymbol p:
                return new CPointerType(p.PointedAtType.SpecialType == SpecialType.System_Void ? CNamedType.Void : MapType(p.PointedAtType, where, storage: true));
            case IFunctionPointerTypeSymbol fp:
                {
                    var sig = fp.Signature;
                    var ps = sig.Parameters.Select(p => ParamType(p, where)).ToList();
                    return new CFunctionPointerType(MapType(sig.ReturnType, where), ps);
                }
            case IArrayTypeSymbol a:
                return new CArrayType(MapType(a.ElementType, where, storage: true), null);
            case INamedTypeSymbol n when DslSymbols.EndianType(n) is { } e:
                return e.Bits switch { 16 => Target.UInt16, 32 => Target.UInt32, _ => Target.UInt64 };
            case INamedTypeSymbol n when n.TypeKind == TypeKind.Enum:
                return new CNamedType(TypeName(n));
            case INamedTypeSymbol n when n.TypeKind == TypeKind.Struct:
                if (StructLayoutCalculator.InlineArrayLength(n) is int len && n.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => !f.IsStatic) is { } ef)
                    return new CArrayType(MapType(ef.Type, where, storage: true), len);
                return new CNamedType(DslSymbols.CTypeName(n) ?? "struct " + TypeName(n));
        }
        Report(Descriptors.UnsupportedType, where, t.ToDisplayString());
        return Target.Int32;
    }

    /// <summary>
    /// The C type of a variable that lives at an address: a field, an array or <c>stackalloc</c> element, what a
    /// pointer or a <c>ref</c>/<c>out</c>/<c>in</c> parameter points at, a static, and a local or parameter whose
    /// address its method takes (<c>&amp;x</c>, <c>ref x</c>, <c>out x</c>, <c>in x</c>, <c>Addr.Of(ref x)</c>).
    /// One rule for all of them, because any such address may end up in any pointer of that type: a C# <c>bool</c>
    /// is one byte (ECMA-335 I.8.2.2), so it is <c>uint8</c> / <c>uchar</c>, never the two-byte AmigaOS <c>BOOL</c>
    /// or the Amix <c>int</c> a <c>bool</c> value has; a wider pointer would read or write the bytes beside it.
    /// </summary>
    public CType StorageType(ITypeSymbol t, Location? where) => MapType(t, where, storage: true);

    /// <summary>The C type of a parameter: its value type, or for <c>ref</c>/<c>out</c>/<c>in</c> a pointer to the
    /// <see cref="StorageType"/> of what it refers to (<c>const</c> for <c>in</c> and <c>ref readonly</c>).</summary>
    public CType ParamType(IParameterSymbol p, Location? where)
    {
        if (p.RefKind == RefKind.None) return WithScalarCType(p, p.Type, MapType(p.Type, where));
        var t = WithScalarCType(p, p.Type, StorageType(p.Type, where));
        return new CPointerType(t, Const: p.RefKind == RefKind.In || p.RefKind == RefKind.RefReadOnlyParameter);
    }

    /// <summary>The C name a method must have whatever the generated naming: its <c>[CExport]</c> name, else the
    /// kernel's name of an Amix entry point (<c>[AmixEntry(Write)]</c> of prefix <c>par</c>: <c>parwrite</c>).</summary>
    public string? FixedMethodName(IMethodSymbol m) => Exports.Exports.ExportName(m) ?? Exports.AmixDriver.EntryName(Compilation, m, Prefix);

    /// <summary>The scalar typedefs <see cref="WithScalarCType"/> used, with the size of the C# integer each stands for.</summary>
    private readonly SortedDictionary<string, int> scalarTypedefs = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>[CType("dev_t")]</c> on a parameter or field: the typedef replaces the innermost C type, under the pointers
    /// (<c>uint*</c> → <c>dev_t *</c>), and its size is checked in the header against the C# integer's.
    /// DRV0115 (the analyzer) has already refused the attribute on anything but an integer or pointers to one.
    /// </summary>
    public CType WithScalarCType(ISymbol s, ITypeSymbol type, CType mapped)
    {
        if (DslSymbols.Attribute(s, "CTypeAttribute") is not { ConstructorArguments: [{ Value: string name }] }) return mapped;
        var inner = type;
        while (inner is IPointerTypeSymbol p) inner = p.PointedAtType;
        int size = inner.SpecialType switch
        {
            SpecialType.System_Byte or SpecialType.System_SByte => 1,
            SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
            SpecialType.System_Int32 or SpecialType.System_UInt32 => 4,
            SpecialType.System_Int64 or SpecialType.System_UInt64 => 8,
            _ => 0,
        };
        if (size == 0) return mapped;
        lock (scalarTypedefs) scalarTypedefs[name] = size;
        static CType Replace(CType t, string n) => t switch
        {
            CPointerType p => p with { Target = Replace(p.Target, n) },
            CVolatileType v => new CVolatileType(Replace(v.Inner, n)),
            _ => new CNamedType(n),
        };
        return Replace(mapped, name);
    }

    private void LowerEnum(INamedTypeSymbol e, List<CTopLevel> items)
    {
        var under = e.EnumUnderlyingType!;
        items.Add(new CTypedef(MapType(under, null), Names[e]) { Comment = $"enum {e.Name} ({Origin(e)})" });
        foreach (var f in e.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue))
        {
            // Both = Read | Write: #define EX_MODE_BOTH ((uint8)(EX_MODE_READ | EX_MODE_WRITE)), the names kept as for consts
            var initializer = (f.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as EnumMemberDeclarationSyntax)?.EqualsValue;
            var value = initializer is null ? null : Parentheses.InitializerValue(Model(initializer.SyntaxTree), initializer);
            items.Add(new CDefine(Names[f], Constants.Format(f.ConstantValue!, under, Target, null))
            {
                Expr = value is { ConstantValue.HasValue: true } && SymbolEqualityComparer.Default.Equals(value.Type, under) ? ConstantExpressions.Lower(value) : null,
            });
        }
    }

    private void LowerConstants(INamedTypeSymbol t, List<CTopLevel> items)
    {
        bool first = true;
        foreach (var c in t.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst && f.HasConstantValue && Exports.Exports.ConstantName(f) is null))
        {
            if (c.Type.SpecialType is SpecialType.System_String)
            {
                items.Add(new CDefine(Names[c], Constants.StringLiteral((string)c.ConstantValue!)) { Comment = first ? $"{t.Name} constants ({Origin(t)})" : null });
            }
            else
            {
                var initializer = (c.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax)?.Initializer;
                var syntax = initializer?.Value;
                // const int B = A + 8: #define B (A + 8), so C sees the names the source wrote
                var value = initializer is null ? null : Parentheses.InitializerValue(Model(initializer.SyntaxTree), initializer);
                items.Add(new CDefine(Names[c], Constants.Format(c.ConstantValue!, c.Type, Target, syntax))
                {
                    Comment = first ? $"{t.Name} constants ({Origin(t)})" : null,
                    Expr = value is { ConstantValue.HasValue: true } && SymbolEqualityComparer.Default.Equals(value.Type, c.Type) ? ConstantExpressions.Lower(value) : null,
                    Overridable = Exports.Exports.IsBuildOption(c),
                });
            }
            first = false;
        }
    }

    public string Origin(ISymbol s)
    {
        var loc = s.Locations.FirstOrDefault(l => l.IsInSource);
        if (loc is null) return s.Name;
        var span = loc.GetLineSpan();
        return $"{Path.GetFileName(span.Path)}:{span.StartLinePosition.Line + 1}";
    }

    private IEnumerable<INamedTypeSymbol> TopoSort(List<INamedTypeSymbol> structs)
    {
        var done = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var known = new HashSet<INamedTypeSymbol>(structs, SymbolEqualityComparer.Default); // membership in O(1): this runs per field
        var result = new List<INamedTypeSymbol>();
        void Visit(INamedTypeSymbol s)
        {
            if (!done.Add(s)) return;
            foreach (var f in s.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic))
                if (f.Type is INamedTypeSymbol ft && ft.TypeKind == TypeKind.Struct && known.Contains(ft)) Visit(ft);
                else if (f.Type is INamedTypeSymbol ia && StructLayoutCalculator.InlineArrayLength(ia) is not null
                         && ia.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(x => !x.IsStatic)?.Type is INamedTypeSymbol et
                         && known.Contains(et)) Visit(et);
            result.Add(s);
        }
        foreach (var s in structs) Visit(s);
        return result;
    }

    private CStructDef LowerStruct(INamedTypeSymbol s)
    {
        var layout = StructLayoutCalculator.Compute(s);
        foreach (var p in layout.Problems)
            Report(p.Descriptor, p.Symbol.Locations.FirstOrDefault(), p.Arguments);
        var fields = new List<CField>();
        var offsets = new List<(string, int)>();
        int at = 0, pad = 0;
        bool mmio = DslSymbols.IsMmio(s);
        foreach (var f in layout.Fields.OrderBy(f => f.Offset))
        {
            if (f.Offset > at) fields.Add(new CField(new CArrayType(Target.UInt8, f.Offset - at), "pad" + pad++, null));
            if (f.Offset < at) continue; // overlap: reported above
            string name = Names[f.Field];
            CType type = f.ArrayLength is int n ? new CArrayType(MapType(f.ElementType, null, storage: true), n) : WithScalarCType(f.Field, f.Field.Type, MapType(f.Field.Type, null, storage: true));
            if (f.Field.IsVolatile) type = new CVolatileType(type);
            string? comment = mmio || DslSymbols.HasAttribute(s, "DmaAttribute") || DslSymbols.EndianType(f.Field.Type) is not null
                ? $"0x{f.Offset:x2}" + (DslSymbols.EndianType(f.Field.Type) is { } e ? (e.Little ? " LE" : " BE") : "")
                : null;
            fields.Add(new CField(type, name, comment));
            offsets.Add((name, f.Offset));
            at = f.Offset + f.Size;
        }
        if (fields.Count == 0) fields.Add(new CField(Target.UInt8, "unused", "C has no empty structs"));
        if (layout.Size > at && layout.Fields.Count > 0) fields.Add(new CField(new CArrayType(Target.UInt8, layout.Size - at), "pad" + pad, null));
        string what = mmio ? "registers" : DslSymbols.HasAttribute(s, "DmaAttribute") ? "DMA memory" : "struct";
        // Pack: every gap is explicit above, so a packed C struct (alignment 1) lands exactly on the CLR layout.
        string packed = layout.IsPacked ? $", packed (C would pad it to {layout.NaturalSize})" : "";
        return new CStructDef(Names[s], fields, offsets, layout.Size) { Comment = $"{s.Name} ({Origin(s)}): {what}, {layout.Size} bytes{packed}", Packed = layout.IsPacked };
    }

    private CGlobal? LowerStaticField(IFieldSymbol f)
    {
        var loc = f.Locations.FirstOrDefault();
        var decl = f.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax;
        var init = decl?.Initializer?.Value;
        string comment = $"{f.ContainingType.Name}.{f.Name} ({Origin(f)})";
        if (f.Type is IArrayTypeSymbol at)
        {
            if (init is null || !f.IsReadOnly) { Report(Descriptors.HeapArray, loc, f.Name); return null; }
            if (ArrayElements(f) is not { } elements)
            {
                var whole = Parentheses.InitializerValue(Model(init.SyntaxTree), decl!.Initializer!);
                Report(Descriptors.StaticInitializer, init.GetLocation(), ShortSyntax(init), whole is null ? "it is not a table" : StaticInitializers.Why(whole));
                return null;
            }
            return ArrayGlobal(f, at, elements, comment, loc);
        }
        CExpr? value = null;
        if (init is not null)
        {
            var op = Parentheses.InitializerValue(Model(init.SyntaxTree), decl!.Initializer!);
            if (op is not null && StaticValue(op, f.Type, init) is { } v) value = v;
            else if (op is IDefaultValueOperation or IObjectCreationOperation { Initializer: null, Arguments.Length: 0 }) value = null;
            else { Report(Descriptors.StaticInitializer, init.GetLocation(), ShortSyntax(init), op is null ? "it is not a constant" : StaticInitializers.Why(op)); return null; }
        }
        // C# volatile: every read and write happens, in order with the other volatile accesses (docs/dsl.md).
        // A static lives at an address any method may take (ref, out, in, fixed &): its storage type.
        CType type = WithScalarCType(f, f.Type, StorageType(f.Type, loc));
        if (f.IsVolatile) type = new CVolatileType(type);
        return new CGlobal(type, Names[f], value, false, false, false) { Comment = comment };
    }

    private static string ShortSyntax(SyntaxNode s) => Shorten(s.ToString());

    /// <summary>
    /// The C initializer of static data of type <paramref name="type"/>: a constant expression with the source's
    /// names, NULL, or an address constant <c>(struct cia *)0xBFE001</c>; null when C needs code to compute it.
    /// </summary>
    private CExpr? StaticValue(IOperation op, ITypeSymbol type, SyntaxNode syntax)
    {
        // Node* p = null: the implicit pointer conversion of the null literal has no constant value of its own
        if (StaticInitializers.IsNullPointer(op)) return new CLiteral(Target.Null);
        if (StaticInitializers.IsAddressConstant(op)) return AddressConstant(op);
        if (!op.ConstantValue.HasValue) return null;
        return SymbolEqualityComparer.Default.Equals(op.Type, type) ? ConstantExpressions.Lower(op)
            : new CLiteral(Constants.Format(op.ConstantValue.Value, type, Target, syntax));
    }

    /// <summary>
    /// <c>(Cia*)0xBFE001</c> as <c>(struct cia *)0xBFE001</c>: the integer constant with its names and C# type
    /// (so C sign- or zero-extends it as C# does), cast to each pointer type the source converts it to; an
    /// implicit conversion (to <c>void*</c>) needs no cast in C.
    /// </summary>
    private CExpr AddressConstant(IOperation op)
    {
        var c = (IConversionOperation)op;
        var inner = c.Operand.Type is IPointerTypeSymbol ? AddressConstant(c.Operand) : ConstantExpressions.Lower(c.Operand);
        return c.IsImplicit && c.Operand.Type is IPointerTypeSymbol ? inner : new CCast(MapType(c.Type!, op.Syntax.GetLocation()), inner);
    }

    /// <summary>The element values of a static array field's initializer (array creation or collection expression), or null.</summary>
    public IReadOnlyList<IOperation>? ArrayElements(IFieldSymbol f)
    {
        var init = (f.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() as VariableDeclaratorSyntax)?.Initializer;
        if (init is null) return null;
        var op = Parentheses.InitializerValue(Model(init.SyntaxTree), init);
        while (op is IConversionOperation c) op = c.Operand;
        return op switch
        {
            IArrayCreationOperation { Initializer: { } i } => i.ElementValues,
            IArrayInitializerOperation i => i.ElementValues,
            ICollectionExpressionOperation ce => ce.Elements,
            _ => null,
        };
    }

    private CGlobal? ArrayGlobal(IFieldSymbol f, IArrayTypeSymbol at, IEnumerable<IOperation> elements, string comment, Location? loc)
    {
        var items = new List<CExpr>();
        foreach (var e in elements)
        {
            if (StaticValue(e, at.ElementType, e.Syntax) is not { } item)
            {
                Report(Descriptors.StaticInitializer, e.Syntax.GetLocation(), ShortSyntax(e.Syntax), StaticInitializers.Why(e));
                return null;
            }
            items.Add(item);
        }
        var element = MapType(at.ElementType, loc, storage: true);
        // A table of pointers: the pointers are constant (struct cia *const t[]), not what they point at.
        if (element is CPointerType or CFunctionPointerType)
            return new CGlobal(new CArrayType(new CConstType(element), items.Count), Names[f], new CInitList(items), false, IsConst: false, false) { Comment = comment };
        return new CGlobal(new CArrayType(element, items.Count), Names[f], new CInitList(items), false, IsConst: true, false) { Comment = comment };
    }
}
