using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace DriverCompiler.Differential.Tests.Infrastructure;

/// <summary>
/// Opt-in cache of the corpus's compiled objects, for mutation testing (the Cake target <c>Mutate</c> sets
/// <c>DRVC_CORPUS_CACHE=&lt;folder&gt;</c>): a mutant of the lowering changes the emitted C of a few programs,
/// so most of a run's 630 gcc invocations would repeat byte for byte what the previous run compiled.
/// The key is everything an object depends on: the toolchain (its gcc and strict flags), the entry point's
/// name, and the relative path and bytes of every file in the emitted folder and in the include folders
/// (runtime-headers, tests/include/&lt;dialect&gt;, the harness). Only objects that compiled and passed
/// objcopy with no diagnostic at all are stored, so a hit stands for exactly that outcome.
/// Off when the variable is unset: the Test target compiles everything on every run.
/// </summary>
internal static class ObjectCache
{
    /// <summary>The cache folder from <c>DRVC_CORPUS_CACHE</c>, or null when caching is off.</summary>
    public static string? Dir { get; } = Environment.GetEnvironmentVariable("DRVC_CORPUS_CACHE") is { Length: > 0 } d ? Path.GetFullPath(d) : null;

    private static readonly ConcurrentDictionary<string, string> FixedFolders = new(StringComparer.Ordinal);

    /// <summary>The object's key (hex SHA-256), or null when caching is off. <paramref name="includeDirs"/> are
    /// hashed once per process (they do not change during a run); <paramref name="emittedDir"/> every time.</summary>
    public static string? Key(Toolchain t, string entry, IEnumerable<string> includeDirs, string emittedDir)
    {
        if (Dir is null) return null;
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string s) { h.AppendData(Encoding.UTF8.GetBytes(s)); h.AppendData([0]); }
        Add(t.Name);
        Add(t.Gcc);
        foreach (var f in t.StrictFlags) Add(f);
        Add(entry);
        foreach (var dir in includeDirs) Add(FixedFolders.GetOrAdd(dir, FolderHash));
        Add(FolderHash(emittedDir));
        return Convert.ToHexString(h.GetHashAndReset());
    }

    /// <summary>Copies the cached object for <paramref name="key"/> to <paramref name="obj"/>; false on a miss.</summary>
    public static bool TryGet(string key, string obj)
    {
        string cached = Path.Combine(Dir!, key + ".o");
        if (!File.Exists(cached)) return false;
        File.Copy(cached, obj, overwrite: true);
        return true;
    }

    /// <summary>Stores a compiled object (written to a temporary name first, so a reader never sees half a file).</summary>
    public static void Put(string key, string obj)
    {
        Directory.CreateDirectory(Dir!);
        string tmp = Path.Combine(Dir!, $"{key}.{Guid.NewGuid():N}.tmp");
        File.Copy(obj, tmp);
        File.Move(tmp, Path.Combine(Dir!, key + ".o"), overwrite: true);
    }

    private static string FolderHash(string dir)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(dir))
            foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                         .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
            {
                h.AppendData(Encoding.UTF8.GetBytes(f));
                h.AppendData([0]);
                byte[] bytes = File.ReadAllBytes(Path.Combine(dir, f));
                h.AppendData(BitConverter.GetBytes((long)bytes.Length));
                h.AppendData(bytes);
            }
        return Convert.ToHexString(h.GetHashAndReset());
    }
}
