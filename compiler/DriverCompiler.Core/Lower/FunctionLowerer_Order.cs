using DriverCompiler.Core.CModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// C# evaluation order. C# evaluates operands and arguments left to right and performs each side
/// effect in that order; C leaves the order of operands unspecified and a variable changed twice
/// (or changed and read) between sequence points undefined (ISO C 6.5p2, GCC -Wsequence-point).
/// Where the operands of one C node could observe a different order, the earlier operands are
/// evaluated into temporaries (<c>t0</c>, <c>t1</c>, ...) first, in C# order. Only then: ordinary
/// code, where no operand touches what another changes, is printed as written.
/// <para>
/// Temporaries of a statement become declarations right before it (the C89 hoister moves them to
/// the block start for Amix). Where the expression is evaluated repeatedly or conditionally (loop
/// condition, for step, the right of <c>&amp;&amp;</c>/<c>||</c>, a branch of <c>?:</c>, an else-if
/// condition) the temporaries are assigned in place in a comma expression instead.
/// </para>
/// </summary>
internal sealed partial class FunctionLowerer
{
    /// <summary>What evaluating an expression may read and write: locals and parameters by symbol,
    /// everything reached through memory (pointers, statics, fields of non-locals, device registers) as <see cref="Memory"/>.</summary>
    private sealed class Effects
    {
        public static readonly object Memory = new();
        public static readonly Effects None = new();
        // Small sets as arrays that are never changed once stored: an expression touches a handful of
        // locations, so a linear scan beats hashing, and a union that adds nothing reuses an operand's
        // array instead of allocating (a fresh hash set per node made this analysis the lowering's largest cost).
        private object[] reads = [], writes = [], directWrites = [];

        /// <summary>Writes not inside a called function: unsequenced against the rest of the full expression in C.</summary>
        public bool DirectlyWrites(object where) => Contains(directWrites, where);
        public bool Writes(object where) => Contains(writes, where);
        /// <summary>True when evaluating this may read or write <paramref name="where"/>.</summary>
        public bool Touches(object where) => Contains(reads, where) || Contains(writes, where);

        public bool IsEmpty => reads.Length == 0 && writes.Length == 0;

        public void AddRead(object where) => reads = Union(reads, [where]);
        public void AddWrite(object where) => writes = Union(writes, [where]);
        public void AddDirectWrite(object where) => directWrites = Union(directWrites, [where]);

        /// <summary>The union of this and <paramref name="other"/>; neither is changed. The result may be one of them: do not change it.</summary>
        public Effects With(Effects other)
        {
            if (other.IsEmpty) return this;
            var e = new Effects();
            e.Add(this); e.Add(other);
            return e;
        }

        public void Add(Effects o)
        {
            reads = Union(reads, o.reads); writes = Union(writes, o.writes); directWrites = Union(directWrites, o.directWrites);
        }

        private static bool Contains(object[] set, object x)
        {
            foreach (var y in set) if (y.Equals(x)) return true;
            return false;
        }

        private static object[] Union(object[] a, object[] b)
        {
            if (b.Length == 0 || ReferenceEquals(a, b)) return a;
            if (a.Length == 0) return b;
            List<object>? extra = null;
            foreach (var x in b)
                if (!Contains(a, x) && (extra is null || !extra.Contains(x))) (extra ??= new()).Add(x);
            return extra is null ? a : [.. a, .. extra];
        }

        private static bool Overlaps(object[] a, object[] b)
        {
            foreach (var x in a) if (Contains(b, x)) return true;
            return false;
        }

        /// <summary>True when evaluating this before <paramref name="later"/> can give another result than after it.</summary>
        public bool ConflictsWith(Effects later) =>
            Overlaps(writes, later.reads) || Overlaps(writes, later.writes) || Overlaps(reads, later.writes);
    }

    private readonly Dictionary<IOperation, Effects> effectsCache = new(ReferenceEqualityComparer.Instance);
    /// <summary>Operands already evaluated into a temporary: lowering them again yields the temporary.</summary>
    private readonly Dictionary<IOperation, CExpr> spilled = new(ReferenceEqualityComparer.Instance);
    /// <summary>Temporaries assigned before the rest of the current expression, in evaluation order.</summary>
    /// <summary>Temporaries assigned before the rest of the current expression, in evaluation order (Temp null: evaluated for its effect).</summary>
    private List<(CLocal? Temp, CExpr Value)> spills = new();
    /// <summary>Temporaries assigned in place (comma expressions) that the current statement must declare.</summary>
    private List<CLocal> spillDecls = new();
    private HashSet<string>? usedNames;
    private HashSet<ILocalSymbol>? aliasedLocals;
    private int spillCount;

    /// <summary>Locals whose address is taken (<c>&amp;x</c>, <c>fixed</c>): a write through any pointer may change them.</summary>
    private HashSet<ILocalSymbol> AliasedLocals()
    {
        if (aliasedLocals is not null) return aliasedLocals;
        aliasedLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        if (model.GetOperation(declaration) is { } root)
            foreach (var op in root.Descendants())
                if (op is IAddressOfOperation { Reference: var r } && RootLocal(r) is { } l) aliasedLocals.Add(l);
        return aliasedLocals;
    }

    /// <summary>The local a field or element of a struct local belongs to (<c>&amp;s.F</c> aliases s), else null.</summary>
    private static ILocalSymbol? RootLocal(IOperation op) => op switch
    {
        ILocalReferenceOperation l => l.Local,
        IFieldReferenceOperation { Field.IsStatic: false, Instance: { } i } => RootLocal(i),
        IInlineArrayAccessOperation ia => RootLocal(ia.Instance),
        _ => null,
    };

    private object Location(ILocalSymbol l) => AliasedLocals().Contains(l) ? Effects.Memory : l;

    /// <summary>The storage an assignable expression designates: a local, a value parameter, or memory.</summary>
    private object StorageOf(IOperation target) => target switch
    {
        ILocalReferenceOperation l => Location(l.Local),
        IDeclarationExpressionOperation { Expression: ILocalReferenceOperation l } => Location(l.Local),
        IParameterReferenceOperation { Parameter.RefKind: RefKind.None } p => p.Parameter,
        IFieldReferenceOperation { Field.IsStatic: false, Instance: { } inst } when inst is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation
            => StorageOf(inst),
        IInlineArrayAccessOperation ia => StorageOf(ia.Instance),
        _ => Effects.Memory,
    };

    /// <summary>The operands evaluated to find where an assignable expression is (indices, pointers), in C# order; null if unknown.</summary>
    private static List<IOperation>? AddressParts(IOperation target)
    {
        switch (target)
        {
            case ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation:
                return [];
            case IDeclarationExpressionOperation:
                return [];
            case IFieldReferenceOperation f:
                if (f.Field.IsStatic || f.Instance is null or IInstanceReferenceOperation) return [];
                if (f.Instance.Kind == OperationKind.None && Parentheses.IsPointerMemberTarget(f.Instance.Syntax) && f.Instance.ChildOperations.Count == 1)
                    return [f.Instance.ChildOperations.First()];
                return AddressParts(f.Instance);
            case IArrayElementReferenceOperation ae:
                return [ae.ArrayReference, .. ae.Indices];
            case IInlineArrayAccessOperation ia:
                return AddressParts(ia.Instance) is { } parts ? [.. parts, ia.Argument] : null;
            case var _ when target.Kind == OperationKind.None:
                {
                    var children = target.ChildOperations.ToList();
                    if (target.Syntax is PrefixUnaryExpressionSyntax pu && pu.IsKind(SyntaxKind.PointerIndirectionExpression) && children.Count == 1)
                        return children;
                    if (target.Syntax is ElementAccessExpressionSyntax && children.Count == 2 && children[0].Type is IPointerTypeSymbol)
                        return children;
                    if (children.Count == 1 && children[0] is IFieldReferenceOperation { Field.IsFixedSizeBuffer: true } fb)
                        return AddressParts(fb);
                    return null;
                }
        }
        return null;
    }

    private Effects EffectsOf(IOperation? op)
    {
        if (op is null || op.ConstantValue.HasValue) return Effects.None;
        // The commonest leaves, a read of a local or parameter, are shared per location: no lookup keyed by the operation.
        if (op is ILocalReferenceOperation l) return ReadOf(Location(l.Local));
        if (op is IParameterReferenceOperation p) return ReadOf(p.Parameter.RefKind == RefKind.None ? p.Parameter : Effects.Memory);
        if (effectsCache.TryGetValue(op, out var cached)) return cached;
        var e = new Effects();
        switch (op)
        {
            case IFieldReferenceOperation f:
                if (f.Instance is not null) e.Add(PartsEffects(f));
                e.AddRead(StorageOf(f));
                // A device register read is an access the device sees: keep reads in C# order.
                if (MmioScalar(f) is not null) { e.AddWrite(Effects.Memory); }
                break;
            case ISimpleAssignmentOperation or ICompoundAssignmentOperation or IIncrementOrDecrementOperation:
                {
                    var target = op switch
                    {
                        ISimpleAssignmentOperation a => a.Target,
                        ICompoundAssignmentOperation c => c.Target,
                        _ => ((IIncrementOrDecrementOperation)op).Target,
                    };
                    e.Add(PartsEffects(target));
                    if (op is ISimpleAssignmentOperation sa) e.Add(EffectsOf(sa.Value));
                    else if (op is ICompoundAssignmentOperation ca) e.Add(EffectsOf(ca.Value));
                    var where = StorageOf(target);
                    if (op is not ISimpleAssignmentOperation) e.AddRead(where);
                    e.AddWrite(where); e.AddDirectWrite(where);
                    break;
                }
            // the DSL's pure intrinsics (byte swaps, SCRIPTS entry offsets and addresses) are values, not calls
            case IInvocationOperation { TargetMethod.ContainingType: { Name: "Endian" or "Scripts" } owner } pure when DslSymbols.IsDsl(owner):
                foreach (var child in pure.ChildOperations) e.Add(EffectsOf(child));
                break;
            // Addr.Of(ref x) is &x: only the parts of x's address are evaluated
            case IInvocationOperation { TargetMethod: { Name: "Of", ContainingType: { Name: "Addr" } addr }, Arguments: [var addressed] } when DslSymbols.IsDsl(addr):
                e.Add(PartsEffects(addressed.Value));
                break;
            case IInvocationOperation or IFunctionPointerInvocationOperation:
                foreach (var child in op.ChildOperations) e.Add(EffectsOf(child));
                e.AddRead(Effects.Memory); e.AddWrite(Effects.Memory);
                // a struct method gets its receiver by address and may change it
                if (op is IInvocationOperation { TargetMethod.IsStatic: false, Instance: { } receiver } && receiver is not IInstanceReferenceOperation)
                    e.AddWrite(StorageOf(receiver));
                break;
            case IArgumentOperation { Parameter.RefKind: not RefKind.None } ra:
                e.Add(PartsEffects(ra.Value));
                // the callee reads and writes the variable (sequenced: inside the call)
                e.AddRead(StorageOf(ra.Value)); e.AddWrite(StorageOf(ra.Value));
                break;
            case IObjectCreationOperation { Initializer: var init }:
                // a new value: only what its initializer evaluates counts
                foreach (var i in init?.Initializers ?? [])
                    e.Add(EffectsOf(i is ISimpleAssignmentOperation sa ? sa.Value : i));
                break;
            case IAddressOfOperation ad:
                e.Add(PartsEffects(ad.Reference));
                break;
            default:
                foreach (var child in op.ChildOperations) e.Add(EffectsOf(child));
                // *p, p[i], p->f: a read of memory
                if (op.Kind == OperationKind.None || op is IArrayElementReferenceOperation) e.AddRead(Effects.Memory);
                break;
        }
        effectsCache[op] = e;
        return e;
    }

    private readonly Dictionary<object, Effects> readsOf = new();

    /// <summary>The effects of reading one location (a local, a value parameter or <see cref="Effects.Memory"/>).</summary>
    private Effects ReadOf(object where)
    {
        if (!readsOf.TryGetValue(where, out var e))
        {
            e = new Effects();
            e.AddRead(where);
            readsOf[where] = e;
        }
        return e;
    }

    private Effects PartsEffects(IOperation target)
    {
        var parts = AddressParts(target);
        var e = new Effects();
        if (parts is null)
        {
            // Unknown shape (e.g. a field of a call's struct result, F().Key): everything it evaluates,
            // and a read of memory. Not EffectsOf(target): for a field that would ask for these parts again.
            foreach (var child in target.ChildOperations) e.Add(EffectsOf(child));
            e.AddRead(Effects.Memory);
            return e;
        }
        foreach (var p in parts) e.Add(EffectsOf(p));
        return e;
    }

    /// <summary>
    /// Evaluates into temporaries, in order, those of <paramref name="operands"/> (C# evaluation order) whose
    /// value or side effects another operand after them could disturb, or that disturb a later one.
    /// <paramref name="after"/> is what happens after all of them (e.g. reading the target of a compound assignment).
    /// </summary>
    private void Sequence(IReadOnlyList<IOperation?> operands, Effects? after = null)
    {
        if (operands.Count + (after is null ? 0 : 1) < 2) return;
        // Each operand's effects looked up once; nothing after the last operand when after is null.
        var own = new Effects[operands.Count];
        var later = new Effects[operands.Count];
        var acc = after ?? Effects.None;
        for (int k = operands.Count - 1; k >= 0; k--)
        {
            later[k] = acc;
            own[k] = EffectsOf(operands[k]);
            if (k > 0) acc = acc.With(own[k]);
        }
        // A ref/out/in argument is only an address until the call: nothing to evaluate early. A later operand that
        // changes its variable (F(ref s.F, ++s.F)) is evaluated early instead, in its turn: C# changes the variable
        // before the call too, and C may not change an object that another argument takes the address of in the same
        // expression without GCC's -Wsequence-point ("operation on 's.f' may be undefined"). The same for an address
        // operand, F(&x, x = 6) (fuzz seed 410001). A later operand that only reads the variable needs nothing: every
        // argument is evaluated before the callee can change it, in C as in C#.
        HashSet<int>? early = null;
        for (int k = 0; k < operands.Count; k++)
        {
            if (operands[k] is not { } op || op.ConstantValue.HasValue) continue;
            if (AddressedStorage(op) is { } where)
            {
                var used = own[k].With(ReadOf(where));
                for (int j = k + 1; j < operands.Count; j++)
                    if (operands[j] is not (null or IArgumentOperation) && used.ConflictsWith(own[j])) (early ??= []).Add(j);
                if (op is IArgumentOperation) continue;
            }
            if (early?.Contains(k) == true || !later[k].IsEmpty && own[k].ConflictsWith(later[k]))
                Spill(op);
        }
    }

    /// <summary>The storage whose address an operand is: a by-reference argument's variable, or <c>&amp;x</c>; else null.</summary>
    private object? AddressedStorage(IOperation? operand) => operand switch
    {
        IArgumentOperation { Parameter.RefKind: not RefKind.None } a => StorageOf(a.Value),
        IAddressOfOperation ad => StorageOf(ad.Reference),
        IInvocationOperation { TargetMethod: { Name: "Of", ContainingType: { Name: "Addr" } addr }, Arguments: [var addressed] } when DslSymbols.IsDsl(addr)
            => StorageOf(addressed.Value),
        _ => null,
    };

    /// <summary>Sequences the address parts of an assignable expression against what follows them.</summary>
    private void SequenceTarget(IOperation target, IEnumerable<IOperation?> rest, Effects? after = null)
    {
        var parts = AddressParts(target);
        if (parts is null) return;
        Sequence([.. parts, .. rest], after);
    }

    /// <summary>
    /// Evaluates <paramref name="op"/> now into a fresh temporary of its own C type; later lowering of it yields the temporary.
    /// An implicit integral conversion (a ushort operand widened to int for a comparison) is not part of the
    /// evaluation: its operand goes into the temporary, and the conversion is lowered around the temporary as it
    /// would have been around the operand. A temporary of the converted type would hide the operand's type from
    /// the C that uses it (and, assigned a value C types otherwise, draw GCC's -Woverflow or -Wsign-compare).
    /// </summary>
    private void Spill(IOperation op)
    {
        // A fixed buffer used as a pointer is its struct's address plus an offset: the parts of that address go
        // into temporaries instead, in order (a pointer temporary to a buffer of a packed struct, uint32 *t = p->f1,
        // is GCC's -Waddress-of-packed-member; fuzz seed 400211)
        if ((op as IFieldReferenceOperation ?? (op.Kind == OperationKind.None && op.ChildOperations.Count == 1 ? op.ChildOperations.First() as IFieldReferenceOperation : null))
                is { Field.IsFixedSizeBuffer: true } buffer
            && AddressParts(buffer) is { } parts)
        {
            foreach (var part in parts)
                if (!part.ConstantValue.HasValue && !EffectsOf(part).IsEmpty) Spill(part);
            return;
        }
        if (op is IConversionOperation { IsImplicit: true, OperatorMethod: null } c && !c.ConstantValue.HasValue
            && IsIntegral(c.Type) && IsIntegral(c.Operand.Type) && !spilled.ContainsKey(op))
        {
            Spill(c.Operand);
            return;
        }
        if (spilled.ContainsKey(op) || op.Type is null) return;
        var type = module.MapType(op.Type, null);
        if (type is CArrayType) return; // an [InlineArray] value: C cannot copy arrays by assignment
        var value = Value(op, assignmentContext: true);
        var temp = new CLocal(SpillName(), type);
        spills.Add((temp, value));
        spilled[op] = new CLocalRef(temp);
    }

    /// <summary>Evaluates an already lowered value now into a fresh temporary.</summary>
    private CExpr SpillValue(CExpr value, CType type)
    {
        var temp = new CLocal(SpillName(), type);
        spills.Add((temp, value));
        return new CLocalRef(temp);
    }

    /// <summary>The C names the method's identifiers lower to, and the names made since (<see cref="FreshName"/>).</summary>
    private HashSet<string> UsedNames()
    {
        if (usedNames is null)
        {
            usedNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in declaration.DescendantTokens())
                if (t.IsKind(SyntaxKind.IdentifierToken)) usedNames.Add(Naming.Local(t.ValueText));
        }
        return usedNames;
    }

    private string SpillName()
    {
        var used = UsedNames();
        string n;
        do n = "t" + spillCount++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        while (used.Contains(n));
        return n;
    }

    /// <summary>Lowers an expression evaluated conditionally or repeatedly: its temporaries are assigned in place.</summary>
    private CExpr InPlace(Func<CExpr> lower)
    {
        var saved = spills;
        spills = new();
        var e = lower();
        var mine = spills;
        spills = saved;
        if (mine.Count == 0) return e;
        spillDecls.AddRange(mine.Where(s => s.Temp is not null).Select(s => s.Temp!));
        return new CComma([.. mine.Select(s => s.Temp is null ? s.Value : new CAssign("=", new CLocalRef(s.Temp), s.Value)), e]);
    }

    /// <summary>Emits the temporaries the statement being lowered needs, before it.</summary>
    private void FlushSpills(List<CStmt> output, SourceOrigin? origin)
    {
        foreach (var t in spillDecls) output.Add(new CDecl(t, null) { Origin = origin });
        foreach (var (t, v) in spills)
        {
            // a struct temporary is initialized as a declaration, not from a compound literal
            var init = v is CInitList { CompoundType: not null } il ? il with { CompoundType = null } : v;
            output.Add(t is null ? new CExprStmt(v) { Origin = origin } : new CDecl(t, init) { Origin = origin });
        }
        spillDecls.Clear();
        spills.Clear();
    }
}
