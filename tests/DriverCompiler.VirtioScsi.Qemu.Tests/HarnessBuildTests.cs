namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// An image is built from one version of the harness's headers (issue 9: an AmigaOne self-test run
/// reported "exec.no_api_misuse: 1118500 misuse reports" with no misuse printed; 1118500 = 0x111124 was
/// SysBase's value, read as exec_stats.errors by an object compiled after a field was added to
/// struct exec_stats, linked with an exec.c compiled before). Each test works on its own snapshot of
/// the sources, edits exec.h as that change did, and boots the amigaone image.
/// </summary>
[Trait("Category", "Qemu")]
public sealed class HarnessBuildTests
{
    private const string Board = "amigaone";

    /// <summary>A private copy of the harness sources and a build folder, removed afterwards.</summary>
    private sealed class Workspace : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("drvc-qemu-build-").FullName;
        public string HarnessDir => Path.Combine(Root, "src", "tests", "VirtioScsi.Qemu");
        public string Out => Path.Combine(Root, "out");
        public string ExecH => Path.Combine(HarnessDir, "include", "harness", "exec.h");
        public string Elf => Path.Combine(Out, $"harness-{Board}.elf");

        public Workspace() => SourceSnapshot.Take(Tools.RepoRoot, Harness.SourceDirs, Path.Combine(Root, "src"));

        public void Make(params string[] extra)
        {
            var (code, output, timedOut) = Harness.Make(HarnessDir, Board, Out, extraArgs: extra);
            Assert.False(timedOut, "make did not finish");
            Assert.True(code == 0, $"make failed ({code}):\n{output}");
        }

        /// <summary>Adds a field before exec_stats.errors (what commit 2164e8b did with int_servers_refused) and
        /// dates the header <paramref name="touched"/> later than every object, as an edit after the first build.</summary>
        public void AddStatsField(params string[] touched)
        {
            var text = File.ReadAllText(ExecH);
            const string errors = "    uint32 errors;";
            Assert.Contains(errors, text);
            File.WriteAllText(ExecH, text.Replace(errors, "    uint32 added_by_the_test;\n" + errors));
            var later = Directory.EnumerateFiles(Out, "*.o", SearchOption.AllDirectories).Max(File.GetLastWriteTimeUtc).AddSeconds(5);
            foreach (var f in touched.Append(ExecH)) File.SetLastWriteTimeUtc(Path.Combine(HarnessDir, f), later);
        }

        public GuestLog Boot()
        {
            var image = Path.Combine(Root, "t0.img");
            using (var f = File.Create(image)) f.SetLength(16 << 20);
            return Qemu.Run(Board, Elf, [new Disk(image, 0, "VSCSI-T0")]);
        }

        public void Dispose() => Directory.Delete(Root, true);
    }

    /// <summary>
    /// A rebuild into the same output folder after exec.h changed recompiles every object that read it
    /// (make's -MMD dependency files), not only the sources whose own date changed.
    /// </summary>
    [Fact]
    public void Rebuild_after_a_header_change_recompiles_every_object_that_reads_it()
    {
        using var ws = new Workspace();
        ws.Make();
        ws.AddStatsField(Path.Combine("guest", "exec_selftest.c"));
        ws.Make();
        ws.Boot().AssertAllPassed(HarnessTests.SelfChecks);
    }

    /// <summary>
    /// An image that does mix the two versions (exec.c's object kept from before the edit, as when the header
    /// changes while make runs) stops at boot naming the struct, before any check reads a shifted field.
    /// </summary>
    [Fact]
    public void Image_mixing_two_versions_of_a_header_stops_at_boot_naming_the_struct()
    {
        using var ws = new Workspace();
        ws.Make();
        ws.AddStatsField(Path.Combine("guest", "exec_selftest.c"));
        ws.Make("-o", Path.Combine(ws.Out, $"obj-{Board}", "common", "exec.c.o"));    // make: treat exec.c's object as up to date
        var log = ws.Boot();
        Assert.True(log.Checks.TryGetValue("harness.objects_agree_on_layouts", out var result), "the layout check did not run:\n" + log.Text);
        Assert.StartsWith("FAIL: ", result);
        Assert.Contains("struct exec_stats", result);
        Assert.Contains("HARNESS-FATAL: the image mixes objects compiled against different versions of a header", log.Text);
        Assert.DoesNotContain("exec.no_api_misuse", log.Text);
    }
}

/// <summary>The snapshot every image of a test run is built from (Harness, SourceSnapshot).</summary>
public sealed class SourceSnapshotTests
{
    private static string Tree()
    {
        var root = Directory.CreateTempSubdirectory("drvc-snapshot-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "a", "sub"));
        Directory.CreateDirectory(Path.Combine(root, "a", "build"));
        Directory.CreateDirectory(Path.Combine(root, "b"));
        File.WriteAllText(Path.Combine(root, "a", "sub", "x.h"), "struct s { int a; };\n");
        File.WriteAllText(Path.Combine(root, "a", "build", "x.o"), "object");
        File.WriteAllText(Path.Combine(root, "b", "y.c"), "int y;\n");
        File.WriteAllText(Path.Combine(root, "outside.c"), "not copied\n");
        return root;
    }

    [Fact]
    public void Snapshot_copies_the_folders_without_their_build_output()
    {
        var root = Tree();
        try
        {
            var dest = SourceSnapshot.Take(root, ["a", "b"], Path.Combine(root, "snap"));
            Assert.Equal("struct s { int a; };\n", File.ReadAllText(Path.Combine(dest, "a", "sub", "x.h")));
            Assert.Equal("int y;\n", File.ReadAllText(Path.Combine(dest, "b", "y.c")));
            Assert.False(Directory.Exists(Path.Combine(dest, "a", "build")));
            Assert.False(File.Exists(Path.Combine(dest, "outside.c")));
        }
        finally { Directory.Delete(root, true); }
    }

    /// <summary>A header written during the copy (an editor saving, a merge) makes the snapshot start over:
    /// it ends as one state of the tree, the newer one, not the older .c files with the newer header.</summary>
    [Fact]
    public void Snapshot_is_taken_again_when_the_tree_changes_during_the_copy()
    {
        var root = Tree();
        try
        {
            int copies = 0;
            var header = Path.Combine(root, "a", "sub", "x.h");
            var dest = SourceSnapshot.Take(root, ["a", "b"], Path.Combine(root, "snap"), afterCopy: () =>
            {
                if (++copies == 1) File.WriteAllText(header, "struct s { int a; int added; };\n");
            });
            Assert.Equal(2, copies);
            Assert.Equal("struct s { int a; int added; };\n", File.ReadAllText(Path.Combine(dest, "a", "sub", "x.h")));
            Assert.Equal(SourceSnapshot.Hash(root, ["a", "b"]), SourceSnapshot.Hash(dest, ["a", "b"]));
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void Snapshot_fails_when_the_tree_never_holds_still()
    {
        var root = Tree();
        try
        {
            int n = 0;
            var header = Path.Combine(root, "a", "sub", "x.h");
            var e = Assert.ThrowsAny<Exception>(() => SourceSnapshot.Take(root, ["a", "b"], Path.Combine(root, "snap"), attempts: 3,
                afterCopy: () => File.WriteAllText(header, $"/* edit {++n} */\n")));
            Assert.Equal(3, n);
            Assert.Contains("changed during each of 3 copies", e.Message);
        }
        finally { Directory.Delete(root, true); }
    }
}
