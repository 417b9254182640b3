using System.Text.RegularExpressions;
using DriverCompiler.Core.CModel;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// Drops the <c>static</c> (file-local: private C#) functions nothing can call: C# compiles an unused private
/// method silently, GCC rejects the emitted C (<c>-Wunused-function</c>). A static function stays when it is
/// reachable from a root: any non-static function (exported, public, an entry point), any global's initializer
/// (a table of function pointers), any name in verbatim text or a macro, and any name the caller keeps (methods
/// the templates name: device entry points, interrupt handlers). Reachability follows every use of a name in a
/// function body, a call or an address taken (<c>&amp;M</c> for a function pointer) alike.
/// </summary>
internal static class UnreachableFunctions
{
    private static readonly Regex Identifier = new(@"[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant);

    /// <summary>Removes unreachable static functions and their prototypes from <paramref name="files"/>.</summary>
    /// <param name="files">The header and the C files of one driver.</param>
    /// <param name="keep">C names that must stay whatever references them (names other generated files use).</param>
    public static void Remove(IReadOnlyList<CFile> files, IEnumerable<string> keep)
    {
        var statics = new Dictionary<string, CFunction>(StringComparer.Ordinal);
        foreach (var f in files)
            foreach (var fn in f.Items.OfType<CFunction>())
                if (fn.IsStatic && fn.Body is not null) statics[fn.Name] = fn;
        if (statics.Count == 0) return;

        var reached = new HashSet<string>(keep, StringComparer.Ordinal);
        var work = new Stack<string>(reached);
        void Use(string name)
        {
            if (reached.Add(name)) work.Push(name);
        }
        foreach (var f in files)
            foreach (var item in f.Items)
                switch (item)
                {
                    case CFunction { IsStatic: false, Body: { } body }: Names(body, Use); break;
                    case CGlobal { Init: { } init }: Names(init, Use); break;
                    case CRaw raw: foreach (Match m in Identifier.Matches(raw.Text)) Use(m.Value); break;
                    case CDefine d: foreach (Match m in Identifier.Matches(d.Value)) Use(m.Value); break;
                }
        while (work.Count > 0)
            if (statics.TryGetValue(work.Pop(), out var fn)) Names(fn.Body!, Use);

        foreach (var f in files)
            f.Items.RemoveAll(i => i is CFunction { IsStatic: true } fn && statics.ContainsKey(fn.Name) && !reached.Contains(fn.Name));
    }

    private static void Names(CStmt s, Action<string> use)
    {
        switch (s)
        {
            case CBlock b: foreach (var x in b.Statements) Names(x, use); break;
            case CExprStmt e: Names(e.Expression, use); break;
            case CDecl d: if (d.Init is not null) Names(d.Init, use); break;
            case CIf i: Names(i.Condition, use); Names(i.Then, use); if (i.Else is not null) Names(i.Else, use); break;
            case CWhile w: Names(w.Condition, use); Names(w.Body, use); break;
            case CDoWhile dw: Names(dw.Body, use); Names(dw.Condition, use); break;
            case CFor f:
                foreach (var x in f.Init) Names(x, use);
                if (f.Condition is not null) Names(f.Condition, use);
                foreach (var x in f.Step) Names(x, use);
                Names(f.Body, use);
                break;
            case CSwitch sw:
                Names(sw.Value, use);
                foreach (var sec in sw.Sections)
                {
                    foreach (var l in sec.Labels) if (l is not null) Names(l, use);
                    foreach (var x in sec.Body) Names(x, use);
                }
                break;
            case CLabeled l: Names(l.Statement, use); break;
            case CReturn { Value: { } v }: Names(v, use); break;
        }
    }

    private static void Names(CExpr e, Action<string> use)
    {
        switch (e)
        {
            case CName n: use(n.Name); break;
            case CLiteral l: foreach (Match m in Identifier.Matches(l.Text)) use(m.Value); break;
            case CUnary u: Names(u.Operand, use); break;
            case CBinary b: Names(b.Left, use); Names(b.Right, use); break;
            case CAssign a: Names(a.Target, use); Names(a.Value, use); break;
            case CCall c: Names(c.Function, use); foreach (var x in c.Arguments) Names(x, use); break;
            case CCast c: Names(c.Operand, use); break;
            case CMember m: Names(m.Operand, use); break;
            case CIndex i: Names(i.Operand, use); Names(i.Index, use); break;
            case CConditional c: Names(c.Condition, use); Names(c.WhenTrue, use); Names(c.WhenFalse, use); break;
            case CComma c: foreach (var x in c.Items) Names(x, use); break;
            case CInitList il: foreach (var x in il.Items) Names(x, use); break;
        }
    }
}
