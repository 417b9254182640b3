using System.Globalization;
using System.Text;

namespace DriverCompiler.Scripts;

/// <summary>Extra options of <see cref="ScriptsTool.Run(string, string?, string?, TextWriter, TextWriter, ScriptsToolOptions)"/>.</summary>
public sealed record ScriptsToolOptions
{
    /// <summary>ncr53cxxx <c>-p</c>: no INSTRUCTIONS/PATCHES/LABELPATCHES trailer.</summary>
    public bool Partial { get; init; }
    /// <summary>Array declaration style (default: plain, as the published .out files).</summary>
    public ScriptArrayStyle Style { get; init; } = ScriptArrayStyle.Plain;
    /// <summary>Header time; null means <c>SOURCE_DATE_EPOCH</c> if set, else now.</summary>
    public DateTime? Timestamp { get; init; }
    /// <summary>Overwrite an existing output file that is not SCRIPTS output (one that does not start with ncr53cxxx's header line).</summary>
    public bool Force { get; init; }
}

/// <summary>
/// The <c>drvc scripts &lt;file.ss&gt; [-o &lt;out&gt;] [-a 710]</c> verb: parse, assemble and write an
/// ncr53cxxx-format <c>.out</c> file.
/// </summary>
public static class ScriptsTool
{
    /// <summary>Assembles <paramref name="inputPath"/> with default options.</summary>
    /// <param name="inputPath">The <c>.ss</c> source; printed in messages and in the output header as given.</param>
    /// <param name="outputPath">Output file; null means the input path with its extension replaced by <c>.out</c>.</param>
    /// <param name="arch">Initial ARCH (<c>"700"</c>, <c>"710"</c>, <c>"720"</c>, <c>"770"</c>, <c>"810"</c>, <c>"825"</c>) or null; an ARCH statement in the source overrides it from that point, as in ncr53cxxx.</param>
    /// <param name="stdout">Receives a one-line summary on success.</param>
    /// <param name="stderr">Receives diagnostics in MSBuild format <c>path(line,col): error SCR0001: message</c>.</param>
    /// <returns>0 on success; 1 on assembly errors or a bad <paramref name="arch"/> (nothing is written); 2 on I/O errors and for an output drvc refuses to overwrite: the source itself, a folder, or an existing file that is not SCRIPTS output.</returns>
    public static int Run(string inputPath, string? outputPath, string? arch, TextWriter stdout, TextWriter stderr) =>
        Run(inputPath, outputPath, arch, stdout, stderr, new ScriptsToolOptions());

    /// <summary>Assembles <paramref name="inputPath"/>; see <see cref="Run(string, string?, string?, TextWriter, TextWriter)"/>.</summary>
    /// <param name="inputPath">The <c>.ss</c> source.</param>
    /// <param name="outputPath">Output file or null for <c>&lt;input&gt;.out</c>.</param>
    /// <param name="arch">Initial ARCH or null.</param>
    /// <param name="stdout">Summary output.</param>
    /// <param name="stderr">Diagnostics.</param>
    /// <param name="options">Partial output, array style, header time.</param>
    /// <returns>0, 1 or 2 as above.</returns>
    public static int Run(string inputPath, string? outputPath, string? arch, TextWriter stdout, TextWriter stderr, ScriptsToolOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputPath);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(options);
        ScriptArch? initial = null;
        if (arch is not null)
        {
            if (!ScriptArchInfo.TryParse(arch, out var a))
            {
                stderr.WriteLine($"error {ScriptErrorCodes.ArchMissing}: bad arch '{arch}': expected 700, 710, 720, 770, 810 or 825");
                return 1;
            }
            initial = a;
        }
        string text;
        try
        {
            text = File.ReadAllText(inputPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{inputPath}: error {ScriptErrorCodes.Io}: cannot read source: {e.Message}");
            return 2;
        }
        var parsed = ScriptParser.Parse(text, inputPath, initial);
        var result = ScriptAssembler.Assemble(parsed.Program);
        var diags = parsed.Diagnostics.Concat(result.Diagnostics)
            .OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0).ToList();
        foreach (var d in diags)
            stderr.WriteLine(d.ToString());
        if (!parsed.Succeeded || result.Program is null)
            return 1;

        outputPath ??= Path.ChangeExtension(inputPath, ".out");
        if (RefuseOutput(inputPath, outputPath, options.Force) is { } refusal)
        {
            stderr.WriteLine($"{outputPath}: error {ScriptErrorCodes.Io}: {refusal}");
            return 2;
        }
        string output = Ncr53cxxxWriter.Write(result.Program, new Ncr53cxxxOutputOptions
        {
            SourceName = inputPath,
            Timestamp = options.Timestamp ?? DefaultTimestamp(),
            Partial = options.Partial,
            Style = options.Style,
        });
        string? temp = null;
        try
        {
            string full = Path.GetFullPath(outputPath);
            string dir = Path.GetDirectoryName(full) ?? ".";
            temp = Path.Combine(dir, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
            File.WriteAllText(temp, output, new UTF8Encoding(false));
            File.Move(temp, full, overwrite: true);
            temp = null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"{outputPath}: error {ScriptErrorCodes.Io}: cannot write output: {e.Message}");
            return 2;
        }
        finally
        {
            if (temp is not null)
            {
                try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        var p = result.Program;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{outputPath}: {p.InstructionCount} instructions, {p.Procs.Sum(x => x.Words.Count)} words, {p.Procs.Count} PROC(s), {p.Symbols.Count} symbols, {p.LabelPatches.Count} label patches"));
        return 0;
    }

    /// <summary>
    /// Why <paramref name="outputPath"/> may not be written, or null. drvc never overwrites the
    /// source, a folder, or a file that is not SCRIPTS output: an existing file is replaced only when
    /// it starts with the header line ncr53cxxx and drvc write (<see cref="Ncr53cxxxWriter.HeaderIdLine"/>),
    /// or when <paramref name="force"/> is set.
    /// </summary>
    private static string? RefuseOutput(string inputPath, string outputPath, bool force)
    {
        string output, input;
        try
        {
            output = Path.GetFullPath(outputPath);
            input = Path.GetFullPath(inputPath);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"cannot write output: {e.Message}";
        }
        var comparison = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (string.Equals(output, input, comparison))
            return "the output is the SCRIPTS source itself; name another file with -o";
        if (Directory.Exists(output))
            return "the output is a folder; name a file with -o";
        if (!File.Exists(output) || force) return null;
        string first;
        try
        {
            using var reader = new StreamReader(output);
            first = reader.ReadLine() ?? "";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read the existing output: {e.Message}";
        }
        return first == Ncr53cxxxWriter.HeaderIdLine ? null
            : "the file exists and is not SCRIPTS output (its first line is not ncr53cxxx's header), so drvc did not write it; name another file with -o, or pass --force to overwrite it";
    }

    private static DateTime DefaultTimestamp()
    {
        string? epoch = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (epoch is not null && long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out long secs))
            return DateTimeOffset.FromUnixTimeSeconds(secs).UtcDateTime;
        return DateTime.Now;
    }
}
