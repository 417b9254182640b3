using System.Collections;
using DriverCompiler.Core.CModel;

namespace DriverCompiler.Testing.CModelChecks;

/// <summary>
/// The call graph of a lowered driver, read from the C model: which functions (with a body) each function
/// and each global's initializer names, a call or an address taken alike. It walks every C model node
/// through its properties (not the compiler's own walker), so a node kind added later is followed too.
/// </summary>
public static class CallGraph
{
    /// <summary>The names of the functions with a body in <paramref name="files"/> that <paramref name="roots"/> cannot reach.</summary>
    /// <param name="files">The driver's C model (header and C files).</param>
    /// <param name="roots">Names the outside calls: the device skeleton's callees, exported names.</param>
    public static IReadOnlyList<string> Unreachable(IEnumerable<CFile> files, IEnumerable<string> roots)
    {
        var items = files.SelectMany(f => f.Items).ToList();
        var functions = items.OfType<CFunction>().Where(f => f.Body is not null).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<string>();
        void Use(string n)
        {
            if (functions.ContainsKey(n) && reached.Add(n)) work.Push(n);
        }
        foreach (var r in roots) Use(r);
        foreach (var g in items.OfType<CGlobal>().Where(g => g.Init is not null)) foreach (var n in Names(g.Init!)) Use(n);
        while (work.Count > 0) foreach (var n in Names(functions[work.Pop()].Body!)) Use(n);
        return functions.Keys.Where(k => !reached.Contains(k)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Every <see cref="CName"/> under <paramref name="node"/> (a statement or an expression).</summary>
    public static IEnumerable<string> Names(object node)
    {
        var result = new List<string>();
        void Visit(object? o)
        {
            switch (o)
            {
                case null or string or CType or CLocal: return;
                case CName n: result.Add(n.Name); return;
                case IEnumerable list: foreach (var x in list) Visit(x); return;
                case CExpr or CStmt or CSwitchSection:
                    foreach (var p in o.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract"))
                        Visit(p.GetValue(o));
                    return;
            }
        }
        Visit(node);
        return result;
    }
}
