using System.Globalization;
using System.Text;
using DriverCompiler.Analyzers;
using DriverCompiler.Analyzers.Layout;
using DriverCompiler.Core.CModel;
using DriverCompiler.Core.Lower;
using DriverCompiler.Scripts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Core.Scripts;

/// <summary>
/// SCRIPTS programs written in C#: evaluates each <c>[Scripts]</c> method's body (a sequence of
/// <c>DriverCompiler.Dsl.Scripts</c> intrinsic calls with constant operands) into a
/// <see cref="ScriptProgram"/>, assembles it with <see cref="ScriptAssembler"/>, and emits the words
/// as a C array named like the method plus ncr53cxxx's symbols: <c>#define A_x</c> (ABSOLUTE, among
/// them <c>A_ds_Field</c> for every DSA field used), <c>Ent_x</c> (ENTRY labels), <c>E_x</c> with
/// <c>E_x_Used[]</c> (EXTERNAL) and — prefixed with the array name, since several drivers share a
/// kernel — <c>_INSTRUCTIONS</c>, <c>_PATCHES</c> and <c>_LABELPATCHES[]</c>.
/// Also lowers the driver-side intrinsics <c>Scripts.Address</c> and <c>Scripts.EntryOffset</c>.
/// </summary>
internal static class ScriptsLowering
{
    private const string ScriptsClass = "Scripts";

    public static bool IsScriptsMethod(IMethodSymbol m) => DslSymbols.HasAttribute(m.OriginalDefinition, "ScriptsAttribute");

    private static bool IsIntrinsic(IMethodSymbol m) => m.ContainingType is { Name: ScriptsClass } t && DslSymbols.IsDsl(t);

    /// <summary>Lowers <c>Scripts.Address(nameof(M))</c> to the array and <c>Scripts.EntryOffset("x")</c> to <c>Ent_x</c>; null for any other call.</summary>
    public static CExpr? TryLowerIntrinsic(ModuleLowerer module, IInvocationOperation inv)
    {
        var m = inv.TargetMethod;
        if (!IsIntrinsic(m) || inv.Arguments.Length != 1 || inv.Arguments[0].Value.ConstantValue.Value is not string name) return null;
        if (m.Name == "EntryOffset") return new CName("Ent_" + name);
        if (m.Name != "Address") return null;
        var script = module.Names.Keys.OfType<IMethodSymbol>().Where(IsScriptsMethod).FirstOrDefault(s => s.Name == name);
        if (script is null) return null;
        return new CCast(new CPointerType(module.Target.UInt32), new CName(module.Names[script]));
    }

    /// <summary>Assembles every [Scripts] method of <paramref name="types"/> and adds its array to the C file of its C# file and its symbols to the header.</summary>
    public static void Emit(ModuleLowerer module, IEnumerable<INamedTypeSymbol> types, CFile header, Func<ISymbol, CFile> fileFor)
    {
        foreach (var t in types)
            foreach (var m in t.GetMembers().OfType<IMethodSymbol>().Where(IsScriptsMethod))
            {
                var program = Evaluate(module, m);
                if (program is null) continue;
                var result = ScriptAssembler.Assemble(program);
                foreach (var d in result.Diagnostics)
                    module.Diagnostics.Add(Diagnostic.Create(Descriptors.ScriptsAssembly, ToLocation(module, d.Location) ?? m.Locations.FirstOrDefault(),
                        m.Name, $"{d.Code}: {d.Message}"));
                if (result.Program is not { } asm) continue;
                string array = module.Names[m];
                var file = fileFor(m);
                file.Items.Add(new CRaw(ArrayText(module, m, asm, array)));
                header.Items.AddRange(HeaderItems(module, m, asm, array));
            }
    }

    private static string Hex(long v) => "0x" + ((uint)v).ToString("x8", CultureInfo.InvariantCulture);

    private static string ArrayText(ModuleLowerer module, IMethodSymbol m, AssembledProgram asm, string array)
    {
        var sb = new StringBuilder();
        int arch = Arch(m);
        sb.Append(CultureInfo.InvariantCulture, $"/* {m.ContainingType.Name}.{m.Name} ({module.Origin(m)}): SCRIPTS for the 53C{arch}, {asm.InstructionCount} instructions */\n");
        string type = module.Target.Kind == DriverCompiler.Dsl.DriverTarget.Amix ? "ulong" : "uint32";
        sb.Append(CultureInfo.InvariantCulture, $"{type} {array}[] = {{\n");
        foreach (var proc in asm.Procs)
            foreach (var ins in proc.Instructions)
            {
                int i = ins.ByteOffset / 4;
                sb.Append(CultureInfo.InvariantCulture, $"\t0x{proc.Words[i]:x8}, 0x{proc.Words[i + 1]:x8},");
                if (ins.WordCount == 3) sb.Append(CultureInfo.InvariantCulture, $" 0x{proc.Words[i + 2]:x8},");
                else sb.Append('\t');
                sb.Append(CultureInfo.InvariantCulture, $"\t/* {ins.ByteOffset:x3} - {ins.ByteOffset,3} */\n");
            }
        sb.Append("};");
        foreach (var s in asm.Symbols.Where(s => s.Kind == ScriptSymbolKind.External && s.Uses.Count > 0))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n{type} E_{s.Name}_Used[] = {{\n");
            foreach (var u in s.Uses) sb.Append(CultureInfo.InvariantCulture, $"\t0x{u.WordIndex:x8},\n");
            sb.Append("};");
        }
        if (asm.LabelPatches.Count > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n{type} {array}_LABELPATCHES[] = {{\n");
            foreach (var p in asm.LabelPatches) sb.Append(CultureInfo.InvariantCulture, $"\t0x{p.WordIndex:x8},\n");
            sb.Append("};");
        }
        return sb.ToString();
    }

    private static IEnumerable<CTopLevel> HeaderItems(ModuleLowerer module, IMethodSymbol m, AssembledProgram asm, string array)
    {
        string type = module.Target.Kind == DriverCompiler.Dsl.DriverTarget.Amix ? "ulong" : "uint32";
        var items = new List<CTopLevel>
        {
            new CRaw($"/* SCRIPTS {m.ContainingType.Name}.{m.Name} ({module.Origin(m)}): symbols as ncr53cxxx names them */\nextern {type} {array}[];"),
        };
        foreach (var s in asm.Symbols)
        {
            string? prefix = s.Kind switch
            {
                ScriptSymbolKind.Absolute => "A_", ScriptSymbolKind.Relative => "R_", ScriptSymbolKind.External => "E_",
                _ => s.IsEntry ? "Ent_" : null,
            };
            if (prefix is null) continue;
            items.Add(new CDefine(prefix + s.Name, Hex(s.Value)));
            if (s.Kind == ScriptSymbolKind.External && s.Uses.Count > 0)
                items.Add(new CRaw($"extern {type} E_{s.Name}_Used[];"));
        }
        string upper = array.ToUpperInvariant();
        items.Add(new CDefine(upper + "_INSTRUCTIONS", asm.InstructionCount.ToString(CultureInfo.InvariantCulture)));
        items.Add(new CDefine(upper + "_PATCHES", asm.LabelPatches.Count.ToString(CultureInfo.InvariantCulture)));
        if (asm.LabelPatches.Count > 0) items.Add(new CRaw($"extern {type} {array}_LABELPATCHES[];"));
        return items;
    }

    private static int Arch(IMethodSymbol m) =>
        DslSymbols.Attribute(m, "ScriptsAttribute")?.NamedArguments.FirstOrDefault(kv => kv.Key == "Arch").Value.Value as int? ?? 710;

    private static Location? ToLocation(ModuleLowerer module, SourceLocation? at)
    {
        if (at is null) return null;
        var tree = module.Compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == at.File);
        if (tree is null) return null;
        var lines = tree.GetText().Lines;
        if (at.Line < 1 || at.Line > lines.Count) return null;
        int pos = Math.Min(lines[at.Line - 1].Start + at.Column - 1, lines[at.Line - 1].End);
        return Location.Create(tree, new Microsoft.CodeAnalysis.Text.TextSpan(pos, 0));
    }

    private static SourceLocation Loc(IOperation op)
    {
        var span = op.Syntax.GetLocation().GetLineSpan();
        return new SourceLocation(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1);
    }

    /// <summary>The program of one [Scripts] method, or null (after reporting) when its body is not a SCRIPTS program.</summary>
    internal static ScriptProgram? Evaluate(ModuleLowerer module, IMethodSymbol m)
    {
        var attr = DslSymbols.Attribute(m, "ScriptsAttribute")!;
        int arch = Arch(m);
        var dsa = attr.NamedArguments.FirstOrDefault(kv => kv.Key == "Dsa").Value.Value as INamedTypeSymbol;
        var layout = dsa is null ? null : StructLayoutCalculator.Compute(dsa);
        var decl = m.DeclaringSyntaxReferences[0].GetSyntax();
        var body = module.Model(decl.SyntaxTree).GetOperation(decl) as IMethodBodyOperation;
        if ((body?.BlockBody ?? body?.ExpressionBody) is not IBlockOperation block)
        {
            module.NotLowered(decl, "SCRIPTS method without a body");
            return null;
        }
        if (!ScriptArchInfo.TryParse(arch.ToString(CultureInfo.InvariantCulture), out var chip))
        {
            module.Report(Descriptors.ScriptsMethod, m.Locations.FirstOrDefault(), m.Name, $"has Arch = {arch}; the chips are 700, 710, 720, 770, 810 and 825");
            return null;
        }
        var ev = new Evaluator(module, dsa, layout, chip);
        foreach (var st in block.Operations)
        {
            if (st.IsImplicit && st is IReturnOperation) continue;
            if ((st as IExpressionStatementOperation)?.Operation is IInvocationOperation call && IsIntrinsic(call.TargetMethod))
                ev.Statement(call);
            else ev.Fail(st, Descriptors.ScriptsStatement, ModuleLowerer.Shorten(st.Syntax.ToString()));
        }
        return ev.Failed ? null : ev.Program;
    }

    private sealed class Evaluator(ModuleLowerer module, INamedTypeSymbol? dsa, StructLayoutInfo? layout, ScriptArch arch)
    {
        public readonly ScriptProgram Program = new() { Arch = arch };
        private readonly HashSet<string> dsaSymbols = new(StringComparer.Ordinal);
        private int defines;
        public bool Failed;

        public void Fail(IOperation at, DiagnosticDescriptor d, params object[] args)
        {
            Failed = true;
            module.Report(d, at.Syntax.GetLocation(), args);
        }

        private IOperation Arg(IInvocationOperation call, string name) =>
            call.Arguments.First(a => a.Parameter?.Name == name).Value;

        private bool HasArg(IInvocationOperation call, string name) =>
            call.Arguments.Any(a => a.Parameter?.Name == name && a.ArgumentKind != ArgumentKind.DefaultValue);

        private long Number(IOperation op)
        {
            if (op.ConstantValue.HasValue && op.ConstantValue.Value is not (string or null))
                return Convert.ToInt64(op.ConstantValue.Value, CultureInfo.InvariantCulture);
            Fail(op, Descriptors.ScriptsNotConstant, ModuleLowerer.Shorten(op.Syntax.ToString()));
            return 0;
        }

        private ScriptExpression Num(IOperation op) => new NumberExpression(Number(op)) { Location = Loc(op) };

        private string Text(IOperation op)
        {
            if (op.ConstantValue.Value is string s) return s;
            Fail(op, Descriptors.ScriptsNotConstant, ModuleLowerer.Shorten(op.Syntax.ToString()));
            return "?";
        }

        private IInvocationOperation? Operand(IOperation op, string method)
        {
            while (op is IConversionOperation { OperatorMethod: null } c) op = c.Operand;
            if (op is IInvocationOperation inv && IsIntrinsic(inv.TargetMethod) && inv.TargetMethod.Name == method) return inv;
            return null;
        }

        private IInvocationOperation Nested(IOperation op)
        {
            while (op is IConversionOperation { OperatorMethod: null } c) op = c.Operand;
            if (op is IInvocationOperation inv && IsIntrinsic(inv.TargetMethod)) return inv;
            Fail(op, Descriptors.ScriptsNotConstant, ModuleLowerer.Shorten(op.Syntax.ToString()));
            return null!;
        }

        private ScsiPhase Phase(IOperation op)
        {
            long p = Number(op);
            if (p is < 0 or > 7) { Fail(op, Descriptors.ScriptsPhase, ModuleLowerer.Shorten(op.Syntax.ToString())); return 0; }
            return (ScsiPhase)p;
        }

        private ScriptRegister Register(IOperation op)
        {
            long n = Number(op);
            var enumType = op.Type as INamedTypeSymbol;
            var member = enumType?.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Convert.ToInt64(f.ConstantValue, CultureInfo.InvariantCulture) == n);
            return new ScriptRegister(member?.Name ?? "?") { Location = Loc(op) };
        }

        /// <summary>A table operand: the symbol <c>ds_Field</c> (defined ABSOLUTE at the first use) or a number.</summary>
        private ScriptExpression Table(IOperation op)
        {
            var inv = Nested(op);
            if (inv is null) return 0;
            if (inv.TargetMethod.Name != "Dsa") { Fail(op, Descriptors.ScriptsNotConstant, ModuleLowerer.Shorten(op.Syntax.ToString())); return 0; }
            var a = inv.Arguments[0].Value;
            if (a.ConstantValue.Value is not string field) return Num(a);
            var f = layout?.Fields.FirstOrDefault(x => x.Field.Name == field);
            if (f is null) { Fail(a, Descriptors.ScriptsDsaField, field, dsa?.Name ?? "(none: give [Scripts(Dsa = typeof(...))])"); return 0; }
            string sym = "ds_" + field;
            if (dsaSymbols.Add(sym))
                Program.Statements.Insert(defines++, new DefineStatement(DefineKind.Absolute, sym, new NumberExpression(f.Offset)) { Location = Loc(a) });
            return new SymbolExpression(sym) { Location = Loc(a) };
        }

        private JumpTarget Target(IOperation op)
        {
            var inv = Nested(op);
            if (inv is null || inv.TargetMethod.Name is not ("Rel" or "At")) { if (inv is not null) Fail(op, Descriptors.ScriptsNotConstant, ModuleLowerer.Shorten(op.Syntax.ToString())); return new JumpTarget(0, false); }
            var a = inv.Arguments[0].Value;
            return new JumpTarget(new SymbolExpression(Text(a)) { Location = Loc(a) }, inv.TargetMethod.Name == "Rel");
        }

        /// <summary>(condition, WHEN for block moves) of a condition operand; null for default (unconditional).</summary>
        private (TransferCondition? Cond, bool When, ScsiPhase Phase) Condition(IInvocationOperation call, string name)
        {
            if (!HasArg(call, name)) return (null, true, 0);
            var op = Arg(call, name);
            if (op is IDefaultValueOperation || op.ConstantValue.HasValue) return (null, true, 0);
            var inv = Nested(op);
            if (inv is null) return (null, true, 0);
            IOperation? A(string p) => inv.Arguments.FirstOrDefault(x => x.Parameter?.Name == p && x.ArgumentKind != ArgumentKind.DefaultValue)?.Value;
            ScriptExpression? D(string p) => A(p) is { } v ? Num(v) : null;
            ScriptExpression? Mask() => A("mask") is { } v && Number(v) != 0 ? Num(v) : null;
            switch (inv.TargetMethod.Name)
            {
                case "When" or "With" or "If" or "WhenNot" or "IfNot":
                    {
                        var phase = Phase(A("phase")!);
                        string n = inv.TargetMethod.Name;
                        return (new TransferCondition
                        {
                            When = n is "When" or "WhenNot",
                            Not = n is "WhenNot" or "IfNot",
                            Phase = phase,
                            Data = D("data"),
                            Mask = Mask(),
                        }, n != "With", phase);
                    }
                case "IfData" or "IfNotData" or "WhenData":
                    return (new TransferCondition
                    {
                        When = inv.TargetMethod.Name == "WhenData",
                        Not = inv.TargetMethod.Name == "IfNotData",
                        Data = D("data"),
                        Mask = Mask(),
                    }, true, 0);
                case "IfFalse":
                    return (new TransferCondition { Never = true }, true, 0);
            }
            Fail(op, Descriptors.ScriptsNotConstant, ModuleLowerer.Shorten(op.Syntax.ToString()));
            return (null, true, 0);
        }

        public void Statement(IInvocationOperation call)
        {
            var at = Loc(call);
            ScriptStatement? s = null;
            string name = call.TargetMethod.Name;
            var ps = call.TargetMethod.Parameters;
            switch (name)
            {
                case "Label": s = new LabelStatement(Text(Arg(call, "name"))) { Location = at }; break;
                case "Entry":
                    {
                        var a = Arg(call, "name");
                        s = new EntryStatement([new SymbolName(Text(a), Loc(a))]) { Location = at };
                        break;
                    }
                case "Absolute":
                    Program.Statements.Insert(defines++, new DefineStatement(DefineKind.Absolute, Text(Arg(call, "name")), Num(Arg(call, "value"))) { Location = at });
                    return;
                case "External":
                    {
                        var a = Arg(call, "name");
                        Program.Statements.Insert(defines++, new ExternalStatement([new SymbolName(Text(a), Loc(a))]) { Location = at });
                        return;
                    }
                case "Move" when ps.Length == 2:
                    {
                        var (c, when, phase) = Condition(call, "phase");
                        s = new BlockMoveInstruction { Location = at, TableIndirect = true, Address = Table(Arg(call, "table")), Phase = c?.Phase ?? phase, When = when };
                        break;
                    }
                case "Move" or "MovePtr":
                    {
                        var (c, when, phase) = Condition(call, "phase");
                        s = new BlockMoveInstruction
                        {
                            Location = at, Count = Num(Arg(call, "count")), Address = Num(Arg(call, name == "Move" ? "address" : "pointer")),
                            Indirect = name == "MovePtr", Phase = c?.Phase ?? phase, When = when,
                        };
                        break;
                    }
                case "MoveMemory":
                    s = new MemoryMoveInstruction { Location = at, Count = Num(Arg(call, "count")), Source = Num(Arg(call, "source")), Destination = Num(Arg(call, "destination")) };
                    break;
                case "Select" or "SelectAtn" or "Reselect":
                    {
                        bool table = ps[0].Type.Name == "ScriptsTable";
                        var first = call.Arguments.First(a => a.Parameter?.Ordinal == 0).Value;
                        s = new SelectInstruction
                        {
                            Location = at, Reselect = name == "Reselect", Atn = name == "SelectAtn", TableIndirect = table,
                            Id = table ? Table(first) : Num(first), Alternate = Target(Arg(call, "alternate")),
                        };
                        break;
                    }
                case "WaitDisconnect": s = new WaitInstruction { Location = at, Kind = WaitKind.Disconnect }; break;
                case "WaitReselect": s = new WaitInstruction { Location = at, Kind = WaitKind.Reselect, Alternate = Target(Arg(call, "alternate")) }; break;
                case "WaitSelect": s = new WaitInstruction { Location = at, Kind = WaitKind.Select, Alternate = Target(Arg(call, "alternate")) }; break;
                case "Disconnect": s = new DisconnectInstruction { Location = at }; break;
                case "Set" or "Clear":
                    s = new SetClearInstruction { Location = at, Clear = name == "Clear", Signals = (ScsiSignals)Number(Arg(call, "signals")) };
                    break;
                case "Jump" or "Call":
                    s = new TransferInstruction
                    {
                        Location = at, Opcode = name == "Jump" ? TransferOpcode.Jump : TransferOpcode.Call,
                        Target = Target(Arg(call, "target")), Condition = Condition(call, "condition").Cond,
                    };
                    break;
                case "Return": s = new TransferInstruction { Location = at, Opcode = TransferOpcode.Return, Condition = Condition(call, "condition").Cond }; break;
                case "Int" or "IntFly":
                    s = new TransferInstruction
                    {
                        Location = at, Opcode = name == "Int" ? TransferOpcode.Int : TransferOpcode.IntFly,
                        Vector = Num(Arg(call, "vector")), Condition = Condition(call, "condition").Cond,
                    };
                    break;
                case "Nop": s = new NopInstruction { Location = at }; break;
                case "MoveData":
                    s = new RegisterMoveInstruction { Location = at, Data = Num(Arg(call, "data")), Destination = Register(Arg(call, "destination")) };
                    break;
                case "MoveRegister" when ps.Length == 2:
                    s = new RegisterMoveInstruction { Location = at, Source = Register(Arg(call, "source")), Destination = Register(Arg(call, "destination")) };
                    break;
                case "MoveRegister":
                    {
                        var op = (RegisterOperator)Number(Arg(call, "op"));
                        s = new RegisterMoveInstruction
                        {
                            Location = at, Source = Register(Arg(call, "source")), Operator = op,
                            Data = op is RegisterOperator.ShiftLeft or RegisterOperator.ShiftRight ? null : Num(Arg(call, "data")),
                            Destination = Register(Arg(call, "destination")),
                        };
                        break;
                    }
                default:
                    Fail(call, Descriptors.ScriptsStatement, ModuleLowerer.Shorten(call.Syntax.ToString()));
                    return;
            }
            Program.Statements.Add(s);
        }
    }
}
