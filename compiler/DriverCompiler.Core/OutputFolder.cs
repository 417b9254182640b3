using System.Security.Cryptography;
using System.Text;

namespace DriverCompiler.Core;

/// <summary>
/// drvc refused to write an output folder, before touching anything. The message names the folder
/// or the files and says what to do; the command line reports it with exit code 2.
/// </summary>
public sealed class OutputRefusedException : IOException
{
    /// <summary>Creates the exception with the message shown to the user.</summary>
    /// <param name="message">What is wrong and what to do about it.</param>
    public OutputRefusedException(string message) : base(message) { }
}

/// <summary>
/// Writes a build's files into an output folder that drvc owns only in part, as compilers and
/// generators do: drvc replaces or removes exactly the files it wrote the last time (listed with a
/// SHA-256 each in <see cref="ManifestName"/> inside the folder) and leaves every other file alone.
/// </summary>
/// <remarks>
/// <para>The rules, checked before anything is written (a violation throws <see cref="OutputRefusedException"/>):</para>
/// <list type="bullet">
/// <item>the output folder is not the driver folder, does not contain it, and is not inside it
/// except under the driver's own <c>out/</c> folder (<see cref="CheckPlacement"/>);</item>
/// <item>an existing folder without a manifest must be empty: drvc did not create it;</item>
/// <item>a file at a path drvc writes or removes must be as drvc left it (its hash is the one in the
/// manifest, or already the new content), unless <c>force</c> is given: then drvc overwrites such a
/// file, and a changed file it no longer emits is kept and left out of the new manifest.</item>
/// </list>
/// <para>Every new file is written into a staging folder inside the output folder first, then moved
/// over its old version with one rename each; removed files go next and the manifest last, so an
/// interrupted write never leaves the manifest claiming a file drvc did not write.</para>
/// </remarks>
public static class OutputFolder
{
    /// <summary>The manifest's file name inside the output folder.</summary>
    public const string ManifestName = ".drvc-manifest";

    /// <summary>The start of the manifest's first line; a file of that name without it is not drvc's.</summary>
    public const string ManifestHeader = "# drvc output manifest";

    private const string StagingPrefix = ".drvc-staging-";

    private static readonly StringComparison PathComparison =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Refuses an output folder that is the driver folder, contains it, or lies inside it anywhere
    /// but under the driver's <c>out/</c> folder (the default of the MSBuild emit target).
    /// </summary>
    /// <param name="outDir">The output folder as the user gave it.</param>
    /// <param name="driverDir">The driver folder as the user gave it.</param>
    /// <exception cref="OutputRefusedException">The folder is refused; nothing was written.</exception>
    public static void CheckPlacement(string outDir, string driverDir)
    {
        // Through symbolic links too: a link to the driver folder is the driver folder.
        string output = Real(Full(outDir)), driver = Real(Full(driverDir));
        if (string.Equals(output, driver, PathComparison))
            throw new OutputRefusedException($"output folder '{outDir}' is the driver folder: drvc does not write among your sources; drop --out (the default is out/<driver name>) or name a folder outside '{driverDir}'");
        if (IsInside(driver, output))
            throw new OutputRefusedException($"output folder '{outDir}' contains the driver folder '{driverDir}': drvc does not write around your sources; name a folder of its own, such as out/<driver name>");
        if (IsInside(output, driver) && !IsInsideOrSame(output, Path.Combine(driver, "out")))
            throw new OutputRefusedException($"output folder '{outDir}' lies inside the driver's sources '{driverDir}': only the driver's own out/ folder may hold output there");
    }

    /// <summary>
    /// Writes <paramref name="files"/> into <paramref name="outDir"/> under the rules above and
    /// records them in the manifest. Files the previous build wrote that this one does not emit are removed.
    /// </summary>
    /// <param name="outDir">The output folder; created if it does not exist.</param>
    /// <param name="files">The build's files (paths relative to the folder, with '/' separators).</param>
    /// <param name="toolVersion">Written into the manifest's header line.</param>
    /// <param name="force">Overwrite files at drvc's paths that were changed since drvc wrote them, or that drvc did not write.</param>
    /// <exception cref="OutputRefusedException">The folder is refused; nothing was written.</exception>
    /// <exception cref="IOException">Writing failed.</exception>
    public static void Write(string outDir, IReadOnlyList<EmittedFile> files, string toolVersion, bool force)
    {
        ArgumentNullException.ThrowIfNull(outDir);
        ArgumentNullException.ThrowIfNull(files);
        string root = Full(outDir);
        if (File.Exists(root))
            throw new OutputRefusedException($"output folder '{outDir}' is a file");

        var fresh = new SortedDictionary<string, (byte[] Bytes, string Hash)>(StringComparer.Ordinal);
        foreach (var f in files)
        {
            string rel = CheckRelative(f.RelativePath.Replace('\\', '/'), outDir, "an emitted file");
            byte[] bytes = new UTF8Encoding(false).GetBytes(f.Content);
            fresh[rel] = (bytes, Hash(bytes));
        }

        bool existed = Directory.Exists(root);
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        if (existed)
        {
            string manifest = Path.Combine(root, ManifestName);
            if (File.Exists(manifest)) previous = ReadManifest(manifest, outDir);
            else if (Directory.EnumerateFileSystemEntries(root).Any())
                throw new OutputRefusedException($"output folder '{outDir}' is not empty and drvc did not create it (it has no {ManifestName}); drvc writes only into a new or empty folder, or one it wrote before: name another folder, or empty this one");
        }

        // Every path drvc would overwrite or remove must hold what drvc left there (or already the new bytes).
        var changed = new List<string>();
        var keep = new HashSet<string>(StringComparer.Ordinal); // changed files drvc no longer emits: left alone under force
        foreach (var rel in fresh.Keys.Union(previous.Keys).OrderBy(p => p, StringComparer.Ordinal))
        {
            string path = Path.Combine(root, rel);
            if (Directory.Exists(path))
                throw new OutputRefusedException($"'{Path.Combine(outDir, rel)}' is a folder where drvc writes a file; move it away");
            if (!File.Exists(path)) continue;
            string onDisk = Hash(File.ReadAllBytes(path));
            if (fresh.TryGetValue(rel, out var n) && n.Hash == onDisk) continue;
            if (previous.TryGetValue(rel, out var p) && p == onDisk) continue;
            changed.Add(previous.ContainsKey(rel) ? $"'{rel}' was changed since drvc wrote it" : $"'{rel}' was not written by drvc");
            if (!fresh.ContainsKey(rel)) keep.Add(rel);
        }
        if (changed.Count > 0 && !force)
            throw new OutputRefusedException($"output folder '{outDir}': {string.Join("; ", changed)}; drvc does not overwrite or remove a file it did not leave there: move the file away, or pass --force to overwrite it");

        Directory.CreateDirectory(root);
        string staging = Path.Combine(root, StagingPrefix + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            foreach (var (rel, (bytes, _)) in fresh)
            {
                string path = Path.Combine(staging, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, bytes);
            }
            string stagedManifest = Path.Combine(staging, ManifestName);
            File.WriteAllText(stagedManifest, FormatManifest(fresh.ToDictionary(e => e.Key, e => e.Value.Hash), toolVersion), new UTF8Encoding(false));

            foreach (var rel in fresh.Keys)
            {
                string dest = Path.Combine(root, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
                File.Move(Path.Combine(staging, rel), dest, overwrite: true);
            }
            foreach (var rel in previous.Keys.Where(r => !fresh.ContainsKey(r) && !keep.Contains(r)).OrderBy(r => r, StringComparer.Ordinal))
            {
                string path = Path.Combine(root, rel);
                if (!File.Exists(path)) continue;
                File.Delete(path);
                RemoveEmptyParents(Path.GetDirectoryName(path)!, root);
            }
            File.Move(stagedManifest, Path.Combine(root, ManifestName), overwrite: true);
        }
        catch when (!existed)
        {
            // Nothing but drvc's own files can be in a folder drvc created in this call.
            try { Directory.Delete(root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Reads a manifest: relative path to lower-case SHA-256 hex.</summary>
    /// <param name="path">The manifest file.</param>
    /// <param name="outDir">The output folder as the user gave it, for messages.</param>
    /// <exception cref="OutputRefusedException">The file is not a drvc manifest or has a bad line.</exception>
    public static Dictionary<string, string> ReadManifest(string path, string outDir)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || !lines[0].StartsWith(ManifestHeader, StringComparison.Ordinal))
            throw new OutputRefusedException($"'{Path.Combine(outDir, ManifestName)}' is not a drvc manifest (its first line does not start with '{ManifestHeader}'); drvc does not know which files here are its own: name another folder");
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Length == 0 || line[0] == '#') continue;
            // sha256sum's format: 64 hex digits, two spaces, the path.
            if (line.Length < 67 || line[64] != ' ' || line[65] != ' ' || !line[..64].All(Uri.IsHexDigit))
                throw new OutputRefusedException($"'{Path.Combine(outDir, ManifestName)}' line {i + 1} is not '<sha256>  <path>'; drvc does not know which files here are its own");
            string rel = CheckRelative(line[66..], outDir, $"{ManifestName} line {i + 1}");
            entries[rel] = line[..64].ToLowerInvariant();
        }
        return entries;
    }

    private static string FormatManifest(IReadOnlyDictionary<string, string> entries, string toolVersion)
    {
        var sb = new StringBuilder();
        sb.Append(ManifestHeader).Append(" (drvc ").Append(toolVersion).Append(')').Append('\n');
        sb.Append("# drvc wrote the files below; its next build into this folder replaces or removes exactly these and leaves every other file alone.\n");
        sb.Append("# Format: SHA-256, two spaces, path (as sha256sum prints).\n");
        foreach (var (rel, hash) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            sb.Append(hash).Append("  ").Append(rel).Append('\n');
        return sb.ToString();
    }

    /// <summary>A relative path that stays inside the folder: no root, no empty, '.' or '..' segment, not the manifest.</summary>
    private static string CheckRelative(string rel, string outDir, string what)
    {
        var parts = rel.Split('/');
        if (rel.Length == 0 || Path.IsPathRooted(rel) || rel.Contains('\\') || parts.Any(p => p is "" or "." or "..")
            || string.Equals(rel, ManifestName, PathComparison) || parts[0].StartsWith(StagingPrefix, StringComparison.Ordinal))
            throw new OutputRefusedException($"{what} in '{outDir}' names '{rel}', which is not a plain path inside the folder; drvc does not know which files here are its own");
        return rel;
    }

    private static void RemoveEmptyParents(string dir, string root)
    {
        while (IsInside(dir, root) && !Directory.EnumerateFileSystemEntries(dir).Any())
        {
            Directory.Delete(dir);
            dir = Path.GetDirectoryName(dir)!;
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// <paramref name="full"/> with every symbolic link among its existing leading components
    /// resolved (what realpath does for the part that exists); the rest is appended unchanged.
    /// </summary>
    private static string Real(string full)
    {
        string? root = Path.GetPathRoot(full);
        if (string.IsNullOrEmpty(root)) return full;
        string current = root;
        var parts = full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length; i++)
        {
            string next = Path.Combine(current, parts[i]);
            FileSystemInfo info = new DirectoryInfo(next);
            if (!info.Exists)
                return Path.Combine([current, .. parts[i..]]);
            for (int hops = 0; info.LinkTarget is not null && hops < 40; hops++)
            {
                next = Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(next)!);
                next = Real(next);
                info = new DirectoryInfo(next);
            }
            current = next;
        }
        return Path.TrimEndingDirectorySeparator(current);
    }

    private static string Full(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>True when <paramref name="path"/> is strictly inside <paramref name="folder"/> (both full paths).</summary>
    private static bool IsInside(string path, string folder)
    {
        string prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.Length > prefix.Length && path.StartsWith(prefix, PathComparison);
    }

    private static bool IsInsideOrSame(string path, string folder) =>
        string.Equals(path, Path.TrimEndingDirectorySeparator(folder), PathComparison) || IsInside(path, folder);
}
