using System.Text.RegularExpressions;
using DriverCompiler.Core.CModel;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// Drops the functions nothing can call. Two kinds are candidates: <c>static</c> (file-local: private C#)
/// functions, which C# compiles silently when unused but GCC rejects (<c>-Wunused-function</c>), and functions
/// that come from a driver library, which the driver may use only in part. A candidate stays when it is
/// reachable from a root: any other non-static function (the driver's own exported, public, entry-point
/// functions), any global's initializer (a table of function pointers), any name in verbatim text or a macro,
/// and any name the caller keeps (methods the templates name: device entry points, interrupt handlers).
/// Reachability follows every use of a name in a function body or a reached global's initializer, a call or an
/// address taken (<c>&amp;M</c> for a function pointer) alike. A <c>static</c> global that only dropped
/// functions used goes with them (GCC: <c>-Wunused-variable</c>).
/// </summary>
internal static class UnreachableFunctions
{
    private static readonly Regex Identifier = new(@"[A-Za-z_][A-Za-z0-9_]*", RegexOptions.CultureInvariant);

    /// <summary>Removes unreachable candidate functions (definitions and prototypes) from <paramref name="files"/>.</summary>
    /// <param name="files">The header and the C files of one driver.</param>
    /// <param name="keep">C names that must stay whatever references them (names other generated files use).</param>
    /// <param name="library">C names of functions that come from driver libraries: candidates even when not <c>static</c>.</param>
    public static void Remove(IReadOnlyList<CFile> files, IEnumerable<string> keep, IEnumerable<string>? library = null)
    {
        var fromLibrary = new HashSet<string>(library ?? [], StringComparer.Ordinal);
        var candidates = new Dictionary<string, CFunction>(StringComparer.Ordinal);
        var staticData = new Dictionary<string, CGlobal>(StringComparer.Ordinal);
        foreach (var f in files)
            foreach (var item in f.Items)
                if (item is CFunction { Body: not null } fn && (fn.IsStatic || fromLibrary.Contains(fn.Name))) candidates[fn.Name] = fn;
                else if (item is CGlobal { IsStatic: true, IsExtern: false } g) staticData[g.Name] = g;
        if (candidates.Count == 0) return;

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
                    case CFunction { Body: { } body } fn when !candidates.ContainsKey(fn.Name): Names(body, Use); break;
                    case CGlobal { Init: { } init } g when !staticData.ContainsKey(g.Name): Names(init, Use); break;
                    case CRaw raw: foreach (Match m in Identifier.Matches(raw.Text)) Use(m.Value); break;
                    case CDefine d: foreach (Match m in Identifier.Matches(d.Value)) Use(m.Value); break;
                }
        while (work.Count > 0)
        {
            string name = work.Pop();
            if (candidates.TryGetValue(name, out var fn)) Names(fn.Body!, Use);
            else if (staticData.TryGetValue(name, out var g) && g.Init is not null) Names(g.Init, Use);
        }

        foreach (var f in files)
            f.Items.RemoveAll(i => i is CFunction fn && candidates.ContainsKey(fn.Name) && !reached.Contains(fn.Name)
                                   || i is CGlobal g && staticData.ContainsKey(g.Name) && !reached.Contains(g.Name));
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
