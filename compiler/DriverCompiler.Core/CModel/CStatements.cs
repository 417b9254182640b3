namespace DriverCompiler.Core.CModel;

/// <summary>A C statement. <see cref="Origin"/> is the C# line it came from, for <c>#line</c>.</summary>
public abstract record CStmt
{
    public SourceOrigin? Origin { get; init; }
}

/// <summary>File and 1-based line of the C# a statement came from.</summary>
public sealed record SourceOrigin(string Path, int Line);

public sealed record CBlock(List<CStmt> Statements) : CStmt;
public sealed record CExprStmt(CExpr Expression) : CStmt;
/// <summary>Declaration of a local, with an optional initializer.</summary>
public sealed record CDecl(CLocal Local, CExpr? Init) : CStmt;
public sealed record CIf(CExpr Condition, CStmt Then, CStmt? Else) : CStmt;
public sealed record CWhile(CExpr Condition, CStmt Body) : CStmt;
public sealed record CDoWhile(CStmt Body, CExpr Condition) : CStmt;
/// <summary><c>for (init; cond; step)</c>; <see cref="Init"/> holds declarations or expression statements.</summary>
public sealed record CFor(List<CStmt> Init, CExpr? Condition, List<CExpr> Step, CStmt Body) : CStmt;
public sealed record CSwitch(CExpr Value, List<CSwitchSection> Sections) : CStmt;
/// <summary>A switch section: its case labels (null = default) and statements.</summary>
public sealed record CSwitchSection(List<CExpr?> Labels, List<CStmt> Body);
public sealed record CBreak : CStmt;
public sealed record CEmpty : CStmt;
public sealed record CContinue : CStmt;
public sealed record CGoto(string Label) : CStmt;
public sealed record CLabeled(string Label, CStmt Statement) : CStmt;
public sealed record CReturn(CExpr? Value) : CStmt;
/// <summary>A comment line (kept short: the C# origin of something non-obvious).</summary>
public sealed record CComment(string Text) : CStmt;
