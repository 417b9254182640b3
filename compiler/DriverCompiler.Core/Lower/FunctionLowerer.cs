using DriverCompiler.Analyzers;
using DriverCompiler.Core.CModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// Lowers one method's <see cref="IOperation"/> tree to a C function. Statements are in
/// FunctionLowerer_Statements.cs, expressions in FunctionLowerer_Expressions.cs, conversions
/// (including endian and MMIO accesses) in FunctionLowerer_Conversions.cs.
/// </summary>
internal sealed partial class FunctionLowerer
{
    private readonly ModuleLowerer module;
    private readonly IMethodSymbol method;
    private readonly SemanticModel model;
    private readonly SyntaxNode declaration;
    private readonly Dictionary<ILocalSymbol, CLocal> locals = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILabelSymbol, string> labels = new(SymbolEqualityComparer.Default);
    private bool failed;
    private int temps;

    /// <summary>Name of the struct pointer that stands for <c>this</c> in a struct instance method.</summary>
    private const string Self = "self";

    public FunctionLowerer(ModuleLowerer module, IMethodSymbol method)
    {
        this.module = module; this.method = method;
        declaration = method.DeclaringSyntaxReferences[0].GetSyntax();
        model = module.Model(declaration.SyntaxTree);
    }

    private Targets.Target Target => module.Target;

    public CFunction? Lower()
    {
        var ps = new List<CParam>();
        if (!method.IsStatic)
            ps.Add(new CParam(new CPointerType(module.MapType(method.ContainingType, null)), Self));
        var shadows = new List<CStmt>();
        foreach (var p in method.Parameters)
        {
            var type = module.ParamType(p, p.Locations.FirstOrDefault());
            ps.Add(new CParam(type, Naming.Local(p.Name)));
            // A value parameter whose address the body takes lives at an address: when its storage type differs from
            // the type it is passed as (a bool: BOOL / int, one byte at an address), the body uses a copy of that type.
            if (p.RefKind == RefKind.None && AddressedVariables().Contains(p)
                && module.WithScalarCType(p, p.Type, module.StorageType(p.Type, null)) is var storage && !storage.Equals(type))
            {
                var copy = new CLocal(FreshName(Naming.Local(p.Name) + "_byte"), storage);
                parameterCopies[p] = copy;
                shadows.Add(new CDecl(copy, new CName(Naming.Local(p.Name))));
            }
        }
        if (model.GetOperation(declaration) is not IMethodBodyOperation body)
        {
            module.NotLowered(declaration, "method without a body");
            return null;
        }
        var block = (IBlockOperation?)body.BlockBody ?? body.ExpressionBody;
        if (block is null) { module.NotLowered(declaration, "method without a body"); return null; }
        var cblock = LowerBlock(block);
        // A parameter the body never reads (an interface the signature must match, or one only assigned:
        // GCC's -Wunused-but-set-parameter): say so, as C authors do. One walk over the body, not one per parameter.
        bool usesSelf = false;
        var usedParams = new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default);
        foreach (var o in body.Descendants())
            if (o is IInstanceReferenceOperation) usesSelf = true;
            else if (o is IParameterReferenceOperation r && (!IsOnlyWritten(r) || parameterCopies.ContainsKey(r.Parameter))) usedParams.Add(r.Parameter);
        var unused = new List<CStmt>();
        if (!method.IsStatic && !usesSelf)
            unused.Add(new CExprStmt(new CCast(CNamedType.Void, new CName(Self))));
        foreach (var p in method.Parameters)
            if (!usedParams.Contains(p))
                unused.Add(new CExprStmt(new CCast(CNamedType.Void, new CName(Naming.Local(p.Name)))));
        cblock.Statements.InsertRange(0, unused);
        cblock.Statements.InsertRange(0, shadows);
        if (Target.DeclarationsAtBlockStart) C89Hoister.Hoist(cblock);
        if (failed) return null;
        var ret = module.MapType(method.ReturnType, method.Locations.FirstOrDefault());
        string comment = $"{method.ContainingType.Name}.{method.Name} ({module.Origin(method)})";
        return new CFunction(ret, module.Names[method], ps, cblock, IsStatic: false) { Comment = comment };
    }

    /// <summary>A value parameter (or a field of a struct one, or an element of its fixed buffer or inline array) as the
    /// target of an assignment, compound assignment or ++/--: C counts none of them as a read.</summary>
    private static bool IsOnlyWritten(IParameterReferenceOperation r) => r.Parameter.RefKind == RefKind.None && IsOnlyWritten((IOperation)r);

    private static bool IsOnlyWritten(IOperation r) =>
        r.Parent switch
        {
            IFieldReferenceOperation f when f.Instance == r => IsOnlyWritten(f),
            // s.Buf[i] = v of an [InlineArray] field, or of a fixed buffer (Roslyn: the element access and the buffer
            // as a pointer are operations without a kind): C's s.buf[i] = v, a write of s
            IInlineArrayAccessOperation ia when ia.Instance == r => IsOnlyWritten(ia),
            // (not p[i] = v of a pointer p: that reads p)
            { Kind: OperationKind.None, Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.ElementAccessExpressionSyntax } e when e.ChildOperations.First() == r && IsFixedBuffer(r) => IsOnlyWritten(e),
            { Kind: OperationKind.None } b when r is IFieldReferenceOperation { Field.IsFixedSizeBuffer: true } && b.ChildOperations.Count == 1 => IsOnlyWritten(b),
            ISimpleAssignmentOperation a => a.Target == r,
            ICompoundAssignmentOperation c => c.Target == r,
            IIncrementOrDecrementOperation i => i.Target == r,
            _ => false,
        };

    /// <summary>A fixed buffer field, or Roslyn's kind-less wrapper that uses one as a pointer.</summary>
    private static bool IsFixedBuffer(IOperation op) =>
        op is IFieldReferenceOperation { Field.IsFixedSizeBuffer: true }
        || op.Kind == OperationKind.None && op.ChildOperations.Count == 1 && op.ChildOperations.First() is IFieldReferenceOperation { Field.IsFixedSizeBuffer: true };

    private CExpr Fail(IOperation op, string what)
    {
        failed = true;
        module.NotLowered(op.Syntax, what);
        return new CLiteral("0");
    }

    private CLocal DeclareLocal(ILocalSymbol symbol)
    {
        if (locals.TryGetValue(symbol, out var l)) return l;
        string name = Naming.Local(symbol.Name);
        // A C# local may share its name with a parameter only in another scope; keep C names distinct from parameters.
        if (method.Parameters.Any(p => Naming.Local(p.Name) == name) || name == Self) name += "_";
        var where = symbol.Locations.FirstOrDefault();
        l = new CLocal(name, AddressedVariables().Contains(symbol) ? module.StorageType(symbol.Type, where) : module.MapType(symbol.Type, where));
        locals[symbol] = l;
        return l;
    }

    /// <summary>Value parameters the body uses through a copy of their storage type (see <see cref="Lower"/>).</summary>
    private readonly Dictionary<IParameterSymbol, CLocal> parameterCopies = new(SymbolEqualityComparer.Default);

    /// <summary>The variable a value parameter's name stands for in the body: the parameter, or its copy.</summary>
    private CExpr ParameterVariable(IParameterSymbol p) =>
        parameterCopies.TryGetValue(p, out var copy) ? new CLocalRef(copy) : new CName(Naming.Local(p.Name));

    private HashSet<ISymbol>? addressedVariables;

    /// <summary>
    /// The locals and value parameters whose address the method takes: <c>&amp;x</c>, <c>ref x</c>, <c>out x</c> and
    /// <c>out var x</c>, <c>in x</c> (also <c>Addr.Of(ref x)</c>, and through function pointers). They live at an
    /// address and so have the <see cref="ModuleLowerer.StorageType"/>, the type every pointer to them has.
    /// </summary>
    private HashSet<ISymbol> AddressedVariables()
    {
        if (addressedVariables is not null) return addressedVariables;
        addressedVariables = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        if (model.GetOperation(declaration) is not { } root) return addressedVariables;
        foreach (var op in root.Descendants())
        {
            var variable = op switch
            {
                IAddressOfOperation a => a.Reference,
                IArgumentOperation { Parameter.RefKind: not RefKind.None } a when !IsInRvalue(a) => a.Value,
                _ => null,
            };
            switch (variable)
            {
                case ILocalReferenceOperation l: addressedVariables.Add(l.Local); break;
                case IDeclarationExpressionOperation { Expression: ILocalReferenceOperation l }: addressedVariables.Add(l.Local); break;
                case IParameterReferenceOperation { Parameter.RefKind: RefKind.None } p: addressedVariables.Add(p.Parameter); break;
            }
        }
        return addressedVariables;
    }

    /// <summary>A C name made from <paramref name="hint"/> that no identifier of the method's source lowers to.</summary>
    private string FreshName(string hint)
    {
        var used = UsedNames();
        string n = hint;
        while (!used.Add(n)) n += "_";
        return n;
    }

    private CLocal Temp(CType type, string hint)
    {
        temps++;
        return new CLocal(hint + (temps == 1 ? "" : temps.ToString(System.Globalization.CultureInfo.InvariantCulture)), type);
    }

    private string Label(ILabelSymbol label)
    {
        if (!labels.TryGetValue(label, out var n))
        {
            n = Naming.Local(label.Name);
            labels[label] = n;
        }
        return n;
    }

    private SourceOrigin? Origin(IOperation op)
    {
        var span = op.Syntax.GetLocation().GetLineSpan();
        return new SourceOrigin(span.Path, span.StartLinePosition.Line + 1);
    }
}
