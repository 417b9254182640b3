using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DriverCompiler.Lsp.Tests;

/// <summary>
/// A minimal LSP client: JSON-RPC 2.0 with Content-Length framing over a language server's
/// stdin/stdout (System.Text.Json only). It answers the server's own requests
/// (<c>workspace/configuration</c>, capability registration, progress tokens) the way a plain
/// editor does, keeps the last published diagnostics per document, and keeps the last server
/// messages (log, stderr, notifications) so that every timeout fails with what the server said.
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly object writeLock = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly ConcurrentQueue<string> recent = new();
    private readonly ConcurrentDictionary<string, JsonArray> published = new();
    private readonly SemaphoreSlim anyMessage = new(0);
    private readonly CancellationTokenSource stop = new();
    private int nextId;

    /// <summary>The answers to <c>workspace/configuration</c>, by section (an empty object for any other section).</summary>
    public Dictionary<string, JsonNode> Settings { get; } = new(StringComparer.Ordinal);

    /// <summary>The server's capabilities from its <c>initialize</c> answer.</summary>
    public JsonNode? ServerCapabilities { get; private set; }

    private LspClient(Process process)
    {
        this.process = process;
        input = process.StandardInput.BaseStream;
        _ = Task.Run(ReadLoop);
        _ = Task.Run(async () =>
        {
            string? line;
            while ((line = await process.StandardError.ReadLineAsync().ConfigureAwait(false)) != null) Remember("stderr: " + line);
        });
    }

    /// <summary>
    /// Starts <paramref name="file"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>
    /// (with <paramref name="environment"/> added) as a language server on stdio.
    /// </summary>
    public static LspClient Start(string file, IEnumerable<string> args, string workingDirectory, IReadOnlyDictionary<string, string> environment)
    {
        var psi = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start " + file);
        return new LspClient(p);
    }

    /// <summary>The diagnostics last published for <paramref name="uri"/> (null if none were).</summary>
    public JsonArray? Published(string uri) => published.TryGetValue(uri, out var d) ? d : null;

    /// <summary>The last server messages, oldest first, for failure messages.</summary>
    public string RecentMessages() => string.Join("\n", recent);

    private void Remember(string what)
    {
        recent.Enqueue(what.Length > 2000 ? what[..2000] + "…" : what);
        while (recent.Count > 80) recent.TryDequeue(out _);
    }

    private async Task ReadLoop()
    {
        var stdout = process.StandardOutput.BaseStream;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int length = -1;
                // Headers: ASCII lines up to an empty line.
                while (true)
                {
                    string? header = await ReadHeaderLine(stdout).ConfigureAwait(false);
                    if (header == null) { Remember("server closed its output"); return; }
                    if (header.Length == 0) break;
                    if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        length = int.Parse(header["Content-Length:".Length..].Trim());
                }
                if (length < 0) throw new InvalidDataException("an LSP message without Content-Length");
                var body = new byte[length];
                await stdout.ReadExactlyAsync(body).ConfigureAwait(false);
                Dispatch(JsonNode.Parse(body)!);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidDataException or JsonException or EndOfStreamException)
        {
            Remember("reader stopped: " + e.Message);
        }
    }

    private static async Task<string?> ReadHeaderLine(Stream s)
    {
        var sb = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await s.ReadAsync(one).ConfigureAwait(false) == 0) return null;
            if (one[0] == '\n') return sb.ToString().TrimEnd('\r');
            sb.Append((char)one[0]);
        }
    }

    private void Dispatch(JsonNode message)
    {
        string? method = message["method"]?.GetValue<string>();
        JsonNode? id = message["id"];
        if (method == null && id != null)
        {
            if (pending.TryRemove(id.GetValue<int>(), out var tcs))
            {
                if (message["error"] is JsonNode error) tcs.TrySetException(new InvalidOperationException("LSP error: " + error.ToJsonString()));
                else tcs.TrySetResult(message["result"]);
            }
        }
        else if (method != null && id != null)
        {
            Remember("request " + method);
            // Requests from the server: answer as a plain editor with no settings does.
            JsonNode? result = method switch
            {
                "workspace/configuration" => new JsonArray((message["params"]?["items"]?.AsArray() ?? [])
                    .Select(item => item?["section"]?.ToString() is { } section && Settings.TryGetValue(section, out var value) ? value.DeepClone() : new JsonObject())
                    .ToArray()),
                _ => null,
            };
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
        }
        else if (method == "textDocument/publishDiagnostics")
        {
            var p = message["params"]!;
            var diags = p["diagnostics"]!.AsArray();
            published[p["uri"]!.GetValue<string>()] = diags;
            Remember($"publishDiagnostics {p["uri"]} ({diags.Count})");
        }
        else if (method != null)
        {
            Remember(method + " " + (message["params"]?.ToJsonString() ?? ""));
        }
        anyMessage.Release();
    }

    private void Send(JsonNode message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (writeLock)
        {
            input.Write(header);
            input.Write(body);
            input.Flush();
        }
    }

    /// <summary>Sends a request and waits for its result; throws with the recent server messages on timeout or error.</summary>
    public async Task<JsonNode?> Request(string method, JsonNode? parameters, TimeSpan timeout)
    {
        int id = Interlocked.Increment(ref nextId);
        var tcs = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = tcs;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var done = await Task.WhenAny(tcs.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (done != tcs.Task)
        {
            pending.TryRemove(id, out _);
            throw new TimeoutException($"{method} got no answer in {timeout.TotalSeconds:0} s{Exited()}. Last server messages:\n{RecentMessages()}");
        }
        try { return await tcs.Task.ConfigureAwait(false); }
        catch (InvalidOperationException e) { throw new InvalidOperationException($"{method}: {e.Message}\nLast server messages:\n{RecentMessages()}", e); }
    }

    /// <summary>Sends a notification (no answer).</summary>
    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>The <c>initialize</c> / <c>initialized</c> handshake for a workspace folder.</summary>
    public async Task Initialize(string rootFolder, TimeSpan timeout)
    {
        var rootUri = new Uri(rootFolder.TrimEnd('/') + "/").AbsoluteUri.TrimEnd('/');
        var result = await Request("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = rootUri,
            ["rootPath"] = rootFolder,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = Path.GetFileName(rootFolder) }),
            ["capabilities"] = new JsonObject
            {
                ["window"] = new JsonObject { ["workDoneProgress"] = true },
                ["workspace"] = new JsonObject { ["configuration"] = true, ["workspaceFolders"] = true },
                ["textDocument"] = new JsonObject
                {
                    ["synchronization"] = new JsonObject { ["didSave"] = true },
                    ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = false, ["versionSupport"] = true },
                    ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
                    ["codeAction"] = new JsonObject
                    {
                        ["codeActionLiteralSupport"] = new JsonObject
                        {
                            ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("", "quickfix", "refactor", "source") },
                        },
                        ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") },
                        ["dataSupport"] = true,
                    },
                },
            },
        }, timeout).ConfigureAwait(false);
        ServerCapabilities = result?["capabilities"];
        Notify("initialized", new JsonObject());
    }

    /// <summary>Waits until <paramref name="condition"/> holds over the recent messages, or throws with them after <paramref name="timeout"/>.</summary>
    public async Task WaitForMessage(Func<string, bool> condition, string what, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!recent.Any(condition))
        {
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"{what}: not seen in {timeout.TotalSeconds:0} s{Exited()}. Last server messages:\n{RecentMessages()}");
            await anyMessage.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }
    }

    private string Exited() => process.HasExited ? $" (the server exited with code {process.ExitCode})" : "";

    /// <summary>Shuts the server down politely, then kills it (and its MSBuild nodes) if it lingers.</summary>
    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                var shutdown = Request("shutdown", null, TimeSpan.FromSeconds(10));
                shutdown.Wait(TimeSpan.FromSeconds(11));
                Notify("exit", null);
                process.WaitForExit(5000);
            }
        }
        catch (Exception e) when (e is AggregateException or IOException or TimeoutException or InvalidOperationException) { }
        finally
        {
            if (!process.HasExited)
            {
                try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            }
            stop.Cancel();
            process.Dispose();
        }
    }
}
