using DriverCompiler.Scripts;

namespace DriverCompiler.Scripts.Tests;

/// <summary>Malformed input: every error carries file(line,col) and a stable code; ScriptsTool exits non-zero and writes nothing.</summary>
public class ErrorTests
{
    [Theory]
    [InlineData("ARCH 710\n\tFROB 1\n", 2, 2, "SCR0002")]                        // unknown mnemonic
    [InlineData("ARCH 710\n\tJUMP nowhere\n", 2, 7, "SCR0003")]                  // undefined symbol at its use
    [InlineData("ARCH 710\na:\tNOP\na:\tNOP\n", 3, 1, "SCR0004")]                // label defined twice
    [InlineData("ABSOLUTE x = 1\nx:\tNOP\n", 2, 1, "SCR0004")]                   // name reused for another kind
    [InlineData("ARCH 710\n\tMOVE 0x1000000, 0, WHEN DATA_IN\n", 2, 7, "SCR0005")] // count > 24 bits
    [InlineData("ARCH 710\n\tSELECT 0x100, x\nx:\tNOP\n", 2, 9, "SCR0005")]      // ID > 8 bits
    [InlineData("ARCH 710\n\tMOVE 0x100 TO SCRATCH0\n", 2, 7, "SCR0005")]        // data > 8 bits
    [InlineData("ARCH 710\n\tJUMP x, IF 0x1ff\nx:\tNOP\n", 2, 13, "SCR0005")]    // compare data > 8 bits
    [InlineData("ARCH 710\n\tMOVE FOO TO SFBR\n", 2, 7, "SCR0003")]              // not a register: data symbol, undefined
    [InlineData("ARCH 710\n\tMOVE SCRATCH0 TO SCRATCH1\n", 2, 2, "SCR0011")]     // neither side SFBR
    [InlineData("ARCH 710\n\tMOVE SCRATCH0 | 1 TO SCRATCH0 WITH CARRY\n", 2, 37, "SCR0011")]
    [InlineData("ARCH 711\n", 1, 6, "SCR0008")]
    [InlineData("ARCH 710\n\tMOVE 1, 0x100, WHEN DATA_SIDEWAYS\n", 2, 22, "SCR0001")] // bad phase
    [InlineData("ARCH 710\n\tJUMP x, WHEN MSG_IN 0x01\nx:\tNOP\n", 2, 22, "SCR0001")] // AND missing
    [InlineData("ARCH 710\n\tJUMP x, IF 1, AND 0x0f\nx:\tNOP\n", 2, 20, "SCR0001")]   // MASK missing
    [InlineData("ARCH 710\n\tSELECT ATN 0x01 x\nx:\tNOP\n", 2, 18, "SCR0001")]  // comma missing
    [InlineData("ARCH 710\n\tSET ATN AND FOO\n", 2, 14, "SCR0001")]
    [InlineData("ARCH 710\n\tINT 0x1g\n", 2, 6, "SCR0013")]
    [InlineData("ARCH 710\n\tINT 09\n", 2, 6, "SCR0013")]                         // octal, like ncr53cxxx
    [InlineData("ARCH 710\n\tJUMP REL(x\nx:\tNOP\n", 2, 12, "SCR0001")]          // unclosed REL(
    [InlineData("ARCH 710\n\tNOP 1\n", 2, 6, "SCR0001")]                          // trailing junk
    [InlineData("PASS\n", 1, 1, "SCR0012")]
    [InlineData("ABSOLUTE a = b\nABSOLUTE b = a\n", 2, 10, "SCR0014")]      // cycle found at b
    [InlineData("ARCH 710\n\tINT 1 / 0\n", 2, 10, "SCR0014")]
    [InlineData("EXTERNAL e\nARCH 710\n\tMOVE e, 0, WHEN DATA_IN\n", 3, 7, "SCR0010")] // EXTERNAL in a dword0 field
    [InlineData("EXTERNAL e\nARCH 710\n\tINT 0 - e\n", 3, 10, "SCR0010")]
    [InlineData("ENTRY ghost\nARCH 710\n\tNOP\n", 1, 7, "SCR0003")]
    [InlineData("PROC a:\n\tNOP\nPROC a:\n\tNOP\n", 3, 1, "SCR0004")]
    [InlineData("ARCH 810\n\tLOAD SCRATCHA0, 5, 0x100\n", 2, 18, "SCR0005")]   // size 1..4 (ncr53cxxx never checks it)
    [InlineData("ARCH 810\n\tLOAD SCRATCHA2, 4, 0x100\n", 2, 18, "SCR0005")]   // would cross the register dword
    [InlineData("ARCH 810\n\tSTORE SFBR, 1, 0x100\n", 2, 8, "SCR0006")]
    public void ReportsCodeAndLocation(string source, int line, int column, string code)
    {
        var e = Asm.Errors(source)[0];
        Assert.Equal(code, e.Code);
        Assert.Equal(new SourceLocation("bad.ss", line, column), e.Location);
        Assert.Equal(ScriptDiagnosticSeverity.Error, e.Severity);
    }

    [Fact]
    public void ContinuesAfterAnErrorToReportLaterOnes()
    {
        var errs = Asm.Errors("ARCH 710\n\tFROB\n\tMOVE 1, 2, WHEN\n\tJUMP missing\n");
        Assert.Equal([2, 3, 4], errs.Select(e => e.Location!.Line));
    }

    [Fact]
    public void DiagnosticPrintsInMsBuildFormat()
    {
        var d = new ScriptDiagnostic("SCR0001", "expected ','", new SourceLocation("x.ss", 3, 9));
        Assert.Equal("x.ss(3,9): error SCR0001: expected ','", d.ToString());
    }
}

/// <summary>The <c>drvc scripts</c> entry point: files, exit codes, atomic output.</summary>
public sealed class ScriptsToolTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("scripts-tool-").FullName;

    public void Dispose() => Directory.Delete(dir, true);

    private string Write(string name, string text)
    {
        string p = Path.Combine(dir, name);
        File.WriteAllText(p, text);
        return p;
    }

    [Fact]
    public void WritesDefaultOutputNextToInput()
    {
        string src = Write("ok.ss", "ARCH 710\nENTRY go\nPROC s:\ngo:\tINT 0xff00\n");
        var so = new StringWriter();
        var se = new StringWriter();
        int rc = ScriptsTool.Run(src, null, null, so, se, new ScriptsToolOptions { Timestamp = new DateTime(2026, 1, 2, 3, 4, 5) });
        Assert.Equal(0, rc);
        Assert.Equal("", se.ToString());
        string text = File.ReadAllText(Path.Combine(dir, "ok.out"));
        Assert.Contains($" *\tcreated from {src} on Fri Jan  2 03:04:05 2026\n", text);
        Assert.Contains("\t0x98080000, 0x0000ff00,\t\t\t/* 000 -   0 */\n", text);
        Assert.Contains("#define\tEnt_go\t0x00000000\n", text);
        Assert.Empty(Directory.GetFiles(dir, "*.tmp"));   // the temporary file was moved into place
    }

    [Fact]
    public void ArchArgumentApplies()
    {
        string src = Write("r.ss", "\tMOVE ISTAT TO SFBR\n");
        string outp = Path.Combine(dir, "r.c");
        Assert.Equal(0, ScriptsTool.Run(src, outp, "720", TextWriter.Null, TextWriter.Null));
        Assert.Contains("0x72140000", File.ReadAllText(outp));
        Assert.Equal(1, ScriptsTool.Run(src, outp, "999", TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public void AssemblyErrorsExitOneAndWriteNothing()
    {
        string src = Write("bad.ss", "ARCH 710\n\tJUMP REL(nowhere)\n\tMOVE 1, 2 WHEN DATA_IN\n");
        string outp = Path.Combine(dir, "bad.out");
        var se = new StringWriter();
        int rc = ScriptsTool.Run(src, outp, null, TextWriter.Null, se);
        Assert.Equal(1, rc);
        Assert.False(File.Exists(outp));
        string[] lines = se.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{src}(2,11): error SCR0003: undefined symbol 'nowhere'", lines[0]);
        Assert.StartsWith($"{src}(3,12): error SCR0001: ", lines[1]);
        Assert.DoesNotContain("   at ", se.ToString());
    }

    [Fact]
    public void MissingInputExitsTwo()
    {
        var se = new StringWriter();
        Assert.Equal(2, ScriptsTool.Run(Path.Combine(dir, "none.ss"), null, null, TextWriter.Null, se));
        Assert.Contains("error SCR9001", se.ToString());
    }

    [Fact]
    public void UnwritableOutputExitsTwo()
    {
        string src = Write("ok.ss", "ARCH 710\n\tNOP\n");
        Assert.Equal(2, ScriptsTool.Run(src, Path.Combine(dir, "no", "such", "dir", "x.out"), null, TextWriter.Null, TextWriter.Null));
    }

    [Fact]
    public void ReplacesAnExistingScriptsOutput()
    {
        string src = Write("ok.ss", "ARCH 710\n\tNOP\n");
        string outp = Write("ok.out", Ncr53cxxxWriter.HeaderIdLine + "\n/* an older assembly */\n");
        Assert.Equal(0, ScriptsTool.Run(src, outp, null, TextWriter.Null, TextWriter.Null));
        Assert.StartsWith("/*\t$NetBSD: ncr53cxxx.c", File.ReadAllText(outp));
        Assert.DoesNotContain("older assembly", File.ReadAllText(outp));
    }

    [Fact]
    public void RefusesToOverwriteAFileThatIsNotScriptsOutput_UnlessForced()
    {
        string src = Write("ok.ss", "ARCH 710\n\tNOP\n");
        string outp = Write("notes.c", "int mine;\n");
        var se = new StringWriter();
        Assert.Equal(2, ScriptsTool.Run(src, outp, null, TextWriter.Null, se));
        Assert.Contains("is not SCRIPTS output", se.ToString());
        Assert.Equal("int mine;\n", File.ReadAllText(outp));
        Assert.Equal(0, ScriptsTool.Run(src, outp, null, TextWriter.Null, TextWriter.Null, new ScriptsToolOptions { Force = true }));
        Assert.StartsWith("/*\t$NetBSD: ncr53cxxx.c", File.ReadAllText(outp));
    }

    [Fact]
    public void RefusesTheSourceAsOutput_EvenForced()
    {
        string text = "ARCH 710\n\tNOP\n";
        string src = Write("self.ss", text);
        var se = new StringWriter();
        Assert.Equal(2, ScriptsTool.Run(src, Path.Combine(dir, ".", "self.ss"), null, TextWriter.Null, se, new ScriptsToolOptions { Force = true }));
        Assert.Contains("the SCRIPTS source itself", se.ToString());
        Assert.Equal(text, File.ReadAllText(src));
    }

    [Fact]
    public void RefusesAFolderAsOutput()
    {
        string src = Write("ok.ss", "ARCH 710\n\tNOP\n");
        Directory.CreateDirectory(Path.Combine(dir, "ok.out"));
        File.WriteAllText(Path.Combine(dir, "ok.out", "keep"), "k");
        Assert.Equal(2, ScriptsTool.Run(src, null, null, TextWriter.Null, TextWriter.Null));
        Assert.Equal("k", File.ReadAllText(Path.Combine(dir, "ok.out", "keep")));
    }
}
