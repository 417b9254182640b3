using System.Globalization;

namespace DriverCompiler.Scripts;

/// <summary>Outcome of <see cref="ScriptParser.Parse"/>.</summary>
/// <param name="Program">The program (statements that had syntax errors are left out).</param>
/// <param name="Diagnostics">Syntax errors with file:line:column.</param>
public sealed record ScriptParseResult(ScriptProgram Program, IReadOnlyList<ScriptDiagnostic> Diagnostics)
{
    /// <summary>True if there are no errors.</summary>
    public bool Succeeded => Diagnostics.All(d => d.Severity != ScriptDiagnosticSeverity.Error);
}

/// <summary>
/// Parser for the classic ncr53cxxx <c>.ss</c> syntax (facts §3.2–3.3), building a <see cref="ScriptProgram"/>.
/// </summary>
/// <remarks>
/// Lexical rules as ncr53cxxx: one statement per line, <c>;</c> starts a comment, words are runs of
/// <c>[0-9A-Za-z_$]</c>, any other non-blank character is a one-character token; directives,
/// instruction keywords, phases and registers are case-insensitive, symbols are case-sensitive;
/// numbers are decimal, <c>0x</c> hex, <c>0b</c> binary or (leading 0) octal; a label is <c>name:</c>
/// at the start of a line and may be followed by a statement. Unlike ncr53cxxx there is no line
/// length or token limit, and every operand is an expression (see <see cref="ScriptExpression"/>).
/// </remarks>
public static class ScriptParser
{
    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <param name="text">Source text.</param>
    /// <param name="fileName">Name used in locations (as given by the user).</param>
    /// <param name="arch">Initial ARCH (the <c>-a</c> option), or null.</param>
    public static ScriptParseResult Parse(string text, string fileName, ScriptArch? arch = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var program = new ScriptProgram { Arch = arch };
        var diags = new List<ScriptDiagnostic>();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].TrimEnd('\r');
            var p = new LineParser(fileName, i + 1, line, program, diags);
            p.ParseLine();
        }
        return new ScriptParseResult(program, diags);
    }

    internal enum TokKind { Word, Punct, End }

    internal readonly record struct Token(TokKind Kind, string Text, int Column)
    {
        public char Char => Kind == TokKind.Punct ? Text[0] : '\0';
    }

    private sealed class SyntaxError(ScriptDiagnostic d) : Exception(d.Message)
    {
        public ScriptDiagnostic Diagnostic { get; } = d;
    }

    private sealed class LineParser
    {
        private readonly string file;
        private readonly int line;
        private readonly List<Token> toks = [];
        private readonly ScriptProgram program;
        private readonly List<ScriptDiagnostic> diags;
        private readonly int endColumn;
        private int pos;

        public LineParser(string file, int line, string text, ScriptProgram program, List<ScriptDiagnostic> diags)
        {
            this.file = file;
            this.line = line;
            this.program = program;
            this.diags = diags;
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == ';')
                    break;
                if (c <= ' ')
                {
                    i++;
                    continue;
                }
                int start = i;
                if (IsWordChar(c))
                {
                    while (i < text.Length && IsWordChar(text[i]))
                        i++;
                    toks.Add(new Token(TokKind.Word, text[start..i], start + 1));
                }
                else
                {
                    toks.Add(new Token(TokKind.Punct, c.ToString(), start + 1));
                    i++;
                }
            }
            endColumn = text.TrimEnd().Length + 1;
            int semi = text.IndexOf(';');
            if (semi >= 0)
                endColumn = text[..semi].TrimEnd().Length + 1;
        }

        private static bool IsWordChar(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or '$';

        private SourceLocation At(Token t) => new(file, line, t.Kind == TokKind.End ? endColumn : t.Column);
        private SourceLocation At(int column) => new(file, line, column);

        private Token Peek(int ahead = 0) => pos + ahead < toks.Count ? toks[pos + ahead] : new Token(TokKind.End, "", endColumn);
        private Token Next() => pos < toks.Count ? toks[pos++] : new Token(TokKind.End, "", endColumn);
        private bool AtEnd => pos >= toks.Count;

        private static string Describe(Token t) => t.Kind == TokKind.End ? "end of line" : $"'{t.Text}'";

        private SyntaxError Fail(Token t, string message, string code = ScriptErrorCodes.Syntax) =>
            new(new ScriptDiagnostic(code, message, At(t)));

        private static bool IsKw(Token t, string kw) => t.Kind == TokKind.Word && string.Equals(t.Text, kw, StringComparison.OrdinalIgnoreCase);
        private bool PeekKw(string kw, int ahead = 0) => IsKw(Peek(ahead), kw);
        private bool PeekChar(char c, int ahead = 0) => Peek(ahead).Char == c;

        private bool AcceptKw(string kw)
        {
            if (!PeekKw(kw))
                return false;
            pos++;
            return true;
        }

        private bool AcceptChar(char c)
        {
            if (!PeekChar(c))
                return false;
            pos++;
            return true;
        }

        private Token ExpectKw(string kw, string context)
        {
            var t = Peek();
            if (!IsKw(t, kw))
                throw Fail(t, $"expected {kw} {context}, found {Describe(t)}");
            return Next();
        }

        private void ExpectChar(char c, string context)
        {
            var t = Peek();
            if (t.Char != c)
                throw Fail(t, $"expected '{c}' {context}, found {Describe(t)}");
            pos++;
        }

        private void ExpectEnd()
        {
            if (!AtEnd)
                throw Fail(Peek(), $"unexpected {Describe(Peek())} at end of statement");
        }

        private static bool IsSymbolName(Token t) => t.Kind == TokKind.Word && !char.IsAsciiDigit(t.Text[0]);

        public void ParseLine()
        {
            if (toks.Count == 0)
                return;
            try
            {
                if (toks.Count >= 2 && toks[0].Kind == TokKind.Word && toks[1].Char == ':')
                {
                    if (!IsSymbolName(toks[0]))
                        throw Fail(toks[0], $"label name '{toks[0].Text}' must not start with a digit");
                    program.Add(new LabelStatement(toks[0].Text) { Location = At(toks[0]) });
                    pos = 2;
                }
                if (!AtEnd)
                    ParseStatement();
            }
            catch (SyntaxError e)
            {
                diags.Add(e.Diagnostic);
            }
        }

        private void ParseStatement()
        {
            var head = Next();
            var loc = At(head);
            if (head.Kind != TokKind.Word)
                throw Fail(head, $"expected a directive or instruction, found {Describe(head)}", ScriptErrorCodes.UnknownStatement);
            ScriptStatement stmt;
            switch (head.Text.ToUpperInvariant())
            {
                case "ARCH":
                {
                    var t = Next();
                    if (!ScriptArchInfo.TryParse(t.Kind == TokKind.Word ? t.Text : null, out var a))
                        throw Fail(t, $"unrecognized ARCH {Describe(t)}: expected 700, 710, 720, 770, 810 or 825", ScriptErrorCodes.ArchMissing);
                    ExpectEnd();
                    stmt = new ArchStatement(a);
                    break;
                }
                case "PROC":
                {
                    var t = Next();
                    if (!IsSymbolName(t) || !PeekChar(':'))
                        throw Fail(t, "expected 'PROC name:'");
                    pos++;
                    ExpectEnd();
                    stmt = new ProcStatement(t.Text);
                    break;
                }
                case "PASS":
                    throw Fail(head, "PASS is not implemented (as in ncr53cxxx)", ScriptErrorCodes.Unsupported);
                case "ENTRY":
                    stmt = new EntryStatement(NameList("ENTRY"));
                    break;
                case "EXTERN":
                case "EXTERNAL":
                    stmt = new ExternalStatement(NameList(head.Text.ToUpperInvariant()));
                    break;
                case "ABSOLUTE":
                case "RELATIVE":
                    ParseDefines(head.Text.ToUpperInvariant() == "ABSOLUTE" ? DefineKind.Absolute : DefineKind.Relative, loc);
                    return;
                case "MOVE":
                    stmt = ParseMove();
                    break;
                case "JUMP":
                    stmt = ParseTransfer(TransferOpcode.Jump);
                    break;
                case "CALL":
                    stmt = ParseTransfer(TransferOpcode.Call);
                    break;
                case "RETURN":
                    stmt = ParseTransfer(TransferOpcode.Return);
                    break;
                case "INT":
                    stmt = ParseTransfer(TransferOpcode.Int);
                    break;
                case "INTFLY":
                    stmt = ParseTransfer(TransferOpcode.IntFly);
                    break;
                case "SELECT":
                case "RESELECT":
                {
                    bool reselect = head.Text.ToUpperInvariant() == "RESELECT";
                    bool atn = !reselect && AcceptKw("ATN");
                    bool from = AcceptKw("FROM");
                    var id = Expression(from ? "table offset" : "SCSI ID");
                    ExpectChar(',', "before the alternate address");
                    var alt = ParseTarget();
                    ExpectEnd();
                    stmt = new SelectInstruction { Reselect = reselect, Atn = atn, TableIndirect = from, Id = id, Alternate = alt, Location = loc };
                    break;
                }
                case "WAIT":
                {
                    var t = Next();
                    if (IsKw(t, "DISCONNECT"))
                    {
                        ExpectEnd();
                        stmt = new WaitInstruction { Kind = WaitKind.Disconnect, Location = loc };
                    }
                    else if (IsKw(t, "SELECT") || IsKw(t, "RESELECT"))
                    {
                        var alt = ParseTarget();
                        ExpectEnd();
                        stmt = new WaitInstruction { Kind = IsKw(t, "SELECT") ? WaitKind.Select : WaitKind.Reselect, Alternate = alt, Location = loc };
                    }
                    else
                        throw Fail(t, $"expected DISCONNECT, SELECT or RESELECT after WAIT, found {Describe(t)}");
                    break;
                }
                case "DISCONNECT":
                    ExpectEnd();
                    stmt = new DisconnectInstruction { Location = loc };
                    break;
                case "SET":
                case "CLEAR":
                {
                    var signals = ScsiSignals.None;
                    do
                    {
                        var t = Next();
                        signals |= t.Text.ToUpperInvariant() switch
                        {
                            "ATN" when t.Kind == TokKind.Word => ScsiSignals.Atn,
                            "ACK" when t.Kind == TokKind.Word => ScsiSignals.Ack,
                            "TARGET" when t.Kind == TokKind.Word => ScsiSignals.Target,
                            "CARRY" when t.Kind == TokKind.Word => ScsiSignals.Carry,
                            _ => throw Fail(t, $"expected ATN, ACK, TARGET or CARRY, found {Describe(t)}"),
                        };
                    }
                    while (AcceptKw("AND"));
                    ExpectEnd();
                    stmt = new SetClearInstruction { Clear = head.Text.ToUpperInvariant() == "CLEAR", Signals = signals, Location = loc };
                    break;
                }
                case "LOAD":
                case "STORE":
                {
                    bool store = head.Text.ToUpperInvariant() == "STORE";
                    bool noflush = store && AcceptKw("NOFLUSH");
                    var reg = Register("register");
                    ExpectChar(',', "after the register");
                    var size = Expression("size");
                    ExpectChar(',', "after the size");
                    bool rel = AcceptKw("FROM") || AcceptKw("DSAREL");
                    var addr = Expression("address");
                    ExpectEnd();
                    stmt = new LoadStoreInstruction { Store = store, NoFlush = noflush, Register = reg, Size = size, DsaRelative = rel, Address = addr, Location = loc };
                    break;
                }
                case "NOP":
                    ExpectEnd();
                    stmt = new NopInstruction { Location = loc };
                    break;
                default:
                    throw Fail(head, $"expected a directive or instruction, found '{head.Text}'", ScriptErrorCodes.UnknownStatement);
            }
            stmt = stmt is ArchStatement or ProcStatement ? WithLocation(stmt, loc) : stmt;
            program.Add(stmt);
        }

        private static ScriptStatement WithLocation(ScriptStatement s, SourceLocation loc) => s switch
        {
            ArchStatement a => new ArchStatement(a.Arch) { Location = loc },
            ProcStatement p => new ProcStatement(p.Name) { Location = loc },
            _ => s,
        };

        private List<SymbolName> NameList(string directive)
        {
            var names = new List<SymbolName>();
            do
            {
                var t = Next();
                if (!IsSymbolName(t))
                    throw Fail(t, $"expected a symbol name in {directive}, found {Describe(t)}");
                names.Add(new SymbolName(t.Text, At(t)));
            }
            while (AcceptChar(','));
            ExpectEnd();
            return names;
        }

        private void ParseDefines(DefineKind kind, SourceLocation loc)
        {
            // ABSOLUTE a = expr [, b = expr ...]; each definition is its own statement.
            var list = new List<DefineStatement>();
            do
            {
                var t = Next();
                if (!IsSymbolName(t))
                    throw Fail(t, $"expected a symbol name, found {Describe(t)}");
                ExpectChar('=', $"after '{t.Text}'");
                var value = Expression("value");
                list.Add(new DefineStatement(kind, t.Text, value) { Location = At(t) });
            }
            while (AcceptChar(','));
            ExpectEnd();
            foreach (var d in list)
                program.Add(d);
        }

        private ScsiPhase? TryPhase()
        {
            var t = Peek();
            if (t.Kind != TokKind.Word)
                return null;
            ScsiPhase? p = t.Text.ToLowerInvariant() switch
            {
                "data_out" => ScsiPhase.DataOut,
                "data_in" => ScsiPhase.DataIn,
                "cmd" => ScsiPhase.Command,
                "status" => ScsiPhase.Status,
                "res4" => ScsiPhase.Reserved4,
                "res5" => ScsiPhase.Reserved5,
                "msg_out" => ScsiPhase.MessageOut,
                "msg_in" => ScsiPhase.MessageIn,
                _ => null,
            };
            if (p is not null)
                pos++;
            return p;
        }

        private ScsiPhase Phase()
        {
            var t = Peek();
            return TryPhase() ?? throw Fail(t, $"expected a SCSI phase (DATA_OUT, DATA_IN, CMD, STATUS, RES4, RES5, MSG_OUT, MSG_IN), found {Describe(t)}");
        }

        private bool PeekRegister(int ahead = 0)
        {
            var t = Peek(ahead);
            return t.Kind == TokKind.Word && ScriptRegisters.IsRegisterName(t.Text);
        }

        private ScriptRegister Register(string what)
        {
            var t = Peek();
            if (!PeekRegister())
                throw Fail(t, $"expected a register ({what}), found {Describe(t)}", ScriptErrorCodes.BadRegister);
            pos++;
            return new ScriptRegister(t.Text) { Location = At(t) };
        }

        private ScriptStatement ParseMove()
        {
            var loc = At(toks[pos - 1]);
            if (AcceptKw("MEMORY"))
            {
                var count = Expression("byte count");
                ExpectChar(',', "after the byte count");
                var src = Expression("source address");
                ExpectChar(',', "after the source address");
                var dst = Expression("destination address");
                ExpectEnd();
                return new MemoryMoveInstruction { Count = count, Source = src, Destination = dst, Location = loc };
            }
            bool hasComma = toks.Skip(pos).Any(t => t.Char == ',');
            if (PeekKw("FROM"))
            {
                pos++;
                var off = Expression("table offset");
                ExpectChar(',', "after the table offset");
                var (when, phase) = MovePhase();
                return new BlockMoveInstruction { TableIndirect = true, Address = off, When = when, Phase = phase, Location = loc };
            }
            if (hasComma)
            {
                var count = Expression("byte count");
                ExpectChar(',', "after the byte count");
                bool ptr = AcceptKw("PTR");
                var addr = Expression("address");
                ExpectChar(',', "after the address");
                var (when, phase) = MovePhase();
                return new BlockMoveInstruction { Count = count, Address = addr, Indirect = ptr, When = when, Phase = phase, Location = loc };
            }
            return ParseRegisterMove(loc);
        }

        private (bool When, ScsiPhase Phase) MovePhase()
        {
            var t = Next();
            bool when;
            if (IsKw(t, "WHEN"))
                when = true;
            else if (IsKw(t, "WITH"))
                when = false;
            else
                throw Fail(t, $"expected WHEN or WITH, found {Describe(t)}");
            var p = Phase();
            ExpectEnd();
            return (when, p);
        }

        private ScriptStatement ParseRegisterMove(SourceLocation loc)
        {
            if (!PeekRegister())
            {
                // MOVE data TO reg
                var data = Expression("data byte");
                ExpectKw("TO", "after the data byte");
                var dst = Register("destination");
                ExpectEnd();
                return new RegisterMoveInstruction { Data = data, Destination = dst, Operator = RegisterOperator.Move, Location = loc };
            }
            var src = Register("source");
            var opTok = Next();
            RegisterOperator op;
            if (IsKw(opTok, "TO"))
            {
                var dst = Register("destination");
                ExpectEnd();
                return new RegisterMoveInstruction { Source = src, Destination = dst, Operator = RegisterOperator.Move, Location = loc };
            }
            if (IsKw(opTok, "SHL") || IsKw(opTok, "SHR"))
            {
                AcceptKw("TO");
                var dst = Register("destination");
                ExpectEnd();
                return new RegisterMoveInstruction { Source = src, Destination = dst, Operator = IsKw(opTok, "SHL") ? RegisterOperator.ShiftLeft : RegisterOperator.ShiftRight, Location = loc };
            }
            op = opTok.Char switch
            {
                '|' => RegisterOperator.Or,
                '&' => RegisterOperator.And,
                '+' => RegisterOperator.Add,
                '-' => RegisterOperator.Subtract,
                _ when IsKw(opTok, "XOR") => RegisterOperator.Xor,
                _ => throw Fail(opTok, $"expected TO, SHL, SHR, |, &, +, - or XOR after the register, found {Describe(opTok)}", ScriptErrorCodes.BadRegisterMove),
            };
            ScriptExpression? value = null;
            bool sfbr = false;
            if (PeekKw("SFBR") && PeekKw("TO", 1))
            {
                pos++;
                sfbr = true;
            }
            else
                value = Expression("data byte");
            ExpectKw("TO", "before the destination register");
            var dest = Register("destination");
            if (AcceptKw("WITH"))
            {
                var c = ExpectKw("CARRY", "after WITH");
                if (op != RegisterOperator.Add)
                    throw Fail(c, "WITH CARRY is only valid with '+'", ScriptErrorCodes.BadRegisterMove);
                op = RegisterOperator.AddWithCarry;
            }
            ExpectEnd();
            return new RegisterMoveInstruction { Source = src, Operator = op, Data = value, DataIsSfbr = sfbr, Destination = dest, Location = loc };
        }

        private JumpTarget ParseTarget()
        {
            if (PeekKw("REL") && PeekChar('(', 1))
            {
                pos += 2;
                var e = Expression("relative target");
                ExpectChar(')', "to close REL(");
                return new JumpTarget(e, true);
            }
            return new JumpTarget(Expression("target address"), false);
        }

        private ScriptStatement ParseTransfer(TransferOpcode op)
        {
            var loc = At(toks[pos - 1]);
            JumpTarget? target = null;
            ScriptExpression? vector = null;
            if (op is TransferOpcode.Jump or TransferOpcode.Call)
                target = ParseTarget();
            else if (op is TransferOpcode.Int or TransferOpcode.IntFly)
                vector = Expression("interrupt vector");
            TransferCondition? cond = null;
            if (!AtEnd)
            {
                // ncr53cxxx wants ", WHEN|IF"; the comma is optional here (Linux script_asm.pl style).
                AcceptChar(',');
                cond = ParseCondition();
            }
            ExpectEnd();
            return new TransferInstruction { Opcode = op, Target = target, Vector = vector, Condition = cond, Location = loc };
        }

        private TransferCondition ParseCondition()
        {
            var t = Next();
            bool when;
            if (IsKw(t, "WHEN"))
                when = true;
            else if (IsKw(t, "IF"))
                when = false;
            else
                throw Fail(t, $"expected WHEN or IF, found {Describe(t)}");
            if (AcceptKw("FALSE"))
                return new TransferCondition { When = when, Never = true };
            bool not = AcceptKw("NOT");
            bool atn = false;
            ScsiPhase? phase = null;
            if (AcceptKw("ATN"))
                atn = true;
            else
                phase = TryPhase();
            ScriptExpression? data = null, mask = null;
            if (!AtEnd && !PeekChar(','))
            {
                if (atn || phase is not null)
                {
                    var conj = Next();
                    if (!not && !IsKw(conj, "AND"))
                        throw Fail(conj, $"expected AND (or ', AND MASK') after the phase, found {Describe(conj)}");
                    if (not && !IsKw(conj, "OR"))
                        throw Fail(conj, $"expected OR after 'NOT phase' (ncr53cxxx grammar), found {Describe(conj)}");
                }
                data = Expression("compare data");
            }
            else if (!atn && phase is null)
                throw Fail(Peek(), $"expected a phase, ATN or data byte to compare, found {Describe(Peek())}");
            if (AcceptChar(','))
            {
                ExpectKw("AND", "in ', AND MASK m'");
                ExpectKw("MASK", "in ', AND MASK m'");
                mask = Expression("mask");
            }
            return new TransferCondition { When = when, Not = not, Atn = atn, Phase = phase, Data = data, Mask = mask };
        }

        // ---- expressions: C precedence  | ^ & << >> + - * / % unary - ~ + ( ) ----

        private ScriptExpression Expression(string what)
        {
            var t = Peek();
            if (t.Kind == TokKind.End || t.Char == ',' || t.Char == ')')
                throw Fail(t, $"expected {what}, found {Describe(t)}");
            return Or(what);
        }

        private ScriptExpression Bin(BinaryOperator op, ScriptExpression l, ScriptExpression r) => new BinaryExpression(op, l, r) { Location = l.Location };

        private ScriptExpression Or(string what)
        {
            var e = Xor(what);
            while (PeekChar('|'))
            {
                pos++;
                e = Bin(BinaryOperator.Or, e, Xor(what));
            }
            return e;
        }

        private ScriptExpression Xor(string what)
        {
            var e = And(what);
            while (PeekChar('^'))
            {
                pos++;
                e = Bin(BinaryOperator.Xor, e, And(what));
            }
            return e;
        }

        private ScriptExpression And(string what)
        {
            var e = Shift(what);
            while (PeekChar('&'))
            {
                pos++;
                e = Bin(BinaryOperator.And, e, Shift(what));
            }
            return e;
        }

        private ScriptExpression Shift(string what)
        {
            var e = Additive(what);
            while ((PeekChar('<') && PeekChar('<', 1)) || (PeekChar('>') && PeekChar('>', 1)))
            {
                var op = PeekChar('<') ? BinaryOperator.ShiftLeft : BinaryOperator.ShiftRight;
                pos += 2;
                e = Bin(op, e, Additive(what));
            }
            return e;
        }

        private ScriptExpression Additive(string what)
        {
            var e = Multiplicative(what);
            while (PeekChar('+') || PeekChar('-'))
            {
                var op = PeekChar('+') ? BinaryOperator.Add : BinaryOperator.Subtract;
                pos++;
                e = Bin(op, e, Multiplicative(what));
            }
            return e;
        }

        private ScriptExpression Multiplicative(string what)
        {
            var e = Unary(what);
            while (PeekChar('*') || PeekChar('/') || PeekChar('%'))
            {
                var op = PeekChar('*') ? BinaryOperator.Multiply : PeekChar('/') ? BinaryOperator.Divide : BinaryOperator.Remainder;
                pos++;
                e = Bin(op, e, Unary(what));
            }
            return e;
        }

        private ScriptExpression Unary(string what)
        {
            var t = Peek();
            if (t.Char == '-' || t.Char == '~')
            {
                pos++;
                return new UnaryExpression(t.Char == '-' ? UnaryOperator.Negate : UnaryOperator.Complement, Unary(what)) { Location = At(t) };
            }
            if (t.Char == '+')
            {
                pos++;
                return Unary(what);
            }
            return Primary(what);
        }

        private ScriptExpression Primary(string what)
        {
            var t = Next();
            if (t.Char == '(')
            {
                var e = Or(what);
                ExpectChar(')', "to close '('");
                return e;
            }
            if (t.Kind != TokKind.Word)
                throw Fail(t, $"expected {what}, found {Describe(t)}");
            if (char.IsAsciiDigit(t.Text[0]))
                return new NumberExpression(Number(t)) { Location = At(t) };
            return new SymbolExpression(t.Text) { Location = At(t) };
        }

        private long Number(Token t)
        {
            string s = t.Text;
            int radix = 10, i = 0;
            if (s[0] == '0' && s.Length > 1)
            {
                char c = char.ToLowerInvariant(s[1]);
                if (c == 'x') { radix = 16; i = 2; }
                else if (c == 'b') { radix = 2; i = 2; }
                else { radix = 8; i = 1; }
            }
            if (i >= s.Length)
                throw Fail(t, $"malformed number '{s}'", ScriptErrorCodes.BadNumber);
            ulong v = 0;
            for (; i < s.Length; i++)
            {
                int d = s[i] switch
                {
                    >= '0' and <= '9' => s[i] - '0',
                    >= 'a' and <= 'f' => s[i] - 'a' + 10,
                    >= 'A' and <= 'F' => s[i] - 'A' + 10,
                    _ => 99,
                };
                if (d >= radix)
                    throw Fail(t, $"malformed number '{s}': '{s[i]}' is not a base-{radix} digit", ScriptErrorCodes.BadNumber);
                v = v * (ulong)radix + (ulong)d;
                if (v > uint.MaxValue)
                    throw Fail(t, $"number '{s}' does not fit in 32 bits", ScriptErrorCodes.OutOfRange);
            }
            return (long)v;
        }
    }
}
