namespace DriverCompiler.Scripts;

/// <summary>
/// The NCR/Symbios 53C7xx/8xx chip family member a SCRIPTS program is assembled for.
/// The numeric value is the chip number used by ncr53cxxx's <c>ARCH n</c> statement and <c>-a n</c> option.
/// </summary>
/// <remarks>
/// What it changes (ncr53cxxx behaviour, facts §3.7): the register numbers used by register moves
/// (see <see cref="ScriptRegisters"/>), whether table indirection (<c>FROM</c>, 710 and later),
/// <c>LOAD</c>/<c>STORE</c> (810 and later) and <c>+ SFBR</c> (825) are allowed. The instruction bit
/// layout is otherwise the same for every member.
/// </remarks>
public enum ScriptArch
{
    /// <summary>53C700: no DSA, no SCRATCH; no table indirection.</summary>
    Ncr700 = 700,
    /// <summary>53C710 (A4091, A4000T): the project's primary target.</summary>
    Ncr710 = 710,
    /// <summary>53C720 (8xx-style register file).</summary>
    Ncr720 = 720,
    /// <summary>53C770 (A4770); 720 register file plus SCRATCHC..SCRATCHJ.</summary>
    Ncr770 = 770,
    /// <summary>53C810: adds LOAD/STORE.</summary>
    Ncr810 = 810,
    /// <summary>53C825: adds <c>MOVE reg op SFBR</c>.</summary>
    Ncr825 = 825,
}

/// <summary>Helpers for <see cref="ScriptArch"/>.</summary>
public static class ScriptArchInfo
{
    /// <summary>Parses a chip number (<c>"700"</c>, <c>"710"</c>, <c>"720"</c>, <c>"770"</c>, <c>"810"</c>, <c>"825"</c>).</summary>
    /// <param name="text">The number as written after <c>ARCH</c> or <c>-a</c>.</param>
    /// <param name="arch">The parsed architecture when the result is true.</param>
    /// <returns>True if <paramref name="text"/> names a supported chip.</returns>
    public static bool TryParse(string? text, out ScriptArch arch)
    {
        arch = default;
        if (string.IsNullOrWhiteSpace(text) || !int.TryParse(text.Trim(), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out int n))
            return false;
        if (!Enum.IsDefined(typeof(ScriptArch), n))
            return false;
        arch = (ScriptArch)n;
        return true;
    }

    /// <summary>True if the chip supports table-indirect addressing (<c>FROM</c>): 53C710 and later (ncr53cxxx check <c>arch &lt; ARCH710</c>).</summary>
    public static bool HasTableIndirect(this ScriptArch arch) => arch >= ScriptArch.Ncr710;

    /// <summary>True if the chip has LOAD/STORE: 53C810 and later.</summary>
    public static bool HasLoadStore(this ScriptArch arch) => arch >= ScriptArch.Ncr810;

    /// <summary>True if register operations may take SFBR as the second operand (<c>MOVE reg + SFBR TO reg</c>): 53C825.</summary>
    public static bool HasSfbrOperand(this ScriptArch arch) => arch >= ScriptArch.Ncr825;

    /// <summary>The chip number, e.g. 710.</summary>
    public static int Number(this ScriptArch arch) => (int)arch;
}

/// <summary>
/// SCSI bus phase as encoded in SCRIPTS bits 26–24 (MSG, C/D, I/O; 53C710 SSTAT2 bits 2–0).
/// Names follow ncr53cxxx's phase keywords (<c>data_out</c> … <c>msg_in</c>).
/// </summary>
public enum ScsiPhase
{
    /// <summary><c>DATA_OUT</c> (0).</summary>
    DataOut = 0,
    /// <summary><c>DATA_IN</c> (1).</summary>
    DataIn = 1,
    /// <summary><c>CMD</c> (2), COMMAND.</summary>
    Command = 2,
    /// <summary><c>STATUS</c> (3).</summary>
    Status = 3,
    /// <summary><c>RES4</c> (4), reserved.</summary>
    Reserved4 = 4,
    /// <summary><c>RES5</c> (5), reserved.</summary>
    Reserved5 = 5,
    /// <summary><c>MSG_OUT</c> (6).</summary>
    MessageOut = 6,
    /// <summary><c>MSG_IN</c> (7).</summary>
    MessageIn = 7,
}

/// <summary>A position in a source file: 1-based line and column (columns count characters; a tab is one column).</summary>
/// <param name="File">The file name as given by the caller (for the text front end, the path passed to the tool).</param>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column number.</param>
public sealed record SourceLocation(string File, int Line, int Column)
{
    /// <summary>MSBuild form <c>file(line,col)</c>.</summary>
    public override string ToString() => $"{File}({Line},{Column})";
}

/// <summary>Severity of a <see cref="ScriptDiagnostic"/>.</summary>
public enum ScriptDiagnosticSeverity
{
    /// <summary>Assembly still succeeds.</summary>
    Warning,
    /// <summary>Assembly fails; nothing is written.</summary>
    Error,
}

/// <summary>
/// One assembler message. Codes are stable and documented in docs/scripts.md (SCR0001 … ).
/// </summary>
/// <param name="Code">Stable code such as <c>SCR0003</c>.</param>
/// <param name="Message">Human-readable text.</param>
/// <param name="Location">Where, if known (the C# front end may pass null).</param>
/// <param name="Severity">Error or warning.</param>
public sealed record ScriptDiagnostic(string Code, string Message, SourceLocation? Location, ScriptDiagnosticSeverity Severity = ScriptDiagnosticSeverity.Error)
{
    /// <summary>MSBuild form: <c>path(line,col): error SCR0001: message</c> (or without a location: <c>error SCR0001: message</c>).</summary>
    public override string ToString()
    {
        string sev = Severity == ScriptDiagnosticSeverity.Error ? "error" : "warning";
        return Location is null ? $"{sev} {Code}: {Message}" : $"{Location}: {sev} {Code}: {Message}";
    }
}

/// <summary>The stable diagnostic codes of the SCRIPTS assembler.</summary>
public static class ScriptErrorCodes
{
    /// <summary>Syntax error: unexpected or missing token.</summary>
    public const string Syntax = "SCR0001";
    /// <summary>Unknown directive or instruction mnemonic.</summary>
    public const string UnknownStatement = "SCR0002";
    /// <summary>A symbol is used but never defined (and is not EXTERNAL).</summary>
    public const string UndefinedSymbol = "SCR0003";
    /// <summary>A symbol or PROC is defined twice, or a name is used for two kinds of symbol.</summary>
    public const string DuplicateSymbol = "SCR0004";
    /// <summary>A value does not fit its instruction field.</summary>
    public const string OutOfRange = "SCR0005";
    /// <summary>Unknown register, or register not present on the selected ARCH.</summary>
    public const string BadRegister = "SCR0006";
    /// <summary>Instruction form not available on the selected ARCH (table indirect, LOAD/STORE, + SFBR).</summary>
    public const string WrongArch = "SCR0007";
    /// <summary>ARCH missing where a register number is needed, or an unknown ARCH value.</summary>
    public const string ArchMissing = "SCR0008";
    /// <summary>An instruction refers to a label of another PROC (separate arrays: no correct encoding exists).</summary>
    public const string CrossProcReference = "SCR0009";
    /// <summary>An EXTERNAL symbol is used where the loader cannot patch it (not a whole address dword, or not a plain added term).</summary>
    public const string BadExternalUse = "SCR0010";
    /// <summary>Invalid register move (neither side is SFBR, WITH CARRY without +, ...).</summary>
    public const string BadRegisterMove = "SCR0011";
    /// <summary>Unsupported directive (PASS).</summary>
    public const string Unsupported = "SCR0012";
    /// <summary>Malformed number.</summary>
    public const string BadNumber = "SCR0013";
    /// <summary>Circular ABSOLUTE/RELATIVE definitions or division by zero.</summary>
    public const string BadExpression = "SCR0014";
    /// <summary>I/O error reading the source or writing the output.</summary>
    public const string Io = "SCR9001";
}
