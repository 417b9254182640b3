using DriverCompiler.Scripts;

namespace DriverCompiler.Scripts.Tests;

internal static class Asm
{
    /// <summary>Parses and assembles; fails the test on any diagnostic.</summary>
    public static AssembledProgram Ok(string source, ScriptArch? arch = null)
    {
        var parsed = ScriptParser.Parse(source, "t.ss", arch);
        Assert.True(parsed.Succeeded, string.Join("\n", parsed.Diagnostics));
        var r = ScriptAssembler.Assemble(parsed.Program);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        return r.Program!;
    }

    /// <summary>Words of the first (only) PROC.</summary>
    public static uint[] Words(string source, ScriptArch? arch = null) => [.. Ok(source, arch).Procs[0].Words];

    /// <summary>Words of one instruction written after "ARCH 710" (and optional extra lines defining symbols).</summary>
    public static uint[] One(string instruction, string arch = "710") =>
        Words($"ARCH {arch}\n{instruction}\ntarget:\n\tNOP\n").Take(instruction.Contains("MEMORY", StringComparison.OrdinalIgnoreCase) ? 3 : 2).ToArray();

    /// <summary>All diagnostics (parse, then assembly).</summary>
    public static IReadOnlyList<ScriptDiagnostic> Errors(string source, ScriptArch? arch = null)
    {
        var parsed = ScriptParser.Parse(source, "bad.ss", arch);
        var r = ScriptAssembler.Assemble(parsed.Program);
        var all = parsed.Diagnostics.Concat(r.Diagnostics).ToList();
        Assert.NotEmpty(all);
        return all;
    }

    public static string Out(string source, bool partial = false, ScriptArch? arch = null) =>
        Ncr53cxxxWriter.Write(Ok(source, arch), new Ncr53cxxxOutputOptions
        {
            SourceName = "t.ss",
            Timestamp = new DateTime(2026, 6, 4, 15, 9, 14),
            Partial = partial,
        });
}
