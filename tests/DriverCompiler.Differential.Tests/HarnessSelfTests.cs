using DriverCompiler.Differential.Tests.Infrastructure;
using DriverCompiler.Dsl;
using Xunit;

namespace DriverCompiler.Differential.Tests;

/// <summary>
/// The C half of the harness on hand-written C, independent of the lowering: the toolchains work,
/// the probe prints what .NET prints, a crash is blamed on the right program and the programs after
/// it still run, and a strict-flag warning is a compile failure.
/// </summary>
public sealed class HarnessSelfTests
{
    private const string Good = """
        #include "probe.h"
        void t_program_run(void)
        {
            probe_i(42); probe_i(-9); probe_u(~(probe_u64)0); probe_b(1); probe_b(0); probe_str("ok");
        }
        """;
    private const string Crash = """
        #include "probe.h"
        static int *volatile nowhere;
        void t_program_run(void) { probe_i(1); *nowhere = 1; probe_i(2); }
        """;
    private const string After = """
        #include "probe.h"
        void t_program_run(void) { probe_i(7); }
        """;
    private const string Broken = """
        #include "probe.h"
        void t_program_run(void) { int unused; probe_i(0); }
        """;

    [Fact]
    public void Hand_written_C_runs_on_every_toolchain_and_a_crash_is_attributed()
    {
        string root = Path.Combine(Path.GetTempPath(), "drvc-diff-self-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var programs = new[] { ("Good", Good), ("Crash", Crash), ("After", After), ("Broken", Broken) }
                .Select((x, i) =>
                {
                    var p = new ProgramResult(x.Item1, i);
                    foreach (var target in new[] { DriverTarget.AmigaOS4, DriverTarget.Amix })
                    {
                        string dir = Path.Combine(root, "src", target.ToString(), x.Item1);
                        Directory.CreateDirectory(dir);
                        File.WriteAllText(Path.Combine(dir, "t.c"), x.Item2.Replace("\r\n", "\n") + "\n");
                        p.EmittedDir[target] = dir;
                    }
                    return p;
                }).ToList();
            var run = new DifferentialRun(programs);
            Assert.True(run.MissingTools.Count == 0, string.Join("\n", run.MissingTools));
            run.ExecuteC();
            foreach (var t in Toolchain.All)
            {
                Assert.Equal(new Outcome("ran", "42\n-9\n18446744073709551615\ntrue\nfalse\nok\n", null), programs[0].Outcomes[t]);
                var crash = programs[1].Outcomes[t];
                Assert.Equal("run", crash.Stage);
                Assert.Contains("output before it stopped:\n1\n", crash.Failure);
                Assert.Equal(new Outcome("ran", "7\n", null), programs[2].Outcomes[t]);
                Assert.Equal("compile", programs[3].Outcomes[t].Stage);
                Assert.Contains("unused", programs[3].Outcomes[t].Failure);
            }
            Directory.Delete(run.WorkDir, recursive: true);
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        }
    }
}
