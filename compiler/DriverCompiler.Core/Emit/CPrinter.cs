using System.Text;
using DriverCompiler.Core.CModel;
using DriverCompiler.Core.Targets;

namespace DriverCompiler.Core.Emit;

/// <summary>
/// Phase 5: turns the C model into text. Four-space indents, K&amp;R braces, braces on every
/// controlled statement, only the parentheses C's precedence (and GCC's -Wparentheses) needs,
/// <c>/* */</c> comments only (the Amix cc knows no <c>//</c>). Output depends only on the model.
/// </summary>
public sealed class CPrinter
{
    private readonly Target target;
    private readonly bool lineDirectives;
    private readonly StringBuilder sb = new();
    private int indent;
    private SourceOrigin? lastOrigin;
    private int outputLine = 1;

    public CPrinter(Target target, bool lineDirectives) { this.target = target; this.lineDirectives = lineDirectives; }

    public string Print(CFile file)
    {
        sb.Clear(); outputLine = 1; lastOrigin = null;
        Line("/*");
        foreach (var l in file.HeaderComment.Split('\n')) Line((" * " + l).TrimEnd());
        Line(" */");
        string guard = file.IsHeader ? file.Name.ToUpperInvariant().Replace('.', '_').Replace('-', '_') : "";
        if (file.IsHeader) { Line("#ifndef " + guard); Line("#define " + guard); Line(""); }
        CTopLevel? prev = null;
        foreach (var item in file.Items)
        {
            if (prev is not null && NeedsBlankLine(prev, item)) Line("");
            PrintTop(item);
            prev = item;
        }
        if (file.IsHeader) { Line(""); Line("#endif /* " + guard + " */"); }
        return sb.ToString();
    }

    private static bool NeedsBlankLine(CTopLevel prev, CTopLevel item) =>
        !(prev.GetType() == item.GetType() && item.Comment is null &&
          item is CInclude or CDefine or CTypedef or CGlobal or CStructForward
             || (item is CFunction f && f.Body is null && prev is CFunction pf && pf.Body is null));

    private void Line(string text)
    {
        sb.Append(text.Length == 0 ? "" : new string(' ', indent * 4)).Append(text).Append('\n');
        outputLine++;
    }

    private void Comment(string? text)
    {
        if (text is null) return;
        foreach (var l in text.Split('\n')) Line("/* " + l.Replace("*/", "* /") + " */");
    }

    private string Decl(CType t, string name) => CDeclarator.Declare(StripConst(t), name, target.Prototypes);
    /// <summary>
    /// An argument as a function-like macro's argument list sees it: the preprocessor splits arguments at
    /// every comma outside parentheses, and braces do not group, so a compound literal
    /// <c>(struct s){ .a = x, .b = y }.a</c> passed to <c>DRV_LE16_TO_CPU</c> became three arguments. Such
    /// an argument gets parentheses of its own; for a function they change nothing.
    /// </summary>
    private static string MacroSafeArgument(string text)
    {
        int depth = 0;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char ch = text[i];
            if (quote != '\0')
            {
                if (ch == '\\') i++;
                else if (ch == quote) quote = '\0';
                continue;
            }
            switch (ch)
            {
                case '"' or '\'': quote = ch; break;
                case '(' or '[': depth++; break;
                case ')' or ']': depth--; break;
                case ',' when depth == 0: return "(" + text + ")";
            }
        }
        return text;
    }

    private CType StripConst(CType t) => target.HasConst ? t : t switch
    {
        CPointerType p => p with { Const = false, Target = StripConst(p.Target) },
        CArrayType a => a with { Element = StripConst(a.Element) },
        CConstType c => StripConst(c.Inner),
        _ => t,
    };

    private void PrintTop(CTopLevel item)
    {
        switch (item)
        {
            case CInclude inc:
                Comment(inc.Comment);
                Line(inc.Local ? $"#include \"{inc.Path}\"" : $"#include <{inc.Path}>");
                break;
            case CDefine d:
                Comment(d.Comment);
                if (d.Overridable) Line($"#ifndef {d.Name}");
                Line($"#define {d.Name} {(d.Expr is null ? d.Value : d.Expr is CLiteral or CName ? Expr(d.Expr, 0) : "(" + Expr(d.Expr, 0) + ")")}");
                if (d.Overridable) Line("#endif");
                break;
            case CTypedef td:
                Comment(td.Comment);
                Line("typedef " + Decl(td.Type, td.Name) + ";");
                break;
            case CRaw raw:
                Comment(raw.Comment);
                foreach (var l in raw.Text.TrimEnd('\n').Split('\n')) Line(l);
                break;
            case CStructForward fw:
                Line($"struct {fw.Tag};");
                break;
            case CStructDef s:
                Comment(s.Comment);
                Line($"struct {s.Tag} {{");
                indent++;
                foreach (var f in s.Fields)
                    Line(Decl(f.Type, f.Name) + ";" + (f.Comment is null ? "" : " /* " + f.Comment + " */"));
                indent--;
                Line(s.Packed ? "} DRV_PACKED;" : "};");
                foreach (var (field, offset) in s.Offsets)
                    Line($"DRV_LAYOUT_CHECK({s.Tag}_{field}, DRV_OFFSETOF(struct {s.Tag}, {field}) == {offset});");
                // "_sizeof": a field named size has the check "_size"
                Line($"DRV_LAYOUT_CHECK({s.Tag}_sizeof, sizeof(struct {s.Tag}) == {s.Size});");
                break;
            case CLayoutCheck lc:
                {
                    Comment(lc.Comment);
                    // "struct Node" -> mirror_struct_Node_ln_Succ: the check's name says which type and member.
                    string tag = "mirror_" + string.Concat(lc.CType.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_'));
                    foreach (var (field, offset) in lc.Offsets)
                        Line($"DRV_LAYOUT_CHECK({tag}_{field}, DRV_OFFSETOF({lc.CType}, {field}) == {offset});");
                    Line($"DRV_LAYOUT_CHECK({tag}_sizeof, sizeof({lc.CType}) == {lc.Size});");
                    break;
                }
            case CGlobal g:
                {
                    Comment(g.Comment);
                    string prefix = (g.IsExtern ? "extern " : g.IsStatic ? "static " : "") + (g.IsConst && target.HasConst ? "const " : "");
                    string init = g.Init is null ? "" : " = " + Expr(g.Init, 0);
                    Line(prefix + Decl(g.Type, g.Name) + init + ";");
                    break;
                }
            case CFunction f:
                PrintFunction(f);
                break;
            default:
                throw new InvalidOperationException("unknown top-level item " + item.GetType().Name);
        }
    }

    private void PrintFunction(CFunction f)
    {
        Comment(f.Comment);
        string stat = f.IsStatic ? "static " : "";
        if (f.Body is null)
        {
            // Declaration. K&R dialect: no parameter list, as the Amix kernel's own headers do.
            string ps = !target.Prototypes ? "" : f.Parameters.Count == 0 ? "void" : string.Join(", ", f.Parameters.Select(p => Decl(p.Type, p.Name)));
            Line((f.IsStatic ? "static " : "extern ") + Decl(f.Return, f.Name + "(" + ps + ")") + ";");
            return;
        }
        if (target.Prototypes)
        {
            string ps = f.Parameters.Count == 0 ? "void" : string.Join(", ", f.Parameters.Select(p => Decl(p.Type, p.Name)));
            Line(stat + Decl(f.Return, f.Name + "(" + ps + ")"));
        }
        else
        {
            Line(stat + Decl(f.Return, f.Name + "(" + string.Join(", ", f.Parameters.Select(p => p.Name)) + ")"));
            foreach (var p in f.Parameters) Line(Decl(p.Type, p.Name) + ";");
        }
        lastOrigin = null;
        PrintBlock(f.Body);
    }

    private void Origin(CStmt s)
    {
        if (!lineDirectives || s.Origin is null) return;
        if (lastOrigin is not null && lastOrigin.Path == s.Origin.Path && lastOrigin.Line == s.Origin.Line) return;
        sb.Append("#line ").Append(s.Origin.Line).Append(" \"").Append(s.Origin.Path.Replace('\\', '/')).Append("\"\n");
        outputLine++;
        lastOrigin = s.Origin;
    }

    private void PrintBlock(CBlock b)
    {
        Line("{");
        indent++;
        foreach (var s in b.Statements) Stmt(s);
        indent--;
        Line("}");
    }

    /// <summary>Prints a controlled statement as a braced body after a header line ending in " {".</summary>
    private void Body(CStmt s)
    {
        indent++;
        if (s is CBlock b) foreach (var x in b.Statements) Stmt(x);
        else Stmt(s);
        indent--;
    }

    private void Stmt(CStmt s)
    {
        Origin(s);
        switch (s)
        {
            case CBlock b:
                PrintBlock(b);
                break;
            case CExprStmt e:
                Line(Expr(e.Expression, 0) + ";");
                break;
            case CDecl d:
                Line(Decl(d.Local.Type, d.Local.Name) + (d.Init is null ? "" : " = " + Expr(d.Init, 2)) + ";");
                break;
            case CIf i:
                {
                    Line("if (" + Condition(i.Condition) + ") {");
                    Body(i.Then);
                    CStmt? els = i.Else;
                    while (els is CIf ei)
                    {
                        Line("} else if (" + Condition(ei.Condition) + ") {");
                        Body(ei.Then);
                        els = ei.Else;
                    }
                    if (els is not null) { Line("} else {"); Body(els); }
                    Line("}");
                    break;
                }
            case CWhile w:
                Line("while (" + Condition(w.Condition) + ") {");
                Body(w.Body);
                Line("}");
                break;
            case CDoWhile dw:
                Line("do {");
                Body(dw.Body);
                Line("} while (" + Condition(dw.Condition) + ");");
                break;
            case CFor f:
                {
                    // several declarations of one type: "int32 i = 0, j = 10"
                    string init = string.Join(", ", f.Init.Select((x, k) => x switch
                    {
                        CDecl d => (k == 0 ? Decl(d.Local.Type, d.Local.Name) : d.Local.Name) + (d.Init is null ? "" : " = " + Expr(d.Init, 2)),
                        CExprStmt e => Expr(e.Expression, 2),
                        _ => throw new InvalidOperationException("bad for initializer"),
                    }));
                    string cond = f.Condition is null ? "" : " " + Condition(f.Condition);
                    string step = f.Step.Count == 0 ? "" : " " + string.Join(", ", f.Step.Select(x => Expr(x, 2)));
                    Line($"for ({init};{cond};{step}) {{");
                    Body(f.Body);
                    Line("}");
                    break;
                }
            case CSwitch sw:
                Line("switch (" + Expr(sw.Value, 0) + ") {");
                foreach (var sec in sw.Sections)
                {
                    foreach (var l in sec.Labels) Line(l is null ? "default:" : "case " + Expr(l, 0) + ":");
                    indent++;
                    foreach (var x in sec.Body) Stmt(x);
                    indent--;
                }
                Line("}");
                break;
            case CBreak: Line("break;"); break;
            case CEmpty: Line(";"); break;
            case CContinue: Line("continue;"); break;
            case CGoto g: Line("goto " + g.Label + ";"); break;
            case CLabeled l:
                indent--;
                Line(l.Label + ":");
                indent++;
                Stmt(l.Statement);
                break;
            case CReturn r:
                Line(r.Value is null ? "return;" : "return " + Expr(r.Value, 0) + ";");
                break;
            case CComment c:
                Comment(c.Text);
                break;
            default:
                throw new InvalidOperationException("unknown statement " + s.GetType().Name);
        }
    }

    // ---- expressions ----
    private static int Prec(string op) => op switch
    {
        "*" or "/" or "%" => 13,
        "+" or "-" => 12,
        "<<" or ">>" => 11,
        "<" or "<=" or ">" or ">=" => 10,
        "==" or "!=" => 9,
        "&" => 8,
        "^" => 7,
        "|" => 6,
        "&&" => 5,
        "||" => 4,
        _ => throw new InvalidOperationException("unknown operator " + op),
    };

    private static bool IsBitOrShift(string op) => op is "&" or "|" or "^" or "<<" or ">>";
    private static bool IsLogical(string op) => op is "&&" or "||";
    private static bool IsComparison(string op) => op is "<" or "<=" or ">" or ">=" or "==" or "!=";

    /// <summary>Prints <paramref name="e"/>; parenthesized if its precedence is below <paramref name="min"/>.</summary>
    public string Expr(CExpr e, int min)
    {
        (string text, int prec) = ExprPrec(e);
        return prec < min ? "(" + text + ")" : text;
    }

    private string Operand(CExpr child, string parentOp, bool right)
    {
        int p = Prec(parentOp);
        if (child is CBinary cb)
        {
            // Keep GCC's -Wparentheses quiet and the reader certain: group any mix involving
            // bitwise, shift or logical operators, except comparisons under && and ||, and every
            // comparison inside another (a == b == c is as unclear as a < b == c).
            bool mix = cb.Op != parentOp && (IsBitOrShift(parentOp) || IsBitOrShift(cb.Op) || IsLogical(parentOp) || IsLogical(cb.Op))
                       && !(IsLogical(parentOp) && IsComparison(cb.Op));
            if (mix || (IsComparison(parentOp) && IsComparison(cb.Op))) return "(" + Expr(child, 0) + ")";
        }
        // !a & b reads like !(a & b) (-Wparentheses), !a == b like !(a == b) (-Wlogical-not-parentheses)
        if (child is CUnary { Op: "!", Postfix: false } && (IsBitOrShift(parentOp) || IsComparison(parentOp)))
            return "(" + Expr(child, 0) + ")";
        return Expr(child, right ? p + 1 : p);
    }

    /// <summary>
    /// The controlling expression of if, while, do and for. An assignment there is what C# wrote
    /// (<c>if (flag = x &gt; 3)</c>, a bool assignment), and its own parentheses tell GCC (-Wparentheses)
    /// and the reader it is meant; in a comma expression the last item is the truth value.
    /// </summary>
    private string Condition(CExpr e) => e switch
    {
        CAssign => "(" + Expr(e, 0) + ")",
        CComma c when c.Items[^1] is CAssign => string.Join(", ", c.Items.Select((x, k) => k == c.Items.Count - 1 ? "(" + Expr(x, 0) + ")" : Expr(x, 2))),
        _ => Expr(e, 0),
    };

    private (string, int) ExprPrec(CExpr e)
    {
        switch (e)
        {
            case CLiteral l: return (l.Text, l.Text.StartsWith('-') ? 14 : 16);
            case CName n: return (n.Name, 16);
            case CLocalRef r: return (r.Local.Name, 16);
            case CUnary u when u.Postfix: return (Expr(u.Operand, 15) + u.Op, 15);
            case CUnary u:
                {
                    string inner = Expr(u.Operand, 14);
                    // avoid "- -x", "--x" ambiguity and "&&" / "**" surprises
                    if (inner.Length > 0 && (inner[0] == u.Op[^1] || (u.Op is "-" or "+" && inner[0] is '-' or '+'))) inner = "(" + inner + ")";
                    return (u.Op + inner, 14);
                }
            case CBinary b: return (Operand(b.Left, b.Op, false) + " " + b.Op + " " + Operand(b.Right, b.Op, true), Prec(b.Op));
            case CAssign a: return (Expr(a.Target, 14) + " " + a.Op + " " + Expr(a.Value, 2), 2);
            case CCall c: return (Expr(c.Function, 15) + "(" + string.Join(", ", c.Arguments.Select(x => MacroSafeArgument(Expr(x, 2)))) + ")", 15);
            case CCast c: return ("(" + CDeclarator.TypeName(StripConst(c.Type), target.Prototypes) + ")" + Expr(c.Operand, 14), 14);
            case CMember m: return (Expr(m.Operand, 15) + (m.Arrow ? "->" : ".") + m.Member, 15);
            case CIndex i: return (Expr(i.Operand, 15) + "[" + Expr(i.Index, 0) + "]", 15);
            case CConditional c: return (Expr(c.Condition, 4) + " ? " + Expr(c.WhenTrue, 3) + " : " + Expr(c.WhenFalse, 3), 3);
            case CComma c: return (string.Join(", ", c.Items.Select(x => Expr(x, 2))), 1);
            case CSizeOf s: return ("sizeof(" + CDeclarator.TypeName(StripConst(s.Type), target.Prototypes) + ")", 14);
            case CInitList il:
                {
                    var items = il.Items.Select((x, k) => (il.Designators?[k] is string d ? "." + d + " = " : "") + Expr(x, 2));
                    string body = il.Items.Count == 0 ? "{ 0 }" : "{ " + string.Join(", ", items) + " }";
                    return il.CompoundType is null ? (body, 16) : ("(" + CDeclarator.TypeName(il.CompoundType, target.Prototypes) + ")" + body, 15);
                }
            default: throw new InvalidOperationException("unknown expression " + e.GetType().Name);
        }
    }
}
