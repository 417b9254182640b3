// DriverCompiler build. Targets:
//   Build       compile the solution (Release)
//   Test        run every test project; prints "Tests: N passed, M failed, K skipped"
//   Emit        build drvc only, then lower every driver under drivers/ into out/<driver name>/ (the main job)
//   CrossBuild  Emit, then build each AmigaOS 4 driver in the os4-gcc Docker image
//   Pack        the drvc dotnet tool and the DriverCompiler.Dsl package into artifacts/packages
//   Bench       the benchmarks (tests/DriverCompiler.Benchmarks); --cold: only the cold starts of the installed tool
//   Fuzz        a differential fuzzing campaign (tests/DriverCompiler.Fuzz): --programs=N or --minutes=M, --seed=S, --crash=N
//   Mutate      Stryker.NET mutation testing of DriverCompiler.Core's Lower/ and Emit/ (slow; not part of Test).
//               --mutate=Emit/CPrinter.cs,Lower/Constants.cs limits it to those files (paths or globs under
//               compiler/DriverCompiler.Core); --per-file one run per file; stage 1 --test-projects=A,B (in-process,
//               fast), stage 2 --then-test-projects=C (the differential corpus) on stage 1's survivors only;
//               --test-case-filter=<dotnet test filter>; --since=<ref>. Scoreboard rows: artifacts/mutation/scoreboard.md
//               (docs/mutation.md keeps them).
// Usage: dotnet tool restore && dotnet cake --target=<Target>

using System.Xml.Linq;

var target = Argument("target", "Test");
var configuration = Argument("configuration", "Release");
var solution = "./DriverCompiler.sln";
var drvc = $"./compiler/DriverCompiler.Cli/bin/{configuration}/net10.0/drvc.dll";

Task("Build").Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration, NoLogo = true });
    // Test runs every tests/**/*.Tests.csproj with --no-build: build any the solution does not list yet.
    var listed = System.IO.File.ReadAllText(solution).Replace('\\', '/');
    foreach (var project in GetFiles("./tests/**/*.Tests.csproj"))
    {
        var relative = MakeAbsolute(Directory(".")).GetRelativePath(project).FullPath;
        if (listed.Contains(relative)) continue;
        Warning($"{relative} is not in {solution}; building it on its own");
        DotNetBuild(project.FullPath, new DotNetBuildSettings { Configuration = configuration, NoLogo = true });
    }
});

// A skipped test is in the trx's total but not executed: the Counters element's notExecuted stays 0 for it (the
// xunit adapter's Skip is outcome NotExecuted on the result only), so a skip was reported as "0 skipped".
static int Skipped(XElement counters) => (int)counters.Attribute("total") - (int)counters.Attribute("executed");

Task("Test").IsDependentOn("Build").Does(() =>
{
    var results = MakeAbsolute(Directory("./artifacts/test-results"));
    CleanDirectory(results);
    var projects = GetFiles("./tests/**/*.Tests.csproj").OrderBy(p => p.FullPath).ToList();
    int failedProjects = 0, index = 0;
    var summary = new List<string>();
    foreach (var project in projects)
    {
        var name = project.GetFilenameWithoutExtension().ToString();
        // Plain Console.WriteLine throughout: CI logs have no terminal for Information()'s colours.
        Console.WriteLine($"== [{++index}/{projects.Count}] {name}");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        bool threw = false;
        try
        {
            // The console logger prints each test's result as it finishes, so a long project shows progress.
            DotNetTest(project.FullPath, new DotNetTestSettings
            {
                Configuration = configuration, NoBuild = true, NoLogo = true,
                Loggers = new[] { $"trx;LogFileName={results}/{name}.trx", "console;verbosity=normal" },
            });
        }
        catch (Exception) { threw = true; failedProjects++; }
        var trx = $"{results}/{name}.trx";
        string counts = "no results (the test host did not finish)";
        if (System.IO.File.Exists(trx))
        {
            var c = XDocument.Load(trx).Descendants().First(e => e.Name.LocalName == "Counters");
            int f = (int)c.Attribute("failed") + (int)c.Attribute("error") + (int)c.Attribute("timeout") + (int)c.Attribute("aborted");
            counts = $"{(int)c.Attribute("passed")} passed / {f} failed / {Skipped(c)} skipped";
        }
        var line = $"== {name}: {(threw ? "FAILED" : "ok")}, {counts} in {clock.Elapsed.TotalSeconds:0} s";
        Console.WriteLine(line);
        summary.Add(line);
    }
    int passed = 0, failed = 0, skipped = 0;
    foreach (var trx in GetFiles($"{results}/*.trx"))
    {
        var counters = XDocument.Load(trx.FullPath).Descendants().First(e => e.Name.LocalName == "Counters");
        passed += (int)counters.Attribute("passed");
        failed += (int)counters.Attribute("failed") + (int)counters.Attribute("error") + (int)counters.Attribute("timeout") + (int)counters.Attribute("aborted");
        skipped += Skipped(counters);
    }
    foreach (var line in summary) Console.WriteLine(line);
    // The closing line CI reads: keep it last and in this exact form.
    Console.WriteLine($"Tests: {passed} passed, {failed} failed, {skipped} skipped");
    if (failed > 0 || failedProjects > 0) throw new Exception($"{failed} test(s) failed in {failedProjects} project(s)");
});

// The main job needs drvc and nothing else: build the CLI project (and what it references), not the tests.
Task("BuildDrvc").Does(() =>
{
    DotNetBuild("./compiler/DriverCompiler.Cli/DriverCompiler.Cli.csproj", new DotNetBuildSettings { Configuration = configuration, NoLogo = true });
});

Task("Emit").IsDependentOn("BuildDrvc").Does(() =>
{
    // No --out: drvc's own rule names the folder, out/<the name in [assembly: Driver]> (out/sample,
    // out/virtioscsi, out/a4091), the same as `drvc build drivers/<X>` run from the repository root.
    // A folder another driver's project references (a ProjectReference) is a driver library: drvc lowers it into
    // the drivers that use it, and it has no output of its own.
    var libraries = GetFiles("./drivers/*/*.csproj")
        .SelectMany(p => System.Xml.Linq.XDocument.Load(p.FullPath).Descendants().Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => System.IO.Path.GetFullPath(System.IO.Path.Combine(p.GetDirectory().FullPath, ((string)e.Attribute("Include") ?? "").Replace('\\', '/')))))
        .Select(System.IO.Path.GetDirectoryName).ToHashSet();
    foreach (var dir in GetDirectories("./drivers/*").Where(d => GetFiles(d.FullPath + "/**/*.cs").Any()).OrderBy(d => d.FullPath))
    {
        var name = dir.GetDirectoryName();
        if (libraries.Contains(System.IO.Path.GetFullPath(dir.FullPath)))
        {
            Console.WriteLine($"== drivers/{name}: a driver library, lowered into the drivers that reference it");
            continue;
        }
        Console.WriteLine($"== drvc build drivers/{name}");
        int rc = StartProcess("dotnet", new ProcessSettings { Arguments = $"{drvc} build drivers/{name}", WorkingDirectory = MakeAbsolute(Directory(".")) });
        if (rc != 0) throw new Exception($"drvc build drivers/{name} failed with exit code {rc}");
    }
});

Task("CrossBuild").IsDependentOn("Emit").Does(() =>
{
    int info = StartProcess("docker", new ProcessSettings { Arguments = "info", RedirectStandardOutput = true, RedirectStandardError = true });
    if (info != 0)
        throw new Exception("No Docker engine is available (`docker info` failed): CrossBuild needs one to run walkero/amigagccondocker:os4-gcc11.");
    foreach (var dir in GetDirectories("./out/*").Where(d => FileExists(d.CombineWithFilePath("Makefile")) && FileExists(d.CombineWithFilePath("drv/amigaos4.h"))))
    {
        int rc = StartProcess("docker", new ProcessSettings { Arguments = $"run --rm -v {dir.FullPath}:/src -w /src walkero/amigagccondocker:os4-gcc11 make" });
        if (rc != 0) throw new Exception($"cross build of {dir.GetDirectoryName()} failed with exit code {rc}");
    }
});

Task("Pack").IsDependentOn("Build").Does(() =>
{
    foreach (var p in new[] { "./compiler/DriverCompiler.Cli", "./compiler/DriverCompiler.Dsl" })
        // drvc is packed per runtime identifier (ReadyToRun), which publishes it per RID: that is a build of its own.
        DotNetPack(p, new DotNetPackSettings { Configuration = configuration, NoBuild = !p.EndsWith("Cli"), NoLogo = true, OutputDirectory = "./artifacts/packages" });
});

Task("Bench").IsDependentOn("Build").Does(() =>
{
    // The cold-start figures are taken for the CLI as `dotnet build` leaves it (JIT, the baseline) and for the tool
    // as a user installs it: packed (one package per runtime identifier; linux-x64 is ReadyToRun) and installed with
    // `dotnet tool install` from a local feed into artifacts/bench/tool. --cold: the cold-start figures only.
    var feed = MakeAbsolute(Directory("./artifacts/bench/feed"));
    var tool = MakeAbsolute(Directory("./artifacts/bench/tool"));
    foreach (var d in new[] { feed, tool }) if (DirectoryExists(d)) DeleteDirectory(d, new DeleteDirectorySettings { Recursive = true, Force = true });
    CreateDirectory(feed);
    DotNetPack("./compiler/DriverCompiler.Cli", new DotNetPackSettings { Configuration = "Release", OutputDirectory = feed, NoLogo = true });
    var version = GetFiles($"{feed}/DriverCompiler.Cli.*.nupkg").Select(f => f.GetFilenameWithoutExtension().ToString()["DriverCompiler.Cli.".Length..])
        .Single(v => char.IsAsciiDigit(v[0]));
    int rc = StartProcess("dotnet", new ProcessSettings { Arguments = $"tool install --tool-path \"{tool}\" --add-source \"{feed}\" --version {version} DriverCompiler.Cli" });
    if (rc != 0) throw new Exception($"dotnet tool install of the packed drvc failed with exit code {rc}");
    DotNetRun("./tests/DriverCompiler.Benchmarks", HasArgument("cold") ? "--cold" : "", new DotNetRunSettings { Configuration = "Release" });
});

// Differential fuzzing (issue 15): random programs in the subset, run in .NET and as C on host gcc, qemu-ppc and
// qemu-m68k; findings are reduced and written to artifacts/fuzz-findings/. --programs=N (default 100) or
// --minutes=M, --seed=S (first seed, default 1; the Test target's fixed seeds are 1..24), --crash=N mutants of
// the drivers' and corpus sources too, --no-reduce. A progress line per batch, a summary table at the end.
Task("Fuzz").Does(() =>
{
    DotNetBuild("./tests/DriverCompiler.Fuzz/DriverCompiler.Fuzz.csproj", new DotNetBuildSettings { Configuration = configuration, NoLogo = true });
    var args = new List<string>();
    foreach (var name in new[] { "programs", "minutes", "seed", "crash", "batch" })
        if (HasArgument(name)) args.Add($"--{name} {Argument<string>(name)}");
    if (HasArgument("no-reduce")) args.Add("--no-reduce");
    int code = StartProcess("dotnet", new ProcessSettings {
        Arguments = $"./tests/DriverCompiler.Fuzz/bin/{configuration}/net10.0/DriverCompiler.Fuzz.dll {string.Join(" ", args)}" });
    if (code != 0) throw new Exception(code == 1 ? "the campaign has findings (artifacts/fuzz-findings/)" : $"the fuzzer exited with {code}");
});

// Mutation testing (issue 9): Stryker.NET mutates compiler/DriverCompiler.Core/Lower and Emit one change at a
// time and runs the test projects that load Core in-process; a mutant no test kills is a survivor. Projects that
// run drvc as a separate process or test the drivers on QEMU cannot see an in-process mutant. One test process
// at a time (--concurrency 1). docs/mutation.md keeps the per-file scoreboard and the survivors judged harmless.
//
// A mutant is killed when any project kills it, so the projects run in two stages, cheapest first:
//   stage 1, --test-projects (default DriverCompiler.Tests,DriverCompiler.Diagnostics.Tests): Core in-process,
//     seconds per mutant; every mutant of the file(s);
//   stage 2, --then-test-projects (default DriverCompiler.Differential.Tests): its fixture lowers, compiles and
//     runs the whole corpus on three toolchains, minutes per mutant; only the lines of stage 1's survivors and
//     uncovered mutants are mutated again. --then-test-projects=none stops after stage 1 (the scoreboard row
//     then says "stage 1 only": its survivors are not yet survivors of the whole suite).
// --mutate=Emit/CPrinter.cs,Lower/Constants.cs narrows the run (paths or globs under compiler/DriverCompiler.Core;
// Stryker's {start..end} suffix is a character span, not lines); --per-file runs each matched file on its own
// (its own report under artifacts/mutation/<File>/, so a long campaign keeps what finished; --resume reuses a stage 1
// report found there); --since=<ref> mutates only what changed since a commit; --test-case-filter=<dotnet test filter> applies to every stage.
// After each run one row per file (docs/mutation.md's columns) is printed and appended to artifacts/mutation/scoreboard.md.
Task("Mutate").Does(() =>
{
    var core = MakeAbsolute(Directory("./compiler/DriverCompiler.Core"));
    string[] Projects(string list) => list == "none" ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var stage1 = Projects(Argument("test-projects", "DriverCompiler.Tests,DriverCompiler.Diagnostics.Tests"));
    var stage2 = Projects(Argument("then-test-projects", "DriverCompiler.Differential.Tests"));
    // --mutate (or the older --mutate-only): a comma-separated list of files or globs under DriverCompiler.Core.
    var only = Argument<string>("mutate", null) ?? Argument<string>("mutate-only", null);
    var globs = only is null
        ? new[] { "Lower/**/*.cs", "Emit/**/*.cs" }
        : only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    var since = Argument<string>("since", null);
    var filter = Argument<string>("test-case-filter", null);   // dotnet test --filter syntax
    var output = MakeAbsolute(Directory("./artifacts/mutation"));
    EnsureDirectoryExists(output);
    string commit = Git("rev-parse --short HEAD");

    // One Stryker run; returns its JSON report (mutation-testing-elements schema).
    System.Text.Json.Nodes.JsonObject Stryker(string outDir, IEnumerable<string> projects, IEnumerable<string> patterns)
    {
        var args = new List<string> { "dotnet-stryker", "--project DriverCompiler.Core.csproj", "--configuration Release", "--concurrency 1",
            "--reporter html", "--reporter json", "--reporter progress", "--reporter cleartext", $"--output {outDir}", "--skip-version-check" };
        args.AddRange(projects.Select(t => $"--test-project {MakeAbsolute(File($"./tests/{t}/{t}.csproj")).FullPath}"));
        args.AddRange(patterns.Select(g => $"--mutate \"{g}\""));
        if (since is not null) args.Add($"--since:{since}");
        if (filter is not null) args.Add($"--test-case-filter \"{filter}\"");
        Console.WriteLine("dotnet " + string.Join(" ", args));
        // The differential corpus keeps the gcc objects of emitted C it has compiled before (keyed by the C's bytes,
        // the headers' and the flags): a mutant changes the C of a few programs, so the rest is not compiled again.
        // A private TMPDIR: the corpus works in $TMPDIR/drvc-diff-*, and a shared /tmp is cleaned by other jobs
        // (a run here once lost its work folder half way).
        EnsureDirectoryExists($"{output}/tmp");
        int rc = StartProcess("dotnet", new ProcessSettings { Arguments = string.Join(" ", args), WorkingDirectory = core,
            EnvironmentVariables = new Dictionary<string, string> { ["DRVC_CORPUS_CACHE"] = $"{output}/corpus-cache", ["TMPDIR"] = $"{output}/tmp" } });
        if (rc != 0) throw new Exception($"Stryker failed with exit code {rc}");
        return (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText($"{outDir}/reports/mutation-report.json"));
    }

    // Stage 1 over the patterns, stage 2 over the lines of stage 1's survivors; a row per file.
    void Run(string name, string[] patterns)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var dir = $"{output}/{name}";
        // --resume: a stage 1 report already in place (an interrupted or earlier run) is used instead of running stage 1 again.
        var firstReport = $"{dir}/stage1/reports/mutation-report.json";
        var first = HasArgument("resume") && System.IO.File.Exists(firstReport)
            ? (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(firstReport))
            : Stryker($"{dir}/stage1", stage1, patterns.Select(p => "**/" + p));
        var files = (System.Text.Json.Nodes.JsonObject)first["files"];
        var open = new List<string>();   // stage 2 patterns: each file's survivor lines as character spans
        foreach (var (path, file) in files)
        {
            var lines = file["mutants"].AsArray().Where(m => (string)m["status"] is "Survived" or "NoCoverage")
                .SelectMany(m => Enumerable.Range((int)m["location"]["start"]["line"], (int)m["location"]["end"]["line"] - (int)m["location"]["start"]["line"] + 1))
                .Distinct().Order().ToList();
            if (lines.Count == 0) continue;
            string source = (string)file["source"];
            var starts = new List<int> { 0 };
            for (int i = 0; i < source.Length; i++) if (source[i] == '\n') starts.Add(i + 1);
            int End(int line) => line < starts.Count ? starts[line] : source.Length;   // 1-based line: its end, newline included
            // Runs of consecutive lines become one span: a mutant over two lines must lie inside a single span.
            var runs = new List<(int First, int Last)>();
            foreach (int l in lines)
                if (runs.Count > 0 && runs[^1].Last == l - 1) runs[^1] = (runs[^1].First, l);
                else runs.Add((l, l));
            var relative = System.IO.Path.GetRelativePath(core.FullPath, System.IO.Path.GetFullPath(path, core.FullPath)).Replace('\\', '/');
            open.Add("**/" + relative + string.Concat(runs.Select(r => $"{{{starts[r.First - 1]}..{End(r.Last)}}}")));
        }
        string stages = "stage 1 only";
        if (stage2.Length > 0 && open.Count > 0)
        {
            var second = (System.Text.Json.Nodes.JsonObject)Stryker($"{dir}/stage2", stage2, open)["files"];
            static string Key(System.Text.Json.Nodes.JsonNode m) => $"{m["mutatorName"]}|{m["replacement"]}|{m["location"].ToJsonString()}";
            foreach (var (path, file) in files)
            {
                if (!second.ContainsKey(path)) continue;
                var killed = second[path]["mutants"].AsArray().Where(m => (string)m["status"] is "Killed" or "Timeout")
                    .ToDictionary(Key, m => (string)m["status"]);
                foreach (var m in file["mutants"].AsArray())
                    if ((string)m["status"] is "Survived" or "NoCoverage" && killed.TryGetValue(Key(m), out var status))
                        m["status"] = status;
            }
            stages = "stages 1+2";
            System.IO.File.WriteAllText($"{dir}/merged-report.json", first.ToJsonString());
        }
        else if (stage2.Length > 0) stages = "stages 1+2 (nothing left for 2)";
        var minutes = clock.Elapsed.TotalMinutes;
        var rows = new List<string>();
        foreach (var (path, file) in files)
        {
            var status = file["mutants"].AsArray().GroupBy(m => (string)m["status"]).ToDictionary(g => g.Key, g => g.Count());
            int N(string s) => status.GetValueOrDefault(s);
            int detected = N("Killed") + N("Timeout"), valid = detected + N("Survived") + N("NoCoverage");
            if (valid == 0) continue;   // a file outside --mutate (its mutants Ignored, or rolled back as compile errors)
            var relative = System.IO.Path.GetRelativePath(core.FullPath, System.IO.Path.GetFullPath(path, core.FullPath)).Replace('\\', '/');
            bool dirty = Git($"status --porcelain -- compiler/DriverCompiler.Core/{relative}").Length > 0;
            rows.Add($"| {relative} | {commit}{(dirty ? "+dirty" : "")} | {valid + N("CompileError")} | {N("Killed")} | {N("Survived")} | {N("Timeout")} | {N("NoCoverage")} | {N("CompileError")} | " +
                     $"{(valid == 0 ? "n/a" : $"{100.0 * detected / valid:F1} %")} | {minutes:F0} min | {stages}: {string.Join(",", stage1)} then {(stage2.Length == 0 ? "-" : string.Join(",", stage2))} |");
        }
        foreach (var r in rows) Console.WriteLine(r);
        System.IO.File.AppendAllLines($"{output}/scoreboard.md", rows);
    }

    if (HasArgument("per-file"))
    {
        var files = globs.SelectMany(g => GetFiles($"{core}/{g}")).Select(f => core.GetRelativePath(f).FullPath).Distinct().OrderBy(f => f).ToList();
        foreach (var f in files) Run(System.IO.Path.GetFileNameWithoutExtension(f), new[] { f });
    }
    else Run("all", globs);
});

string Git(string arguments)
{
    StartProcess("git", new ProcessSettings { Arguments = arguments, RedirectStandardOutput = true }, out var lines);
    return string.Join("\n", lines).Trim();
}

RunTarget(target);
