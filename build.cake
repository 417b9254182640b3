// DriverCompiler build. Targets:
//   Build       compile the solution (Release)
//   Test        run every test project; prints "Tests: N passed, M failed, K skipped"
//   Emit        build drvc only, then lower every driver under drivers/ into out/<driver name>/ (the main job)
//   CrossBuild  Emit, then build each AmigaOS 4 driver in the os4-gcc Docker image
//   Pack        the drvc dotnet tool and the DriverCompiler.Dsl package into artifacts/packages
//   Bench       the benchmarks (tests/DriverCompiler.Benchmarks); --cold: only the cold starts of the installed tool
//   Fuzz        a differential fuzzing campaign (tests/DriverCompiler.Fuzz): --programs=N or --minutes=M, --seed=S, --crash=N
//   Mutate      Stryker.NET mutation testing of DriverCompiler.Core's Lower/ and Emit/ (slow; not part of Test).
//               --mutate=Emit/CPrinter.cs,Lower/ConstantExpressions.cs limits it to those files (paths or globs
//               under compiler/DriverCompiler.Core, a line span as File.cs{10..40}); --test-projects=A,B picks the
//               test projects; --test-case-filter=<dotnet test filter>; --since=<ref>; DRVC_CORPUS_ONLY=Name1,Name2
//               in the environment limits the differential corpus each run compiles (filter out its
//               whole-corpus checks then, e.g. --test-case-filter="FullyQualifiedName!~Every_program_agrees").
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

// Mutation testing (issue 9): Stryker.NET mutates compiler/DriverCompiler.Core/Lower and Emit one
// change at a time and runs the test projects that load Core in-process (the differential corpus,
// the diagnostics and the CLI contract); a mutant no test kills is a survivor. Projects that run
// drvc as a separate process or test the drivers on QEMU cannot see an in-process mutant. One test
// process at a time (--concurrency 1): the differential corpus already uses every core.
// Options: --mutate-only=<glob under Core, e.g. Emit/CPrinter.cs> narrows the run, --since=<ref>
// mutates only what changed since a commit, --test-projects=<A.Tests,B.Tests> replaces the list. Report: artifacts/mutation/reports/mutation-report.html.
Task("Mutate").Does(() =>
{
    var core = MakeAbsolute(Directory("./compiler/DriverCompiler.Core"));
    var tests = Argument("test-projects", "DriverCompiler.Tests,DriverCompiler.Diagnostics.Tests,DriverCompiler.Differential.Tests")
        .Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(t => MakeAbsolute(File($"./tests/{t}/{t}.csproj")).FullPath);
    // --mutate (or the older --mutate-only): a comma-separated list of files or globs under DriverCompiler.Core.
    var only = Argument<string>("mutate", null) ?? Argument<string>("mutate-only", null);
    var globs = only is null
        ? new[] { "**/Lower/**/*.cs", "**/Emit/**/*.cs" }
        : only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(g => "**/" + g).ToArray();
    var since = Argument<string>("since", null);
    var filter = Argument<string>("test-case-filter", null);   // dotnet test --filter syntax
    var args = new List<string> { "dotnet-stryker", "--project DriverCompiler.Core.csproj", "--configuration Release", "--concurrency 1",
        "--reporter html", "--reporter json", "--reporter progress", "--reporter cleartext",
        $"--output {MakeAbsolute(Directory("./artifacts/mutation")).FullPath}", "--skip-version-check" };
    args.AddRange(tests.Select(t => $"--test-project {t}"));
    args.AddRange(globs.Select(g => $"--mutate \"{g}\""));
    if (since is not null) args.Add($"--since:{since}");
    if (filter is not null) args.Add($"--test-case-filter \"{filter}\"");
    int rc = StartProcess("dotnet", new ProcessSettings { Arguments = string.Join(" ", args), WorkingDirectory = core });
    if (rc != 0) throw new Exception($"Stryker failed with exit code {rc}");
});

RunTarget(target);
