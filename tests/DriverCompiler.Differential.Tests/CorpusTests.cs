using System.Text.RegularExpressions;
using DriverCompiler.Differential.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace DriverCompiler.Differential.Tests;

/// <summary>
/// Proof by differential execution (issue 2): each corpus program prints the same lines in .NET,
/// lowered to the amigaos4 dialect and run natively and under qemu-ppc, and lowered to the amix
/// dialect and run under qemu-m68k.
/// </summary>
[Collection(DifferentialCollection.Name)]
public sealed class CorpusTests(DifferentialFixture fixture, ITestOutputHelper output)
{
    /// <summary>Programs listed in KnownGaps.txt: known lowering gaps, run but expected to fail.</summary>
    public static IReadOnlySet<string> KnownGaps { get; } = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(Repo.CorpusDir)!, "KnownGaps.txt"))
        .Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0).Select(l => l.Split(' ', 2)[0]).ToHashSet(StringComparer.Ordinal);

    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        foreach (var n in Repo.ProgramNames().Where(n => !KnownGaps.Contains(n) && (DifferentialRun.Only is null || DifferentialRun.Only.Contains(n)))) data.Add(n);
        return data;
    }

    [Fact]
    public void Known_gaps_still_fail()
    {
        Assert.All(KnownGaps, g => Assert.Contains(g, Repo.ProgramNames()));
        Assert.True(DifferentialRun.Only is null, "DRVC_CORPUS_ONLY is set: the known gaps were not all run");
        var nowAgreeing = KnownGaps.Where(g => fixture.Run.Verdict(fixture.Results[g]) is null).ToList();
        output.WriteLine($"{KnownGaps.Count} known gaps of {Repo.ProgramNames().Count} programs");
        Assert.True(nowAgreeing.Count == 0, "these now agree on every target; delete them from KnownGaps.txt: " + string.Join(", ", nowAgreeing));
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program_agrees_with_dotnet_on_every_target(string program)
    {
        var result = fixture.Results[program];
        output.WriteLine(".NET output:\n" + (result.DotNetOutput ?? "(none)"));
        string? verdict = fixture.Run.Verdict(result);
        Assert.True(verdict is null, verdict);
    }

    [Fact]
    public void Toolchain_is_installed()
    {
        Assert.True(fixture.Run.MissingTools.Count == 0, string.Join("\n", fixture.Run.MissingTools));
    }

    [Fact]
    public void Every_program_agrees_summary()
    {
        string summary = fixture.Run.Summary();
        output.WriteLine(summary);
        Assert.True(DifferentialRun.Only is null, "DRVC_CORPUS_ONLY is set: only part of the corpus ran\n" + summary);
        var failing = fixture.Run.Programs.Where(p => fixture.Run.Verdict(p) is not null && !KnownGaps.Contains(p.Name)).Select(p => p.Name).ToList();
        Assert.True(failing.Count == 0, summary + $"failing ({failing.Count}): {string.Join(", ", failing)}");
    }

    [Fact]
    public void Corpus_is_large_enough_and_well_formed()
    {
        var names = Repo.ProgramNames();
        Assert.True(names.Count >= 170, $"the corpus has {names.Count} programs; the brief asks for at least 170");
        foreach (var n in names)
        {
            string text = File.ReadAllText(Path.Combine(Repo.CorpusDir, n + ".cs"));
            Assert.True(Regex.IsMatch(text, $@"^namespace Corpus\.{Regex.Escape(n)};", RegexOptions.Multiline),
                $"{n}.cs must declare the file-scoped namespace Corpus.{n}");
            Assert.Contains("public static unsafe class Program", text);
        }
    }

    [Fact]
    public void Harness_output_parser_splits_programs_and_finds_a_crash()
    {
        var (completed, crashed, partial) = DifferentialRun.ParseRun(
            "\u0001BEGIN A\n1\n2\n\u0001END A\n\u0001BEGIN B\nx\n\u0001END B\n\u0001BEGIN C\n7\n");
        Assert.Equal([("A", "1\n2\n"), ("B", "x\n")], completed);
        Assert.Equal("C", crashed);
        Assert.Equal("7\n", partial);
    }
}
