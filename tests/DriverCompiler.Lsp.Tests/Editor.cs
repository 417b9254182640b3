using System.Text.Json.Nodes;
using DriverCompiler.Packaging.Tests;

namespace DriverCompiler.Lsp.Tests;

/// <summary>One LSP diagnostic, reduced to what an editor draws: id, severity (1 = error) and 0-based range.</summary>
public sealed record Squiggle(string Id, int Severity, int StartLine, int StartCharacter, int EndLine, int EndCharacter)
{
    /// <summary>The diagnostic as LSP sent it (for <c>textDocument/codeAction</c>'s context).</summary>
    public JsonNode? Raw { get; init; }

    public override string ToString() => $"{Id}@{StartLine}:{StartCharacter}-{EndLine}:{EndCharacter}";
}

/// <summary>
/// The editor of a driver author: the toolchain packed and installed from this repository
/// (<see cref="Toolchain"/>), a project made by <c>drvc new</c> and restored from the local feed
/// only, and csharp-ls (the repository's local dotnet tool) serving it over LSP, started once for
/// the test class. Every wait is bounded; a timeout fails with the server's last messages.
/// </summary>
public sealed class Editor : IDisposable
{
    /// <summary>How long csharp-ls may take to load the project with MSBuild (slow, shared machines).</summary>
    public static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(300);

    /// <summary>How long one request may take once the project is loaded.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(120);

    /// <summary>Files the project holds on disk before the server starts (name → text).</summary>
    public static readonly IReadOnlyDictionary<string, string> OnDisk = new Dictionary<string, string>
    {
        ["Stats.cs"] = "namespace Widget;\n\npublic static class Stats\n{\n}\n",
        ["Table.cs"] = "namespace Widget;\n\npublic static class Table\n{\n}\n",
    };

    public Toolchain Toolchain { get; }
    public string Project { get; }
    public LspClient Server { get; }

    public Editor()
    {
        Toolchain = new Toolchain();
        try
        {
            string parent = Toolchain.NewFolder("Widget");
            var created = Toolchain.Exec(parent, Toolchain.Drvc, ["new", "Widget", "--target", "amigaos4"]);
            if (created.Exit != 0) throw new InvalidOperationException("drvc new failed:\n" + created);
            Project = Path.Combine(parent, "Widget");
            foreach (var (name, text) in OnDisk) File.WriteAllText(Path.Combine(Project, name), text);
            // An editor opens a restored project (VS Code's C# extension restores first, too).
            var restore = Toolchain.Exec(Project, Toolchain.Dotnet, ["restore", "--nologo"]);
            if (restore.Exit != 0) throw new InvalidOperationException("dotnet restore failed:\n" + restore);

            // The repository's tool manifest (dotnet-tools.json) is found from the working folder.
            Server = LspClient.Start(Toolchain.Dotnet, ["tool", "run", "csharp-ls", "--", "--loglevel", "info"], Toolchain.RepoRoot,
                new Dictionary<string, string>
                {
                    ["NUGET_PACKAGES"] = Toolchain.PackagesCache,
                    ["MSBUILDDISABLENODEREUSE"] = "1",
                    ["DOTNET_CLI_UI_LANGUAGE"] = "en",
                    ["DOTNET_NOLOGO"] = "1",
                    ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
                });
            // csharp-ls runs the project's analyzers (DriverCompiler.Dsl's DRV analyzer) only when the editor enables them.
            Server.Settings["csharp"] = new JsonObject { ["analyzersEnabled"] = true };
            Server.Initialize(Project, LoadTimeout).GetAwaiter().GetResult();
            // csharp-ls loads the project with MSBuild only when the first document is opened (not on
            // initialized): the tests wait for it after their didOpen (LspTests.DiagnosticsOnceLoaded).
        }
        catch
        {
            Server?.Dispose();
            Toolchain.Dispose();
            throw;
        }
    }

    /// <summary>The file URI of a project file.</summary>
    public string Uri(string file) => new Uri(Path.Combine(Project, file)).AbsoluteUri;

    public void Dispose()
    {
        Server.Dispose();
        Toolchain.Dispose();
    }
}
