using DriverCompiler.Core.CModel;

namespace DriverCompiler.Core.Lower;

/// <summary>
/// For C89 (Amix): moves every declaration to the start of its block, leaving an assignment
/// where an initialized declaration stood; <c>for</c>-loop declarations move to the enclosing
/// block. Two locals of one name in one block merge when their types match, otherwise the later
/// is renamed. Constant aggregate initializers (stackalloc storage) stay on the declaration.
/// </summary>
internal static class C89Hoister
{
    public static void Hoist(CBlock block)
    {
        var decls = new List<CDecl>();
        var names = new Dictionary<string, CType>(StringComparer.Ordinal);
        var rest = new List<CStmt>();
        foreach (var s in block.Statements) rest.Add(Visit(s, decls, names));
        block.Statements.Clear();
        block.Statements.AddRange(decls);
        block.Statements.AddRange(rest);
        block.Statements.RemoveAll(s => s is CExprStmt { Expression: CLiteral { Text: "" } });
    }

    private static CStmt Declare(CDecl d, List<CDecl> decls, Dictionary<string, CType> names)
    {
        if (names.TryGetValue(d.Local.Name, out var t))
        {
            if (!t.Equals(d.Local.Type))
            {
                int k = 2;
                while (names.ContainsKey(d.Local.Name + "_" + k)) k++;
                d.Local.Name += "_" + k;
                names[d.Local.Name] = d.Local.Type;
                decls.Add(d with { Init = d.Init is CInitList ? d.Init : null, Origin = null });
            }
        }
        else
        {
            names[d.Local.Name] = d.Local.Type;
            decls.Add(d with { Init = d.Init is CInitList ? d.Init : null, Origin = null });
        }
        return d.Init is null || d.Init is CInitList
            ? new CExprStmt(new CLiteral("")) : new CExprStmt(new CAssign("=", new CLocalRef(d.Local), d.Init)) { Origin = d.Origin };
    }

    private static CStmt Visit(CStmt s, List<CDecl> decls, Dictionary<string, CType> names)
    {
        switch (s)
        {
            case CDecl d: return Declare(d, decls, names);
            case CBlock b: Hoist(b); return b;
            case CIf i: HoistBody(i.Then); if (i.Else is not null) HoistBody(i.Else); return s;
            case CWhile w: HoistBody(w.Body); return s;
            case CDoWhile dw: HoistBody(dw.Body); return s;
            case CLabeled l: return l with { Statement = Visit(l.Statement, decls, names) };
            case CFor f:
                {
                    var init = new List<CStmt>();
                    foreach (var x in f.Init)
                    {
                        var r = x is CDecl d ? Declare(d, decls, names) : x;
                        if (r is CExprStmt { Expression: CLiteral { Text: "" } }) continue;
                        init.Add(r);
                    }
                    HoistBody(f.Body);
                    return f with { Init = init };
                }
            case CSwitch sw:
                // C allows no declaration after a case label: what a section declares (a for-loop
                // variable, a temporary) moves to the start of the block around the switch.
                foreach (var sec in sw.Sections)
                {
                    var body = sec.Body.Select(x => Visit(x, decls, names)).Where(x => x is not CExprStmt { Expression: CLiteral { Text: "" } }).ToList();
                    sec.Body.Clear();
                    sec.Body.AddRange(body);
                }
                return s;
            default: return s;
        }
    }

    private static void HoistNested(CStmt s)
    {
        switch (s)
        {
            case CIf i: HoistBody(i.Then); if (i.Else is not null) HoistBody(i.Else); break;
            case CWhile w: HoistBody(w.Body); break;
            case CDoWhile dw: HoistBody(dw.Body); break;
            case CFor f: HoistBody(f.Body); break;
            case CSwitch: Visit(s, new List<CDecl>(), new Dictionary<string, CType>()); break;
            case CLabeled l: HoistNested(l.Statement); break;
        }
    }

    private static void HoistBody(CStmt s)
    {
        if (s is CBlock b) Hoist(b); else HoistNested(s);
    }
}
