using DriverCompiler.Analyzers.Layout;
using DriverCompiler.Core.CModel;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Lower;

internal sealed partial class FunctionLowerer
{
    private CBlock LowerBlock(IBlockOperation block)
    {
        var list = new List<CStmt>();
        foreach (var s in block.Operations) LowerStatement(s, list);
        return new CBlock(list);
    }

    /// <summary>Lowers a statement used as the body of a loop or if: always a block.</summary>
    private CStmt Body(IOperation op)
    {
        if (op is IBlockOperation b) return LowerBlock(b);
        var list = new List<CStmt>();
        LowerStatement(op, list);
        return new CBlock(list);
    }

    private void LowerStatement(IOperation op, List<CStmt> output)
    {
        // Each statement has its own temporaries (FunctionLowerer_Order.cs); nested statements save and restore them.
        var (savedSpills, savedDecls) = (spills, spillDecls);
        (spills, spillDecls) = (new(), new());
        LowerStatementCore(op, output);
        FlushSpills(output, Origin(op));
        (spills, spillDecls) = (savedSpills, savedDecls);
    }

    /// <summary>Adds a statement after the temporaries the expressions lowered so far need.</summary>
    private void Put(List<CStmt> output, CStmt s)
    {
        FlushSpills(output, s.Origin);
        output.Add(s);
    }

    private void LowerStatementCore(IOperation op, List<CStmt> output)
    {
        var origin = Origin(op);
        void Add(CStmt s) => Put(output, s with { Origin = origin });
        switch (op)
        {
            case IBlockOperation b:
                Add(LowerBlock(b));
                break;
            case IVariableDeclarationGroupOperation g:
                foreach (var d in g.Declarations)
                    foreach (var v in d.Declarators)
                        LowerDeclarator(v, d.Initializer ?? v.Initializer as IVariableInitializerOperation, output, origin);
                break;
            case IExpressionStatementOperation e:
                LowerExpressionStatement(e.Operation, output, origin);
                break;
            case IReturnOperation r when r.Kind == OperationKind.Return:
                if (StructInit(r.ReturnedValue) is { } rv)
                {
                    var t = Temp(module.MapType(rv.Type!, null), "result");
                    Add(new CDecl(t, null));
                    AssignStruct(new CLocalRef(t), rv, output, origin);
                    Add(new CReturn(new CLocalRef(t)));
                }
                else Add(new CReturn(r.ReturnedValue is null ? null : Value(r.ReturnedValue, assignmentContext: true)));
                break;
            case IBranchOperation br:
                switch (br.BranchKind)
                {
                    case BranchKind.Break: Add(new CBreak()); break;
                    case BranchKind.Continue: Add(new CContinue()); break;
                    case BranchKind.GoTo when br.Syntax is GotoStatementSyntax { CaseOrDefaultKeyword.RawKind: 0 }:
                        Add(new CGoto(Label(br.Target))); break;
                    // goto case / goto default: LowerSwitch labelled the target section
                    case BranchKind.GoTo when labels.ContainsKey(br.Target):
                        Add(new CGoto(labels[br.Target])); break;
                    default: Fail(op, "goto case/default"); break;
                }
                break;
            case ILabeledOperation l:
                {
                    var inner = new List<CStmt>();
                    if (l.Operation is not null) LowerStatement(l.Operation, inner);
                    CStmt s = inner.Count == 1 ? inner[0] : inner.Count == 0 ? new CEmpty() : new CBlock(inner);
                    Add(new CLabeled(Label(l.Label), s));
                    break;
                }
            case IConditionalOperation c:
                Add(new CIf(Condition(c.Condition), Body(c.WhenTrue), c.WhenFalse is null ? null : c.WhenFalse is IConditionalOperation ? ElseIf(c.WhenFalse) : Body(c.WhenFalse)));
                break;
            case IWhileLoopOperation w:
                if (w.ConditionIsTop) Add(new CWhile(w.Condition is null ? new CLiteral("1") : InPlace(() => Condition(w.Condition)), Body(w.Body)));
                else { var body = Body(w.Body); Add(new CDoWhile(body, InPlace(() => Condition(w.Condition!)))); }
                break;
            case IForLoopOperation f:
                {
                    var init = new List<CStmt>();
                    foreach (var b in f.Before) LowerStatement(b, init);
                    var step = new List<CExpr>();
                    foreach (var a in f.AtLoopBottom)
                        step.Add(a is IExpressionStatementOperation es ? InPlace(() => Expr(es.Operation, discarded: true)) : Fail(a, "for-loop step"));
                    // for (int i = 0, j = n; ...) prints as one C declaration when the declarators share a plain type;
                    // otherwise the declarations go in a block around the loop.
                    var initDecls = init.OfType<CDecl>().ToList();
                    bool simpleInit = init.All(s => s is CDecl or CExprStmt)
                        && (initDecls.Count <= 1 && (initDecls.Count == 0 || init.Count == 1)
                            || initDecls.Count == init.Count && initDecls.All(d => d.Local.Type is CNamedType && d.Local.Type.Equals(initDecls[0].Local.Type)));
                    var loop = new CFor(simpleInit ? init : new List<CStmt>(), f.Condition is null ? null : InPlace(() => Condition(f.Condition)), step, Body(f.Body));
                    if (simpleInit) Add(loop);
                    else { init.Add(loop with { Origin = origin }); Add(new CBlock(init)); }
                    break;
                }
            case IForEachLoopOperation fe:
                LowerForEach(fe, output, origin);
                break;
            case ISwitchOperation sw:
                LowerSwitch(sw, output, origin);
                break;
            case IEmptyOperation:
                Add(new CEmpty());
                break;
            case var _ when op.Kind == OperationKind.None && op.Syntax is FixedStatementSyntax fs:
                {
                    // fixed (T* p = x) body: the targets have no moving collector; p is an ordinary pointer.
                    var inner = new List<CStmt>();
                    foreach (var child in op.ChildOperations)
                        LowerStatement(child, inner);
                    Add(new CBlock(inner));
                    break;
                }
            default:
                Fail(op, op.Kind.ToString());
                break;
        }
    }

    private CStmt ElseIf(IOperation op)
    {
        var c = (IConditionalOperation)op;
        return new CIf(InPlace(() => Condition(c.Condition)), Body(c.WhenTrue), c.WhenFalse is null ? null : c.WhenFalse is IConditionalOperation ? ElseIf(c.WhenFalse) : Body(c.WhenFalse)) { Origin = Origin(op) };
    }

    private CExpr Condition(IOperation op) => Value(op, assignmentContext: false);

    /// <summary><c>default</c>, <c>new S()</c> or <c>new S { ... }</c> of a struct (looking through the target-typed conversion), else null.</summary>
    private static IOperation? StructInit(IOperation? op)
    {
        while (op is IConversionOperation { IsImplicit: true, OperatorMethod: null } c) op = c.Operand;
        return op is IObjectCreationOperation or IDefaultValueOperation && IsStructType(op.Type) ? op : null;
    }

    private static bool IsStructType(ITypeSymbol? t) =>
        t is INamedTypeSymbol { TypeKind: TypeKind.Struct } n && DslSymbols.EndianType(n) is null && n.SpecialType == SpecialType.None;

    private void LowerDeclarator(IVariableDeclaratorOperation v, IVariableInitializerOperation? init, List<CStmt> output, SourceOrigin? origin)
    {
        // const locals: every use is the folded constant; C needs no variable.
        if (v.Symbol.IsConst) return;
        LowerDeclaratorCore(v, init, output, origin);
        // A local C# never reads (declared for its initializer's side effects, or only assigned) is C's
        // -Wunused-variable / -Wunused-but-set-variable: say so after the declaration, as for parameters.
        if (!ReadLocals.Contains(v.Symbol))
            Put(output, new CExprStmt(new CCast(CNamedType.Void, new CLocalRef(DeclareLocal(v.Symbol)))) { Origin = origin });
    }

    private HashSet<ILocalSymbol>? readLocals;

    /// <summary>The locals of the method some operation reads (not only assigns, compound-assigns or increments); one walk per method.</summary>
    private HashSet<ILocalSymbol> ReadLocals => readLocals ??= new HashSet<ILocalSymbol>(
        (model.GetOperation(declaration)?.Descendants() ?? []).OfType<ILocalReferenceOperation>().Where(r => !IsOnlyWritten(r)).Select(r => r.Local),
        SymbolEqualityComparer.Default);

    private void LowerDeclaratorCore(IVariableDeclaratorOperation v, IVariableInitializerOperation? init, List<CStmt> output, SourceOrigin? origin)
    {
        var local = DeclareLocal(v.Symbol);
        var value = init?.Value;
        if (value is null) { Put(output, new CDecl(local, null) { Origin = origin }); return; }
        if (value.Kind == OperationKind.None && value.Syntax is StackAllocArrayCreationExpressionSyntax or ImplicitStackAllocArrayCreationExpressionSyntax)
        {
            LowerStackAlloc(local, value, output, origin);
            return;
        }
        if (StructInit(value) is { } sv)
        {
            value = sv;
            if (Target.HasCompoundLiterals)
                Put(output, new CDecl(local, StructInitializer(value, compound: false)) { Origin = origin });
            else
            {
                Put(output, new CDecl(local, null) { Origin = origin });
                AssignStruct(new CLocalRef(local), value, output, origin);
            }
            return;
        }
        if (local.Type is CArrayType arrayType)
        {
            // an [InlineArray] copied from another: C arrays do not assign
            var source = Expr(value);
            Put(output, new CDecl(local, null) { Origin = origin });
            CopyArray(new CLocalRef(local), source, arrayType, output, origin);
            return;
        }
        Put(output, new CDecl(local, Value(value, assignmentContext: true)) { Origin = origin });
    }

    /// <summary>Element-by-element copy of an [InlineArray] value: <c>for (t0 = 0; t0 &lt; 4; t0++) dst[t0] = src[t0];</c>.</summary>
    private void CopyArray(CExpr target, CExpr source, CArrayType type, List<CStmt> output, SourceOrigin? origin)
    {
        if (type.Element is CArrayType || type.Length is null) { failed = true; module.NotLowered(declaration, "copy of a nested [InlineArray]"); return; }
        var index = new CLocal(SpillName(), Target.Int32);
        var i = new CLocalRef(index);
        Put(output, new CFor([new CDecl(index, new CLiteral("0"))],
            new CBinary("<", i, new CLiteral(type.Length.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            [new CUnary("++", i, Postfix: true)],
            new CBlock([new CExprStmt(new CAssign("=", new CIndex(target, i), new CIndex(source, i)))])) { Origin = origin });
    }

    /// <summary><c>T* p = stackalloc T[n]</c>: a zeroed array in the same block and a pointer to it.</summary>
    private void LowerStackAlloc(CLocal local, IOperation value, List<CStmt> output, SourceOrigin? origin)
    {
        var elemType = ((IPointerTypeSymbol)value.Type!).PointedAtType;
        var children = value.ChildOperations.ToList();
        int? count = null;
        var items = new List<CExpr>();
        // Roslyn gives the element count first, also when the source leaves it to the initializer.
        var sizeOp = children.FirstOrDefault(c => c is not IArrayInitializerOperation);
        if (sizeOp is not null)
        {
            if (sizeOp.ConstantValue.Value is int n) count = n;
            else { Fail(value, "stackalloc of a size that is not constant"); return; }
            children = children.Where(c => c != sizeOp).ToList();
        }
        foreach (var c in children)
        {
            if (c is IArrayInitializerOperation ai) items.AddRange(ai.ElementValues.Select(e => Value(e, assignmentContext: true)));
            else items.Add(Value(c, assignmentContext: true));
        }
        count ??= items.Count;
        var storage = new CLocal(local.Name + "_storage", new CArrayType(module.MapType(elemType, null, storage: true), count));
        Put(output, new CDecl(storage, new CInitList(items)) { Origin = origin });
        Put(output, new CDecl(local, new CLocalRef(storage)) { Origin = origin });
    }

    private void LowerExpressionStatement(IOperation e, List<CStmt> output, SourceOrigin? origin)
    {
        if (e is ISimpleAssignmentOperation a && StructInit(a.Value) is { } sv)
        {
            AssignStructValue(a.Target, sv, output, origin);
            return;
        }
        if (e is ISimpleAssignmentOperation arr && arr.Target.Type is { } tt && module.MapType(tt, null) is CArrayType arrayType)
        {
            var target = LValue(arr.Target);
            CopyArray(target, Expr(arr.Value), arrayType, output, origin);
            return;
        }
        // x++ as a statement reads better as x++ than ++x; keep C#'s form.
        Put(output, new CExprStmt(Expr(e, discarded: true)) { Origin = origin });
    }

    /// <summary>
    /// A struct value (<c>default</c>, <c>new S { F = v }</c>) inside an expression: a compound literal in
    /// GNU C99; in C89 a temporary zeroed and filled before the expression.
    /// </summary>
    private CExpr StructValue(IOperation value)
    {
        if (Target.HasCompoundLiterals) return StructInitializer(value, compound: true);
        var type = module.MapType(value.Type!, null);
        var temp = new CLocal(SpillName(), type);
        spillDecls.Add(temp);
        spills.Add((null, new CCall(new CName("DRV_ZERO"), [new CUnary("&", new CLocalRef(temp)), new CSizeOf(type)])));
        if (value is IObjectCreationOperation { Initializer: { } init })
            foreach (var i in init.Initializers)
            {
                if (i is ISimpleAssignmentOperation { Target: IFieldReferenceOperation fr } sa)
                {
                    var v = Value(sa.Value, assignmentContext: true);
                    spills.Add((null, new CAssign("=", new CMember(new CLocalRef(temp), module.Names[fr.Field], false), v)));
                }
                else Fail(i, "object initializer entry");
            }
        return new CLocalRef(temp);
    }

    /// <summary>
    /// <c>target = new S { F = v, ... }</c> (or <c>default</c>) as a statement. C# evaluates the target's address
    /// parts, then builds the whole new value, then stores it: <c>g = new S { A = g.B, B = g.A }</c> swaps. GNU C99's
    /// compound literal is such a value. In C89 the value is built in a zeroed temporary and assigned in one
    /// store; only a target named without address parts (a local, a static, a field of one) that no initializer
    /// reads or writes (through memory: no pointer, call or static read at all) is zeroed and filled in place.
    /// The target expression is printed once, so a call or <c>++i</c> in it runs once, before the initializers.
    /// </summary>
    private void AssignStructValue(IOperation target, IOperation value, List<CStmt> output, SourceOrigin? origin)
    {
        var inits = value is IObjectCreationOperation { Initializer: { } init }
            ? init.Initializers.Select(i => i is ISimpleAssignmentOperation sa ? sa.Value : i).ToList()
            : new List<IOperation>();
        SequenceTarget(target, inits);
        var where = StorageOf(target);
        bool inPlace = !Target.HasCompoundLiterals && AddressParts(target) is { Count: 0 }
                       && inits.All(i => !EffectsOf(i).Touches(where));
        var lvalue = LValue(target);
        if (inPlace || Target.HasCompoundLiterals)
        {
            AssignStruct(lvalue, value, output, origin);
            return;
        }
        var built = StructValue(value);
        Put(output, new CExprStmt(new CAssign("=", lvalue, built)) { Origin = origin });
    }

    /// <summary>Struct value from <c>default</c>, <c>new S()</c> or <c>new S { F = v }</c> assigned to <paramref name="target"/>,
    /// which no initializer may read (a fresh local, or see <see cref="AssignStructValue"/>).</summary>
    private void AssignStruct(CExpr target, IOperation value, List<CStmt> output, SourceOrigin? origin, bool zero = true)
    {
        if (Target.HasCompoundLiterals)
        {
            Put(output, new CExprStmt(new CAssign("=", target, StructInitializer(value, compound: true))) { Origin = origin });
            return;
        }
        Put(output, new CExprStmt(new CCall(new CName("DRV_ZERO"), [new CUnary("&", target), new CSizeOf(module.MapType(value.Type!, null))])) { Origin = origin });
        if (value is IObjectCreationOperation { Initializer: { } init })
            foreach (var i in init.Initializers)
            {
                if (i is ISimpleAssignmentOperation { Target: IFieldReferenceOperation fr } sa)
                    Put(output, new CExprStmt(new CAssign("=", new CMember(target, module.Names[fr.Field], false), Value(sa.Value, assignmentContext: true))) { Origin = origin });
                else Fail(i, "object initializer entry");
            }
    }

    private CExpr StructInitializer(IOperation value, bool compound)
    {
        var ctype = module.MapType(value.Type!, null);
        var items = new List<CExpr>();
        var names = new List<string?>();
        // C leaves the order of initializer evaluation unspecified; C# goes in source order
        if (value is IObjectCreationOperation { Initializer: { } first })
            Sequence([.. first.Initializers.Select(i => i is ISimpleAssignmentOperation sa ? sa.Value : null)]);
        if (value is IObjectCreationOperation { Initializer: { } init })
            foreach (var i in init.Initializers)
            {
                if (i is ISimpleAssignmentOperation { Target: IFieldReferenceOperation fr } sa)
                {
                    names.Add(module.Names[fr.Field]);
                    items.Add(Value(sa.Value, assignmentContext: true));
                }
                else Fail(i, "object initializer entry");
            }
        // default(S) as a compound literal: (struct s){ 0 } inside another initializer draws GCC's -Wmissing-braces
        // when the first member is an array or a struct; naming a scalar member zeroes the same (C99 6.7.8p21)
        if (compound && items.Count == 0 && value.Type is INamedTypeSymbol st)
        {
            var fields = st.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToList();
            bool Scalar(IFieldSymbol f) => !f.IsFixedSizeBuffer && (IsIntegral(f.Type) || f.Type.SpecialType == SpecialType.System_Boolean
                || f.Type is IPointerTypeSymbol or IFunctionPointerTypeSymbol || DslSymbols.EndianType(f.Type) is not null);
            if (!fields.All(Scalar) && fields.FirstOrDefault(Scalar) is { } scalar && module.Names.TryGetValue(scalar, out var scalarName))
            {
                items.Add(new CLiteral("0"));
                names.Add(scalarName);
            }
            // no scalar to name (fixed buffers only, seed 400466): the first C member, named, down to a scalar
            else if (!fields.Any(Scalar) && DslSymbols.CTypeName(st) is null && ZeroOfFirstMember(st) is { } zero)
            {
                items.AddRange(zero.Items);
                names.AddRange(zero.Designators!);
            }
        }
        return new CInitList(items, names, compound ? ctype : null);
    }

    /// <summary>A zero initializer of <paramref name="st"/> that names its first C member, as GCC wants it under
    /// -Wall -Wextra: <c>{ .pad0 = { 0 } }</c> when an explicit layout's first field is not at offset 0 (ModuleLowerer's
    /// first padding array), <c>{ .buf = { 0 } }</c> for a fixed buffer or inline array, <c>{ .inner = { .f = 0 } }</c>
    /// for a struct. A plain <c>{ 0 }</c> starting with an array is -Wmissing-braces, and <c>{ { 0 } }</c>
    /// -Wmissing-field-initializers; designated members are neither. Null when the struct has no field.</summary>
    private CInitList? ZeroOfFirstMember(INamedTypeSymbol st)
    {
        var first = StructLayoutCalculator.Compute(st).Fields.OrderBy(f => f.Offset).FirstOrDefault();
        if (first is null) return null;
        if (first.Offset > 0) return new CInitList([new CInitList([])], ["pad0"]);
        if (!module.Names.TryGetValue(first.Field, out var name)) return null;
        var element = ZeroOf(first.ElementType);
        if (element is null) return null;
        return new CInitList([first.ArrayLength is null ? element : new CInitList(element is CLiteral ? [] : [element])], [name]);
    }

    /// <summary>The zero of one value of <paramref name="type"/>: <c>0</c>, or a struct's named braces.</summary>
    private CExpr? ZeroOf(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } nested && DslSymbols.EndianType(nested) is null
            ? ZeroOfFirstMember(nested)
            : new CLiteral("0");

    private void LowerForEach(IForEachLoopOperation fe, List<CStmt> output, SourceOrigin? origin)
    {
        if (fe.LoopControlVariable is not IVariableDeclaratorOperation decl) { Fail(fe, "foreach variable"); return; }
        var coll = fe.Collection is IConversionOperation { IsImplicit: true } conv ? conv.Operand : fe.Collection;
        int? length = null;
        if (coll.Type is IArrayTypeSymbol && coll is IFieldReferenceOperation { Field: var f } && module.Names.ContainsKey(f))
            length = module.ArrayElements(f)?.Count;
        else if (coll.Type is INamedTypeSymbol n && StructLayoutCalculator.InlineArrayLength(n) is int len)
            length = len;
        if (length is null) { Fail(fe, "foreach over something other than a static readonly table or an [InlineArray]"); return; }
        var item = DeclareLocal(decl.Symbol);
        var index = new CLocal(item.Name + "_index", Target.Int32);
        var collection = Expr(coll);
        var body = new List<CStmt> { new CDecl(item, new CIndex(collection, new CLocalRef(index))) { Origin = origin } };
        var inner = Body(fe.Body);
        if (inner is CBlock b) body.AddRange(b.Statements); else body.Add(inner);
        Put(output, new CFor([new CDecl(index, new CLiteral("0"))], new CBinary("<", new CLocalRef(index), new CLiteral(length.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            [new CUnary("++", new CLocalRef(index), Postfix: true)], new CBlock(body)) { Origin = origin });
    }

    private void LowerSwitch(ISwitchOperation sw, List<CStmt> output, SourceOrigin? origin)
    {
        // Locals of a C# switch block are in scope across sections; C forbids a declaration right
        // after a case label. Declare them in a block around the switch.
        var decls = new List<CStmt>();
        var sections = new List<CSwitchSection>();
        // Sections a goto case / goto default jumps to get a C label after their case labels.
        var jumpedTo = sw.Descendants().OfType<IBranchOperation>()
            .Where(b => b.BranchKind == BranchKind.GoTo && b.Syntax is GotoStatementSyntax { CaseOrDefaultKeyword.RawKind: not 0 })
            .Select(b => b.Target).ToHashSet(SymbolEqualityComparer.Default);
        var sectionLabels = new Dictionary<ISwitchCaseOperation, List<string>>();
        foreach (var c in sw.Cases)
            foreach (var clause in c.Clauses)
                if (clause.Label is { } label && jumpedTo.Contains(label))
                {
                    string name = CaseLabelName(clause);
                    labels[label] = name;
                    if (!sectionLabels.TryGetValue(c, out var list)) sectionLabels[c] = list = new();
                    list.Add(name);
                }
        foreach (var c in sw.Cases)
        {
            var labelsOut = new List<CExpr?>();
            foreach (var clause in c.Clauses)
            {
                switch (clause)
                {
                    case IDefaultCaseClauseOperation: labelsOut.Add(null); break;
                    case ISingleValueCaseClauseOperation sv when sv.Value.ConstantValue.HasValue:
                        labelsOut.Add(Value(sv.Value, assignmentContext: true)); break;
                    case IPatternCaseClauseOperation { Pattern: IConstantPatternOperation { Value: var v } } when v.ConstantValue.HasValue && clause.Syntax is not CasePatternSwitchLabelSyntax { WhenClause: not null }:
                        labelsOut.Add(Value(v, assignmentContext: true)); break;
                    case IPatternCaseClauseOperation { Pattern: IDiscardPatternOperation }: labelsOut.Add(null); break;
                    default: Fail(clause, "switch case other than a constant"); break;
                }
            }
            var lowered = new List<CStmt>();
            foreach (var s in c.Body) LowerStatement(s, lowered);
            var body = new List<CStmt>();
            foreach (var s in lowered)
            {
                // C allows no declaration right after a case label: declare it around the switch, assign it here.
                if (s is CDecl d && d.Init is not CInitList)
                {
                    decls.Add(d with { Init = null });
                    if (d.Init is not null) body.Add(new CExprStmt(new CAssign("=", new CLocalRef(d.Local), d.Init)) { Origin = d.Origin });
                }
                else if (s is CDecl) decls.Add(s);
                else body.Add(s);
            }
            if (sectionLabels.TryGetValue(c, out var targets))
            {
                if (body.Count == 0) body.Add(new CEmpty());
                foreach (var t in Enumerable.Reverse(targets)) body[0] = new CLabeled(t, body[0]) { Origin = body[0].Origin };
            }
            sections.Add(new CSwitchSection(labelsOut, body));
        }
        var cswitch = new CSwitch(Value(sw.Value, assignmentContext: false), sections) { Origin = origin };
        if (decls.Count == 0) Put(output, cswitch);
        else { decls.Add(cswitch); Put(output, new CBlock(decls) { Origin = origin }); }
    }

    /// <summary>A C label for a case a goto case jumps to: <c>case_command</c>, <c>case_3</c>, <c>case_m1</c>, <c>case_default</c>; unique in the function.</summary>
    private string CaseLabelName(ICaseClauseOperation clause)
    {
        var valueOp = clause switch
        {
            ISingleValueCaseClauseOperation sv => sv.Value,
            IPatternCaseClauseOperation { Pattern: IConstantPatternOperation { Value: var cv } } => cv,
            _ => null,
        };
        while (valueOp is IConversionOperation conv) valueOp = conv.Operand;
        // a named constant names the label (case_command); a literal gives its value (case_3, case_m1)
        string text = valueOp is IFieldReferenceOperation { Field: { IsConst: true } named } ? Naming.Snake(named.Name)
            : valueOp?.ConstantValue.Value is { } v ? System.Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!.Replace('-', 'm')
            : "default";
        string name = "case_" + text, n = name;
        for (int k = 2; labels.ContainsValue(n); k++) n = name + "_" + k.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return n;
    }
}
