using DriverCompiler.Differential.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DriverCompiler.Differential.Tests;

/// <summary>Runs the corpus once for the whole test collection; the tests then read the results.</summary>
public sealed class DifferentialFixture : IDisposable
{
    private readonly IMessageSink sink;

    public DifferentialFixture(IMessageSink sink)
    {
        this.sink = sink;
        Run = new DifferentialRun();
        Run.Execute();
        Results = Run.Programs.ToDictionary(p => p.Name);
        sink.OnMessage(new DiagnosticMessage(Run.Summary()));
        File.WriteAllText(Path.Combine(Run.WorkDir, "summary.txt"), Run.Summary());
        // Every disagreeing program's report in one file, for reading while fixing.
        File.WriteAllText(Path.Combine(Run.WorkDir, "verdicts.txt"),
            string.Concat(Run.Programs.Select(p => Run.Verdict(p)).Where(v => v is not null)));
    }

    public DifferentialRun Run { get; }
    public IReadOnlyDictionary<string, ProgramResult> Results { get; }

    public void Dispose()
    {
        bool allAgree = Run.Programs.All(p => Run.Verdict(p) is null);
        // DRVC_CORPUS_KEEP=1 keeps the emitted C of a passing run too, for reading it.
        if (allAgree && Environment.GetEnvironmentVariable("DRVC_CORPUS_KEEP") is { Length: > 0 })
            sink.OnMessage(new DiagnosticMessage($"Differential corpus: emitted C kept in {Run.WorkDir}"));
        else if (allAgree)
        {
            try { Directory.Delete(Run.WorkDir, recursive: true); }
            catch (IOException) { }
        }
        else sink.OnMessage(new DiagnosticMessage(
            $"Differential corpus: emitted C and build products of failing programs kept in {Run.WorkDir}"));
    }
}

[CollectionDefinition(Name)]
public sealed class DifferentialCollection : ICollectionFixture<DifferentialFixture>
{
    public const string Name = "Differential corpus";
}
