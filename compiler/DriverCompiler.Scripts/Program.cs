namespace DriverCompiler.Scripts;

/// <summary>
/// A SCRIPTS program: an ordered list of statements (PROCs, labels, symbol directives, instructions),
/// built by the <c>.ss</c> parser (<see cref="ScriptParser"/>) or in memory by the C# front end, and
/// turned into words by <see cref="ScriptAssembler"/>.
/// </summary>
/// <remarks>
/// Order matters as in ncr53cxxx: instructions before the first <see cref="ProcStatement"/> go to an
/// array named <c>SCRIPT</c>; each PROC starts a new array whose offsets restart at 0; symbols are
/// emitted in the order their names are first seen (definition, ENTRY/EXTERNAL or reference).
/// </remarks>
public sealed class ScriptProgram
{
    /// <summary>The ARCH in force before the first <see cref="ArchStatement"/> (the tool's <c>-a</c> option), or null.</summary>
    public ScriptArch? Arch { get; set; }

    /// <summary>The statements in source order.</summary>
    public List<ScriptStatement> Statements { get; } = [];

    /// <summary>Appends a statement; returns this program for chaining.</summary>
    /// <param name="statement">Statement to append.</param>
    public ScriptProgram Add(ScriptStatement statement)
    {
        Statements.Add(statement);
        return this;
    }
}

/// <summary>Base of every statement.</summary>
public abstract class ScriptStatement
{
    /// <summary>Where the statement starts, if known.</summary>
    public SourceLocation? Location { get; init; }
}

/// <summary><c>ARCH n</c>: selects the register numbering and the allowed forms from here on.</summary>
/// <param name="arch">The chip.</param>
public sealed class ArchStatement(ScriptArch arch) : ScriptStatement
{
    /// <summary>The chip.</summary>
    public ScriptArch Arch { get; } = arch;
}

/// <summary><c>PROC name:</c>: closes the current array and starts a new one called <paramref name="name"/>; offsets restart at 0.</summary>
/// <param name="name">C identifier of the array.</param>
public sealed class ProcStatement(string name) : ScriptStatement
{
    /// <summary>Array name.</summary>
    public string Name { get; } = name;
}

/// <summary><c>name:</c>: defines a label whose value is the byte offset of the next instruction within the current PROC.</summary>
/// <param name="name">Label name (case-sensitive).</param>
public sealed class LabelStatement(string name) : ScriptStatement
{
    /// <summary>Label name.</summary>
    public string Name { get; } = name;
}

/// <summary>A symbol name written in a list directive, with its own location.</summary>
/// <param name="Name">The name.</param>
/// <param name="Location">Where it is written, if known.</param>
public sealed record SymbolName(string Name, SourceLocation? Location = null);

/// <summary><c>ENTRY a, b, …</c>: the labels are emitted as <c>#define Ent_a offset</c>.</summary>
/// <param name="names">Label names.</param>
public sealed class EntryStatement(IReadOnlyList<SymbolName> names) : ScriptStatement
{
    /// <summary>Label names.</summary>
    public IReadOnlyList<SymbolName> Names { get; } = names;
}

/// <summary>
/// <c>EXTERNAL a, b, …</c> (also <c>EXTERN</c>): symbols with value 0 whose every use is listed in
/// <c>E_a_Used[]</c> (dword indexes) so the driver can add the real value at load time.
/// </summary>
/// <param name="names">Symbol names.</param>
public sealed class ExternalStatement(IReadOnlyList<SymbolName> names) : ScriptStatement
{
    /// <summary>Symbol names.</summary>
    public IReadOnlyList<SymbolName> Names { get; } = names;
}

/// <summary>Kind of a defined constant.</summary>
public enum DefineKind
{
    /// <summary><c>ABSOLUTE</c>: emitted as <c>A_name</c>.</summary>
    Absolute,
    /// <summary><c>RELATIVE</c>: emitted as <c>R_name</c> (ncr53cxxx treats it as a plain constant too).</summary>
    Relative,
}

/// <summary><c>ABSOLUTE name = expr</c> / <c>RELATIVE name = expr</c>.</summary>
/// <param name="kind">ABSOLUTE or RELATIVE.</param>
/// <param name="name">Symbol name.</param>
/// <param name="value">Value expression (may use other constants and labels; not EXTERNALs).</param>
public sealed class DefineStatement(DefineKind kind, string name, ScriptExpression value) : ScriptStatement
{
    /// <summary>ABSOLUTE or RELATIVE.</summary>
    public DefineKind Kind { get; } = kind;
    /// <summary>Symbol name.</summary>
    public string Name { get; } = name;
    /// <summary>Value expression.</summary>
    public ScriptExpression Value { get; } = value;
}
