namespace DriverCompiler.Scripts;

/// <summary>Kind of an assembled symbol, deciding its output prefix.</summary>
public enum ScriptSymbolKind
{
    /// <summary>A label: emitted as <c>Ent_name</c> only if named by ENTRY.</summary>
    Label,
    /// <summary><c>A_name</c>.</summary>
    Absolute,
    /// <summary><c>R_name</c>.</summary>
    Relative,
    /// <summary><c>E_name</c> plus <c>E_name_Used[]</c>.</summary>
    External,
}

/// <summary>A dword that the driver patches at load time: <paramref name="WordIndex"/> is the index into the array of PROC <paramref name="Proc"/>.</summary>
/// <param name="Proc">The array (PROC) name.</param>
/// <param name="WordIndex">0-based dword index within that array.</param>
public sealed record ScriptPatchSite(string Proc, int WordIndex);

/// <summary>A symbol of an assembled program.</summary>
public sealed class AssembledSymbol
{
    internal AssembledSymbol(string name) => Name = name;

    /// <summary>Name (case-sensitive).</summary>
    public string Name { get; }
    /// <summary>Kind.</summary>
    public ScriptSymbolKind Kind { get; internal set; }
    /// <summary>Value: for labels the byte offset within their PROC; 0 for EXTERNALs; the 32-bit value of ABSOLUTE/RELATIVE.</summary>
    public uint Value { get; internal set; }
    /// <summary>True if named by ENTRY (emitted as <c>Ent_name</c>).</summary>
    public bool IsEntry { get; internal set; }
    /// <summary>For labels, the PROC that contains them.</summary>
    public string? Proc { get; internal set; }
    /// <summary>For EXTERNALs, every dword that uses the symbol, in program order (the driver adds the symbol's value there).</summary>
    public IReadOnlyList<ScriptPatchSite> Uses => uses;

    internal readonly List<ScriptPatchSite> uses = [];
    internal SourceLocation? DefinedAt;
    internal SourceLocation? FirstSeenAt;
    internal bool Defined;
    internal AssembledProc? ProcRef;
    internal DefineStatement? Define;
    internal long? DefineValue;
    internal bool Evaluating;
    internal bool Touched;
    internal SourceLocation? entryAt;
}

/// <summary>One emitted instruction.</summary>
/// <param name="ByteOffset">Byte offset within its PROC (the DSP offset).</param>
/// <param name="WordCount">2, or 3 for MOVE MEMORY.</param>
/// <param name="Source">The model instruction.</param>
public sealed record AssembledInstruction(int ByteOffset, int WordCount, ScriptInstruction Source);

/// <summary>One output array (PROC).</summary>
public sealed class AssembledProc
{
    internal AssembledProc(string name) => Name = name;

    /// <summary>The C array name.</summary>
    public string Name { get; internal set; }
    /// <summary>The instruction words, in order (the chip fetches them as 32-bit longwords in its bus byte order).</summary>
    public IReadOnlyList<uint> Words => words;
    /// <summary>The instructions with their offsets.</summary>
    public IReadOnlyList<AssembledInstruction> Instructions => instructions;

    internal readonly List<uint> words = [];
    internal readonly List<AssembledInstruction> instructions = [];
    internal int ByteLength;
}

/// <summary>The result of assembling a <see cref="ScriptProgram"/>: arrays, symbols and patch tables in ncr53cxxx's model.</summary>
public sealed class AssembledProgram
{
    internal AssembledProgram(IReadOnlyList<AssembledProc> procs, IReadOnlyList<AssembledSymbol> symbols, IReadOnlyList<ScriptPatchSite> labelPatches, int instructionCount)
    {
        Procs = procs;
        Symbols = symbols;
        LabelPatches = labelPatches;
        InstructionCount = instructionCount;
    }

    /// <summary>The arrays, in order. PROCs without instructions are not included (as in ncr53cxxx).</summary>
    public IReadOnlyList<AssembledProc> Procs { get; }
    /// <summary>Symbols in first-seen order (the order ncr53cxxx emits them).</summary>
    public IReadOnlyList<AssembledSymbol> Symbols { get; }
    /// <summary>
    /// Dwords holding an absolute script address (non-REL JUMP/CALL targets, SELECT/RESELECT/WAIT
    /// alternates): the loader adds the bus address of the script. ncr53cxxx lists them regardless of
    /// whether the operand is a label, a number or an EXTERNAL.
    /// </summary>
    public IReadOnlyList<ScriptPatchSite> LabelPatches { get; }
    /// <summary>Number of instructions in all PROCs (MOVE MEMORY counts once).</summary>
    public int InstructionCount { get; }

    /// <summary>Finds a symbol by name, or null.</summary>
    /// <param name="name">Case-sensitive name.</param>
    public AssembledSymbol? FindSymbol(string name) => Symbols.FirstOrDefault(s => s.Name == name);

    /// <summary>Finds a PROC by name, or null.</summary>
    /// <param name="name">Case-sensitive name.</param>
    public AssembledProc? FindProc(string name) => Procs.FirstOrDefault(p => p.Name == name);
}

/// <summary>Outcome of <see cref="ScriptAssembler.Assemble"/>.</summary>
/// <param name="Program">The assembled program, or null if there were errors.</param>
/// <param name="Diagnostics">Errors and warnings in source order.</param>
public sealed record ScriptAssemblyResult(AssembledProgram? Program, IReadOnlyList<ScriptDiagnostic> Diagnostics)
{
    /// <summary>True if there are no errors.</summary>
    public bool Succeeded => Program is not null;
}

/// <summary>
/// Two-pass assembler from <see cref="ScriptProgram"/> to <see cref="AssembledProgram"/>.
/// Pass 1 places every instruction and label; pass 2 evaluates operands and encodes. So forward
/// references are resolved directly (no add-on-definition patching), which fixes ncr53cxxx's
/// "ENTRY after a forward reference patches twice" bug; references from an instruction to a label
/// of another PROC are rejected (SCR0009) instead of being encoded against the wrong base.
/// There are no size limits.
/// </summary>
public static class ScriptAssembler
{
    /// <summary>Assembles <paramref name="program"/>.</summary>
    /// <param name="program">The program.</param>
    /// <returns>The words and tables, or the diagnostics (each with a location when the model has one).</returns>
    public static ScriptAssemblyResult Assemble(ScriptProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var st = new AssemblerState();
        st.Pass1(program);
        st.Pass2(program);
        var diags = st.Diagnostics.OrderBy(d => d.Location?.File, StringComparer.Ordinal)
            .ThenBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0).ToList();
        if (diags.Any(d => d.Severity == ScriptDiagnosticSeverity.Error))
            return new ScriptAssemblyResult(null, diags);
        var procs = st.Procs.Where(p => p.ByteLength > 0).ToList();
        return new ScriptAssemblyResult(new AssembledProgram(procs, st.Order, st.LabelPatches, st.InstructionCount), diags);
    }
}

internal sealed class AssemblerState
{
    public readonly List<ScriptDiagnostic> Diagnostics = [];
    public readonly Dictionary<string, AssembledSymbol> Symbols = new(StringComparer.Ordinal);
    public readonly List<AssembledSymbol> Order = [];
    public readonly List<AssembledProc> Procs = [];
    public readonly List<ScriptPatchSite> LabelPatches = [];
    public int InstructionCount;
    private readonly Dictionary<ScriptInstruction, (AssembledProc Proc, int Offset, ScriptArch? Arch)> placement = new(ReferenceEqualityComparer.Instance);

    public void Error(string code, string message, SourceLocation? at) => Diagnostics.Add(new ScriptDiagnostic(code, message, at));

    private AssembledSymbol Get(string name)
    {
        if (!Symbols.TryGetValue(name, out var s))
            Symbols[name] = s = new AssembledSymbol(name);
        return s;
    }

    public void Touch(string name, SourceLocation? at)
    {
        var s = Get(name);
        if (!s.Touched)
        {
            s.Touched = true;
            s.FirstSeenAt = at;
            Order.Add(s);
        }
    }

    private static string KindText(ScriptSymbolKind k) => k switch
    {
        ScriptSymbolKind.Label => "a label",
        ScriptSymbolKind.Absolute => "ABSOLUTE",
        ScriptSymbolKind.Relative => "RELATIVE",
        _ => "EXTERNAL",
    };

    private bool Define(AssembledSymbol s, ScriptSymbolKind kind, SourceLocation? at)
    {
        if (s.Defined)
        {
            string where = s.DefinedAt is null ? "" : $" (first defined at {s.DefinedAt})";
            Error(ScriptErrorCodes.DuplicateSymbol, s.Kind == kind
                ? $"symbol '{s.Name}' is defined more than once{where}"
                : $"symbol '{s.Name}' is already {KindText(s.Kind)}{where}; cannot redefine it as {KindText(kind)}", at);
            return false;
        }
        if (s.IsEntry && kind != ScriptSymbolKind.Label)
        {
            Error(ScriptErrorCodes.DuplicateSymbol, $"'{s.Name}' is named by ENTRY, so it must be a label, not {KindText(kind)}", at);
            return false;
        }
        s.Defined = true;
        s.Kind = kind;
        s.DefinedAt = at;
        return true;
    }

    public void Pass1(ScriptProgram program)
    {
        var current = new AssembledProc("SCRIPT");
        Procs.Add(current);
        var procNamedAt = new Dictionary<string, SourceLocation?>(StringComparer.Ordinal);
        ScriptArch? arch = program.Arch;
        foreach (var stmt in program.Statements)
        {
            switch (stmt)
            {
                case ArchStatement a:
                    arch = a.Arch;
                    break;
                case ProcStatement p:
                    if (procNamedAt.TryGetValue(p.Name, out var prev))
                        Error(ScriptErrorCodes.DuplicateSymbol, $"PROC '{p.Name}' is defined more than once" + (prev is null ? "" : $" (first at {prev})"), p.Location);
                    else
                        procNamedAt[p.Name] = p.Location;
                    if (current.ByteLength == 0)
                        current.Name = p.Name;
                    else
                    {
                        current = new AssembledProc(p.Name);
                        Procs.Add(current);
                    }
                    break;
                case LabelStatement l:
                {
                    var s = Get(l.Name);
                    if (Define(s, ScriptSymbolKind.Label, l.Location))
                        s.ProcRef = current;
                    s.Value = (uint)current.ByteLength;
                    break;
                }
                case EntryStatement e:
                    foreach (var n in e.Names)
                    {
                        var s = Get(n.Name);
                        if (s.Defined && s.Kind != ScriptSymbolKind.Label)
                            Error(ScriptErrorCodes.DuplicateSymbol, $"ENTRY '{n.Name}': it is {KindText(s.Kind)}, not a label", n.Location ?? e.Location);
                        s.IsEntry = true;
                        s.entryAt ??= n.Location ?? e.Location;
                    }
                    break;
                case ExternalStatement x:
                    foreach (var n in x.Names)
                    {
                        var s = Get(n.Name);
                        if (s.Defined && s.Kind == ScriptSymbolKind.External)
                            continue; // repeating EXTERNAL is harmless
                        Define(s, ScriptSymbolKind.External, n.Location ?? x.Location);
                    }
                    break;
                case DefineStatement d:
                {
                    var s = Get(d.Name);
                    if (Define(s, d.Kind == DefineKind.Absolute ? ScriptSymbolKind.Absolute : ScriptSymbolKind.Relative, d.Location))
                        s.Define = d;
                    break;
                }
                case ScriptInstruction i:
                    placement[i] = (current, current.ByteLength, arch);
                    current.ByteLength += 4 * i.WordCount;
                    break;
            }
        }
        foreach (var s in Symbols.Values)
            if (s.Defined && s.Kind == ScriptSymbolKind.Label)
                s.Proc = s.ProcRef!.Name;
    }

    public void Pass2(ScriptProgram program)
    {
        foreach (var stmt in program.Statements)
        {
            switch (stmt)
            {
                case LabelStatement l:
                    Touch(l.Name, l.Location);
                    break;
                case EntryStatement e:
                    foreach (var n in e.Names)
                        Touch(n.Name, n.Location ?? e.Location);
                    break;
                case ExternalStatement x:
                    foreach (var n in x.Names)
                        Touch(n.Name, n.Location ?? x.Location);
                    break;
                case DefineStatement d:
                    foreach (var r in d.Value.Symbols())
                        Touch(r.Name, r.Location ?? d.Location);
                    Touch(d.Name, d.Location);
                    break;
                case ScriptInstruction i:
                {
                    var (proc, offset, arch) = placement[i];
                    var ctx = new EncodeContext(this, proc, offset, arch, i);
                    var words = new uint[i.WordCount];
                    i.Encode(ctx, words);
                    proc.words.AddRange(words);
                    proc.instructions.Add(new AssembledInstruction(offset, i.WordCount, i));
                    InstructionCount++;
                    break;
                }
            }
        }
        foreach (var s in Order)
        {
            if (s.Kind is ScriptSymbolKind.Absolute or ScriptSymbolKind.Relative && s.Defined)
                s.Value = (uint)(EvaluateDefine(s) & 0xFFFFFFFF);
            if (!s.Defined)
            {
                if (s.IsEntry)
                    Error(ScriptErrorCodes.UndefinedSymbol, $"ENTRY '{s.Name}' names a label that is never defined", s.entryAt ?? s.FirstSeenAt);
            }
        }
    }

    public long EvaluateDefine(AssembledSymbol s)
    {
        if (s.DefineValue is { } v)
            return v;
        if (s.Evaluating)
        {
            Error(ScriptErrorCodes.BadExpression, $"'{s.Name}' is defined in terms of itself", s.DefinedAt);
            s.DefineValue = 0;
            return 0;
        }
        s.Evaluating = true;
        var r = Evaluate(s.Define!.Value, null, s.Define.Location);
        if (r.Externals.Count > 0)
            Error(ScriptErrorCodes.BadExternalUse, $"{KindText(s.Kind)} '{s.Name}' cannot be defined from EXTERNAL '{r.Externals[0].Name}': its value is only known at load time", s.Define.Location);
        if (r.Constant < int.MinValue || r.Constant > uint.MaxValue)
            Error(ScriptErrorCodes.OutOfRange, $"value of '{s.Name}' (0x{r.Constant:x}) does not fit in 32 bits", s.Define.Location);
        s.Evaluating = false;
        s.DefineValue = r.Constant;
        return r.Constant;
    }

    internal readonly record struct Value(long Constant, List<AssembledSymbol> Externals, bool Ok);

    /// <summary>Evaluates an expression. <paramref name="fromProc"/> is the PROC of the referencing instruction (null inside ABSOLUTE/RELATIVE).</summary>
    public Value Evaluate(ScriptExpression e, AssembledProc? fromProc, SourceLocation? fallback)
    {
        SourceLocation? at = e.Location ?? fallback;
        switch (e)
        {
            case NumberExpression n:
                return new Value(n.Value, [], true);
            case SymbolExpression sym:
            {
                if (!Symbols.TryGetValue(sym.Name, out var s) || !s.Defined)
                {
                    Error(ScriptErrorCodes.UndefinedSymbol, $"undefined symbol '{sym.Name}'", at);
                    return new Value(0, [], false);
                }
                switch (s.Kind)
                {
                    case ScriptSymbolKind.Label:
                        if (fromProc is not null && !ReferenceEquals(s.ProcRef, fromProc))
                        {
                            Error(ScriptErrorCodes.CrossProcReference,
                                $"label '{s.Name}' is in PROC '{s.ProcRef!.Name}' but is used in PROC '{fromProc.Name}'; PROCs are separate arrays, so use an EXTERNAL symbol and patch it at load time", at);
                            return new Value(0, [], false);
                        }
                        return new Value(s.Value, [], true);
                    case ScriptSymbolKind.External:
                        return new Value(0, [s], true);
                    default:
                        return new Value(EvaluateDefine(s), [], true);
                }
            }
            case UnaryExpression u:
            {
                var v = Evaluate(u.Operand, fromProc, fallback);
                NoExternals(v, at, u.Operator == UnaryOperator.Negate ? "negated" : "complemented");
                return new Value(u.Operator == UnaryOperator.Negate ? -v.Constant : ~v.Constant, [], v.Ok);
            }
            case BinaryExpression b:
            {
                var l = Evaluate(b.Left, fromProc, fallback);
                var r = Evaluate(b.Right, fromProc, fallback);
                bool ok = l.Ok && r.Ok;
                switch (b.Operator)
                {
                    case BinaryOperator.Add:
                        return new Value(l.Constant + r.Constant, [.. l.Externals, .. r.Externals], ok);
                    case BinaryOperator.Subtract:
                        NoExternals(r, b.Right.Location ?? at, "subtracted");
                        return new Value(l.Constant - r.Constant, l.Externals, ok);
                }
                NoExternals(l, b.Left.Location ?? at, "used with this operator");
                NoExternals(r, b.Right.Location ?? at, "used with this operator");
                long x = l.Constant, y = r.Constant;
                switch (b.Operator)
                {
                    case BinaryOperator.Multiply: return new Value(x * y, [], ok);
                    case BinaryOperator.Divide:
                    case BinaryOperator.Remainder:
                        if (y == 0)
                        {
                            Error(ScriptErrorCodes.BadExpression, "division by zero", b.Right.Location ?? at);
                            return new Value(0, [], false);
                        }
                        return new Value(b.Operator == BinaryOperator.Divide ? x / y : x % y, [], ok);
                    case BinaryOperator.ShiftLeft:
                    case BinaryOperator.ShiftRight:
                        if (y < 0 || y > 63)
                        {
                            Error(ScriptErrorCodes.BadExpression, $"shift count {y} is outside 0..63", b.Right.Location ?? at);
                            return new Value(0, [], false);
                        }
                        return new Value(b.Operator == BinaryOperator.ShiftLeft ? x << (int)y : (long)((ulong)(x & 0xFFFFFFFF) >> (int)y), [], ok);
                    case BinaryOperator.And: return new Value(x & y, [], ok);
                    case BinaryOperator.Xor: return new Value(x ^ y, [], ok);
                    default: return new Value(x | y, [], ok);
                }
            }
            default:
                throw new ArgumentException($"unknown expression type {e.GetType().Name}", nameof(e));
        }
    }

    private void NoExternals(Value v, SourceLocation? at, string how)
    {
        if (v.Externals.Count > 0)
        {
            Error(ScriptErrorCodes.BadExternalUse, $"EXTERNAL '{v.Externals[0].Name}' cannot be {how}: the loader can only add its value to a dword", at);
            v.Externals.Clear();
        }
    }

    public void TouchAll(ScriptExpression e, SourceLocation? fallback)
    {
        foreach (var s in e.Symbols())
            Touch(s.Name, s.Location ?? fallback);
    }
}

/// <summary>Services offered to <see cref="ScriptInstruction.Encode"/>: operand evaluation, range checks, patch recording.</summary>
internal sealed class EncodeContext(AssemblerState state, AssembledProc proc, int offset, ScriptArch? arch, ScriptInstruction instruction)
{
    private bool archMissingReported;

    private SourceLocation? Loc(ScriptExpression e) => e.Location ?? instruction.Location;

    public void Error(string code, string message, SourceLocation? at) => state.Error(code, message, at ?? instruction.Location);

    /// <summary>A value that lands in a bit field of dword0: EXTERNALs are rejected, range checked to [min, max].</summary>
    public long Field(ScriptExpression e, long min, long max, string what)
    {
        state.TouchAll(e, instruction.Location);
        var v = state.Evaluate(e, proc, instruction.Location);
        if (v.Externals.Count > 0)
            Error(ScriptErrorCodes.BadExternalUse, $"EXTERNAL '{v.Externals[0].Name}' cannot be used as the {what}: the loader only patches whole address dwords", Loc(e));
        else if (v.Ok && (v.Constant < min || v.Constant > max))
            Error(ScriptErrorCodes.OutOfRange, $"{what} {Show(v.Constant)} is out of range ({Show(min)}..{Show(max)})", Loc(e));
        return v.Constant;
    }

    private static string Show(long v) => v < 0 ? v.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0x" + v.ToString("x", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A whole dword (index <paramref name="wordInInstruction"/> of this instruction): EXTERNAL uses are recorded there.</summary>
    public uint Address(ScriptExpression e, int wordInInstruction)
    {
        state.TouchAll(e, instruction.Location);
        var v = state.Evaluate(e, proc, instruction.Location);
        RecordExternals(v, wordInInstruction);
        if (v.Ok && (v.Constant < int.MinValue || v.Constant > uint.MaxValue))
            Error(ScriptErrorCodes.OutOfRange, $"value {Show(v.Constant)} does not fit in 32 bits", Loc(e));
        return (uint)(v.Constant & 0xFFFFFFFF);
    }

    private void RecordExternals(AssemblerState.Value v, int wordInInstruction)
    {
        foreach (var x in v.Externals)
            x.uses.Add(new ScriptPatchSite(proc.Name, offset / 4 + wordInInstruction));
    }

    /// <summary>dword1 of a JUMP/CALL/SELECT/WAIT: absolute (recorded in LABELPATCHES) or REL (target − next instruction, signed 24 bits).</summary>
    public uint Target(JumpTarget t)
    {
        if (!t.Relative)
        {
            uint a = Address(t.Target, 1);
            state.LabelPatches.Add(new ScriptPatchSite(proc.Name, offset / 4 + 1));
            return a;
        }
        state.TouchAll(t.Target, instruction.Location);
        var v = state.Evaluate(t.Target, proc, instruction.Location);
        RecordExternals(v, 1);
        long rel = v.Constant - (offset + 8);
        if (v.Ok && (rel < -0x800000 || rel > 0x7FFFFF))
            Error(ScriptErrorCodes.OutOfRange, $"relative distance {rel} does not fit in 24 signed bits", Loc(t.Target));
        return (uint)(rel & 0xFFFFFFFF);
    }

    /// <summary>The register's number on the current ARCH, or -1 after reporting an error.</summary>
    public int Register(ScriptRegister r, SourceLocation? fallback)
    {
        var at = r.Location ?? fallback;
        if (arch is null)
        {
            if (!archMissingReported)
                Error(ScriptErrorCodes.ArchMissing, $"register {r} needs an ARCH: add 'ARCH 710' (or 700/720/770/810/825) or pass -a", at);
            archMissingReported = true;
            return -1;
        }
        if (!ScriptRegisters.TryGetNumber(r.Name, arch.Value, out int n))
        {
            Error(ScriptErrorCodes.BadRegister, ScriptRegisters.IsRegisterName(r.Name)
                ? $"register {r} does not exist on ARCH {arch.Value.Number()}"
                : $"unknown register '{r.Name}'", at);
            return -1;
        }
        return n;
    }

    /// <summary>Reports SCR0007 (or SCR0008 without an ARCH) unless the ARCH satisfies <paramref name="ok"/>.</summary>
    public bool RequireArch(Func<ScriptArch, bool> ok, string what, SourceLocation? at)
    {
        if (arch is null)
        {
            Error(ScriptErrorCodes.ArchMissing, what + "; no ARCH is set: add 'ARCH 710' or pass -a", at);
            return false;
        }
        if (!ok(arch.Value))
        {
            Error(ScriptErrorCodes.WrongArch, $"{what} (ARCH is {arch.Value.Number()})", at);
            return false;
        }
        return true;
    }

    public void RequireTableIndirect(SourceLocation? at) =>
        RequireArch(a => a.HasTableIndirect(), "table indirect (FROM) needs ARCH 710 or later", at);
}
