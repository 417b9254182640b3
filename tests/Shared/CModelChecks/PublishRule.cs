using DriverCompiler.Core.CModel;

namespace DriverCompiler.Testing.CModelChecks;

/// <summary>What one step of a lowered C function does, as a <see cref="PublishRule"/> sees it.</summary>
public enum CEventKind
{
    /// <summary>A store: the target of an assignment or of ++/--.</summary>
    Store,
    /// <summary>A call (a barrier macro, a register write, a function).</summary>
    Call,
}

/// <summary>One store or call in a lowered function, with the expression it is (a <see cref="CAssign"/>,
/// a <see cref="CUnary"/> ++/--, or a <see cref="CCall"/>) and, for a store, its target.</summary>
public sealed record CEvent(CEventKind Kind, CExpr Expression, CExpr? Target, string Function)
{
    /// <summary>The called function's name when it is a plain name (a macro or a C function), else null.</summary>
    public string? Callee => Expression is CCall { Function: CName n } ? n.Name : null;
}

/// <summary>
/// An ordering rule over the C model: every event <see cref="IsPublish"/> matches must be preceded, on
/// every path through its function, by an event <see cref="IsBarrier"/> matches, with no event
/// <see cref="Invalidates"/> matches in between. The search starts at the function's entry in the
/// state <see cref="SatisfiedAtEntry"/> (false: a barrier in a caller does not count). Paths are
/// followed structurally: both arms of an if, a loop body zero or more times, a switch section from
/// the switch; a goto or a label makes the rule assume nothing (the state after a label is unsatisfied).
/// Functions named in <see cref="Exempt"/> are skipped, each with the reason the rule does not apply.
/// </summary>
public sealed record PublishRule(
    string Name,
    Func<CEvent, bool> IsPublish,
    Func<CEvent, bool> IsBarrier,
    Func<CEvent, bool>? Invalidates = null,
    bool SatisfiedAtEntry = false,
    IReadOnlyDictionary<string, string>? Exempt = null)
{
    /// <summary>One publish with no barrier before it on some path: the function and the C expression.</summary>
    public sealed record Violation(string Rule, string Function, CExpr Publish);

    /// <summary>Checks every function with a body in <paramref name="files"/>; returns the violations and how many publishes were checked.</summary>
    public (IReadOnlyList<Violation> Violations, int Publishes) Check(IEnumerable<CFile> files)
    {
        var violations = new List<Violation>();
        int publishes = 0;
        foreach (var f in files.SelectMany(f => f.Items).OfType<CFunction>().Where(f => f.Body is not null))
        {
            if (Exempt?.ContainsKey(f.Name) == true) continue;
            var walker = new Walker(this, f.Name, violations);
            walker.Statement(f.Body!, SatisfiedAtEntry);
            publishes += walker.Publishes;
        }
        // a loop body is walked twice: a publish in it is counted and reported once
        return (violations.Distinct().ToList(), publishes);
    }

    /// <summary>Every statement of <paramref name="s"/>, itself first, then nested ones in order.</summary>
    public static IEnumerable<CStmt> Statements(CStmt s)
    {
        yield return s;
        IEnumerable<CStmt> inner = s switch
        {
            CBlock b => b.Statements,
            CIf i => i.Else is null ? [i.Then] : [i.Then, i.Else],
            CWhile w => [w.Body],
            CDoWhile d => [d.Body],
            CFor f => [.. f.Init, f.Body],
            CSwitch sw => sw.Sections.SelectMany(x => x.Body),
            CLabeled l => [l.Statement],
            _ => [],
        };
        foreach (var x in inner)
            foreach (var y in Statements(x)) yield return y;
    }

    private sealed class Walker(PublishRule rule, string function, List<Violation> violations)
    {
        private readonly HashSet<CExpr> seen = new(ReferenceEqualityComparer.Instance);
        public int Publishes => seen.Count;

        private bool Event(CEvent e, bool ok)
        {
            if (rule.IsPublish(e))
            {
                seen.Add(e.Expression);
                if (!ok) violations.Add(new Violation(rule.Name, function, e.Expression));
            }
            if (rule.IsBarrier(e)) return true;
            if (rule.Invalidates?.Invoke(e) == true) return false;
            return ok;
        }

        /// <summary>The state after <paramref name="s"/> entered with <paramref name="ok"/>.</summary>
        public bool Statement(CStmt s, bool ok)
        {
            switch (s)
            {
                case CBlock b:
                    foreach (var x in b.Statements) ok = Statement(x, ok);
                    return ok;
                case CExprStmt e: return Expr(e.Expression, ok);
                case CDecl d: return d.Init is null ? ok : Expr(d.Init, ok);
                case CIf i:
                {
                    ok = Expr(i.Condition, ok);
                    bool t = Statement(i.Then, ok);
                    bool f = i.Else is null ? ok : Statement(i.Else, ok);
                    return t && f;
                }
                // Loops: the body runs first from the entry state, then again from its own end (the
                // state a second iteration starts in); the loop exits from either.
                case CWhile w:
                {
                    bool c1 = Expr(w.Condition, ok);
                    bool c2 = Expr(w.Condition, c1 && Statement(w.Body, c1));
                    return c2 && Expr(w.Condition, Statement(w.Body, c2));
                }
                case CDoWhile dw:
                {
                    bool once = Expr(dw.Condition, Statement(dw.Body, ok));
                    return Expr(dw.Condition, Statement(dw.Body, ok && once));
                }
                case CFor fo:
                {
                    foreach (var x in fo.Init) ok = Statement(x, ok);
                    bool Cond(bool st) => fo.Condition is null ? st : Expr(fo.Condition, st);
                    bool Round(bool st) => fo.Step.Aggregate(Statement(fo.Body, st), (a, x) => Expr(x, a));
                    bool c1 = Cond(ok);
                    bool c2 = Cond(c1 && Round(c1));
                    return c2 && Cond(Round(c2));
                }
                case CSwitch sw:
                {
                    ok = Expr(sw.Value, ok);
                    bool all = ok, fall = ok;
                    foreach (var sec in sw.Sections)
                    {
                        bool st = ok && fall;
                        foreach (var x in sec.Body) st = Statement(x, st);
                        fall = st;
                        all &= st;
                    }
                    return all;
                }
                case CLabeled l: return Statement(l.Statement, false);
                case CReturn r: return r.Value is null ? ok : Expr(r.Value, ok);
                default: return ok;
            }
        }

        /// <summary>C evaluation order where it is defined, operands before the operation otherwise.</summary>
        private bool Expr(CExpr e, bool ok)
        {
            switch (e)
            {
                case CAssign a:
                    ok = Expr(a.Value, Address(a.Target, ok));
                    return Event(new CEvent(CEventKind.Store, a, a.Target, function), ok);
                case CUnary { Op: "++" or "--" } u:
                    ok = Address(u.Operand, ok);
                    return Event(new CEvent(CEventKind.Store, u, u.Operand, function), ok);
                case CUnary u: return Expr(u.Operand, ok);
                case CBinary { Op: "&&" or "||" } b:
                {
                    ok = Expr(b.Left, ok);
                    return ok && Expr(b.Right, ok);
                }
                case CBinary b: return Expr(b.Right, Expr(b.Left, ok));
                case CCall c:
                    ok = Expr(c.Function, ok);
                    foreach (var arg in c.Arguments) ok = Expr(arg, ok);
                    return Event(new CEvent(CEventKind.Call, c, null, function), ok);
                case CCast c: return Expr(c.Operand, ok);
                case CMember m: return Expr(m.Operand, ok);
                case CIndex i: return Expr(i.Index, Expr(i.Operand, ok));
                case CConditional c:
                {
                    ok = Expr(c.Condition, ok);
                    return Expr(c.WhenTrue, ok) && Expr(c.WhenFalse, ok);
                }
                case CComma c: return c.Items.Aggregate(ok, (st, x) => Expr(x, st));
                case CInitList l: return l.Items.Aggregate(ok, (st, x) => Expr(x, st));
                default: return ok;
            }
        }

        /// <summary>The parts of a store's target that are evaluated (indexes, pointers), not the store itself.</summary>
        private bool Address(CExpr target, bool ok) => target switch
        {
            CMember m => Expr(m.Operand, ok),
            CIndex i => Expr(i.Index, Expr(i.Operand, ok)),
            CUnary { Op: "*" } d => Expr(d.Operand, ok),
            _ => ok,
        };
    }
}
