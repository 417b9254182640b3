using DriverCompiler.Core;
using Xunit;

namespace DriverCompiler.Tests;

/// <summary>
/// Issue 9 point 1: <c>drvc build --out</c> never deletes or overwrites a file drvc did not write.
/// Each case from the issue is set up with the user's own files around it; afterwards those files
/// must be byte-identical and no file may have appeared among them.
/// </summary>
public class OutputFolderTests
{
    private static readonly string Sample = Repo.Path("drivers", "Sample");

    /// <summary>A copy of drivers/Sample (its sources only) in <paramref name="parent"/>/Sample.</summary>
    private static string CopySample(string parent)
    {
        string dir = Path.Combine(parent, "Sample");
        Directory.CreateDirectory(dir);
        foreach (var f in new[] { "Registers.cs", "Sample.cs", "Sample.csproj" })
            File.Copy(Path.Combine(Sample, f), Path.Combine(dir, f));
        return dir;
    }

    /// <summary>Every file's bytes and every folder under <paramref name="dir"/>.</summary>
    private static (Dictionary<string, byte[]> Files, string[] Dirs) Snap(string dir) =>
        (Repo.Snapshot(dir), Directory.GetDirectories(dir, "*", SearchOption.AllDirectories)
            .Select(d => Path.GetRelativePath(dir, d)).Order(StringComparer.Ordinal).ToArray());

    private static void AssertSame((Dictionary<string, byte[]> Files, string[] Dirs) before, string dir)
    {
        var after = Snap(dir);
        Assert.Equal(before.Files.Keys.Order(StringComparer.Ordinal), after.Files.Keys.Order(StringComparer.Ordinal));
        foreach (var (k, v) in before.Files) Assert.True(v.AsSpan().SequenceEqual(after.Files[k]), k + " changed");
        Assert.Equal(before.Dirs, after.Dirs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/.")]
    public void OutIsTheDriverFolder_Refused_SourcesUntouched(string suffix)
    {
        string driver = CopySample(Repo.TempDir());
        var before = Snap(driver);
        var (code, _, e) = Repo.Drvc("build", driver, "--out", driver + suffix);
        Assert.Equal(2, code);
        Assert.StartsWith("drvc: error: ", e);
        Assert.Contains("is the driver folder", e);
        AssertSame(before, driver);
    }

    [Fact]
    public void OutContainsTheDriverFolder_Refused_EverythingUntouched()
    {
        string parent = Repo.TempDir();
        CopySample(parent);
        File.WriteAllText(Path.Combine(parent, "unrelated.txt"), "mine\n");
        var before = Snap(parent);
        var (code, _, e) = Repo.Drvc("build", Path.Combine(parent, "Sample"), "--out", parent);
        Assert.Equal(2, code);
        Assert.Contains("contains the driver folder", e);
        AssertSame(before, parent);
    }

    [Fact]
    public void OutIsALinkToTheDriverFolder_Refused()
    {
        string parent = Repo.TempDir();
        string driver = CopySample(parent);
        string link = Path.Combine(parent, "link");
        Directory.CreateSymbolicLink(link, driver);
        var before = Snap(driver);
        var (code, _, e) = Repo.Drvc("build", driver, "--out", link);
        Assert.Equal(2, code);
        Assert.Contains("is the driver folder", e);
        AssertSame(before, driver);
        // and the driver reached through the link, with --out its parent
        var (code2, _, e2) = Repo.Drvc("build", link, "--out", Path.Combine(driver, "gen"));
        Assert.Equal(2, code2);
        Assert.Contains("lies inside the driver's sources", e2);
        AssertSame(before, driver);
    }

    [Theory]
    [InlineData("gen")]
    [InlineData("bin")]
    [InlineData("sub/deeper")]
    public void OutInsideTheSources_Refused(string rel)
    {
        string driver = CopySample(Repo.TempDir());
        var before = Snap(driver);
        var (code, _, e) = Repo.Drvc("build", driver, "--out", Path.Combine(driver, rel));
        Assert.Equal(2, code);
        Assert.Contains("lies inside the driver's sources", e);
        AssertSame(before, driver);
        Assert.False(Directory.Exists(Path.Combine(driver, rel.Split('/')[0])));
    }

    [Theory]
    [InlineData("out")]
    [InlineData("out/sample")]
    public void OutUnderTheDriversOwnOutFolder_IsAllowed(string rel)
    {
        string driver = CopySample(Repo.TempDir());
        var before = Snap(driver);
        var (code, _, e) = Repo.Drvc("build", driver, "--out", Path.Combine(driver, rel));
        Assert.True(code == 0, e);
        Assert.True(File.Exists(Path.Combine(driver, rel, "sample.c")));
        foreach (var (k, v) in before.Files) Assert.True(v.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(driver, k))), k);
    }

    [Fact]
    public void ANonEmptyFolderDrvcDidNotCreate_Refused_FilesUntouched()
    {
        string outDir = Repo.TempDir();
        File.WriteAllText(Path.Combine(outDir, "NOTES.txt"), "my notes\n");
        Directory.CreateDirectory(Path.Combine(outDir, "sub"));
        File.WriteAllText(Path.Combine(outDir, "sub", "keep.c"), "int keep;\n");
        var before = Snap(outDir);
        var (code, _, e) = Repo.Drvc("build", Sample, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("drvc did not create it", e);
        AssertSame(before, outDir);
        // --force is about files drvc wrote; it does not make a stranger's folder drvc's.
        Assert.Equal(2, Repo.Drvc("build", Sample, "--out", outDir, "--force").Code);
        AssertSame(before, outDir);
    }

    [Fact]
    public void AnEmptyExistingFolder_IsWrittenWithAManifest()
    {
        string outDir = Repo.TempDir();
        var (code, _, e) = Repo.Drvc("build", Sample, "--out", outDir);
        Assert.True(code == 0, e);
        var manifest = File.ReadAllLines(Path.Combine(outDir, OutputFolder.ManifestName));
        Assert.StartsWith("# drvc output manifest", manifest[0]);
        // Every file drvc wrote is listed with its SHA-256, and nothing else is.
        var listed = manifest.Where(l => !l.StartsWith('#')).ToDictionary(l => l[66..], l => l[..64]);
        var written = Repo.Snapshot(outDir).Where(f => f.Key != OutputFolder.ManifestName)
            .ToDictionary(f => f.Key, f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Value)));
        Assert.Equal(written.OrderBy(k => k.Key), listed.OrderBy(k => k.Key));
        Assert.Contains("sample.c", listed.Keys);
    }

    [Fact]
    public void ARebuild_ReplacesDrvcsFiles_AndLeavesTheUsersAlone()
    {
        string outDir = Path.Combine(Repo.TempDir(), "sample");
        Assert.Equal(0, Repo.Drvc("build", Sample, "--target", "amigaos4", "--out", outDir).Code);
        File.WriteAllText(Path.Combine(outDir, "NOTES.txt"), "my notes\n");
        Directory.CreateDirectory(Path.Combine(outDir, "sub"));
        File.WriteAllText(Path.Combine(outDir, "sub", "keep.c"), "int keep;\n");
        File.WriteAllText(Path.Combine(outDir, "drv", "mine.h"), "/* mine */\n");
        var user = new[] { "NOTES.txt", "sub/keep.c", "drv/mine.h" }.ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(outDir, p)));

        // The other target: drv/amigaos4.h is no longer emitted and goes, drv/amix.h comes.
        var (code, _, e) = Repo.Drvc("build", Sample, "--target", "amix", "--out", outDir);
        Assert.True(code == 0, e);
        Assert.False(File.Exists(Path.Combine(outDir, "drv", "amigaos4.h")));
        Assert.True(File.Exists(Path.Combine(outDir, "drv", "amix.h")));
        foreach (var (p, bytes) in user) Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(outDir, p))), p + " changed");
        var fresh = Path.Combine(Repo.TempDir(), "fresh");
        Assert.Equal(0, Repo.Drvc("build", Sample, "--target", "amix", "--out", fresh).Code);
        Assert.Equal(File.ReadAllText(Path.Combine(fresh, "sample.c")), File.ReadAllText(Path.Combine(outDir, "sample.c")));
        Assert.DoesNotContain(Directory.GetDirectories(outDir), d => Path.GetFileName(d).StartsWith(".drvc-staging", StringComparison.Ordinal));
    }

    [Fact]
    public void ADrvcFileEditedSince_Refused_NamingIt_UnlessForce()
    {
        string outDir = Path.Combine(Repo.TempDir(), "sample");
        Assert.Equal(0, Repo.Drvc("build", Sample, "--out", outDir).Code);
        string c = Path.Combine(outDir, "sample.c");
        File.AppendAllText(c, "/* my fix */\n");
        var before = Snap(outDir);

        var (code, _, e) = Repo.Drvc("build", Sample, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("'sample.c' was changed since drvc wrote it", e);
        Assert.Contains("--force", e);
        AssertSame(before, outDir);

        var (forced, _, fe) = Repo.Drvc("build", Sample, "--out", outDir, "--force");
        Assert.True(forced == 0, fe);
        Assert.DoesNotContain("my fix", File.ReadAllText(c));
        Assert.Equal(0, Repo.Drvc("build", Sample, "--out", outDir).Code); // the manifest is in step again
    }

    [Fact]
    public void AnEditedFileDrvcNoLongerEmits_IsKeptUnderForce()
    {
        string outDir = Path.Combine(Repo.TempDir(), "sample");
        Assert.Equal(0, Repo.Drvc("build", Sample, "--target", "amigaos4", "--out", outDir).Code);
        string h = Path.Combine(outDir, "drv", "amigaos4.h");
        File.AppendAllText(h, "/* mine now */\n");
        var bytes = File.ReadAllBytes(h);
        Assert.Equal(2, Repo.Drvc("build", Sample, "--target", "amix", "--out", outDir).Code);
        Assert.Equal(0, Repo.Drvc("build", Sample, "--target", "amix", "--out", outDir, "--force").Code);
        Assert.Equal(bytes, File.ReadAllBytes(h));
        Assert.DoesNotContain("amigaos4.h", File.ReadAllText(Path.Combine(outDir, OutputFolder.ManifestName)));
        Assert.Equal(0, Repo.Drvc("build", Sample, "--target", "amigaos4", "--out", outDir, "--force").Code);
    }

    [Fact]
    public void AUserFileWhereDrvcWouldNowWrite_Refused()
    {
        string outDir = Path.Combine(Repo.TempDir(), "sample");
        Assert.Equal(0, Repo.Drvc("build", Sample, "--target", "amix", "--out", outDir).Code);
        string h = Path.Combine(outDir, "drv", "amigaos4.h");
        File.WriteAllText(h, "/* my own header */\n");
        var before = Snap(outDir);
        var (code, _, e) = Repo.Drvc("build", Sample, "--target", "amigaos4", "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("'drv/amigaos4.h' was not written by drvc", e);
        AssertSame(before, outDir);
    }

    [Theory]
    [InlineData("../victim.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("a/./b")]
    public void AManifestNamingAPathOutsideTheFolder_Refused_NothingDeleted(string path)
    {
        string parent = Repo.TempDir();
        string outDir = Path.Combine(parent, "sample");
        Assert.Equal(0, Repo.Drvc("build", Sample, "--out", outDir).Code);
        File.WriteAllText(Path.Combine(parent, "victim.txt"), "victim\n");
        File.AppendAllText(Path.Combine(outDir, OutputFolder.ManifestName),
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("victim\n"u8.ToArray())) + "  " + path + "\n");
        var before = Snap(parent);
        var (code, _, e) = Repo.Drvc("build", Sample, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("not a plain path inside the folder", e);
        AssertSame(before, parent);
    }

    [Fact]
    public void AForeignFileNamedLikeTheManifest_Refused()
    {
        string outDir = Repo.TempDir();
        File.WriteAllText(Path.Combine(outDir, OutputFolder.ManifestName), "something else\n");
        var before = Snap(outDir);
        var (code, _, e) = Repo.Drvc("build", Sample, "--out", outDir);
        Assert.Equal(2, code);
        Assert.Contains("is not a drvc manifest", e);
        AssertSame(before, outDir);
    }
}
