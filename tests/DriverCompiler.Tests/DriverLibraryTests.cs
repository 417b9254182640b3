using DriverCompiler.Core;
using DriverCompiler.Core.CModel;
using DriverCompiler.Testing.CModelChecks;
using Xunit;

namespace DriverCompiler.Tests;

/// <summary>
/// Driver libraries (issue 10 point 3): a driver's ProjectReference to a C# class library makes drvc lower
/// the library's code into the driver's C under the driver's prefix, and only what the driver's entry
/// points reach is emitted. Libraries/TinyDriver uses Libraries/TinyLib; Libraries/BlkProbe uses drivers/Virtio.
/// </summary>
public class DriverLibraryTests
{
    private static CompileResult Build(string fixture)
    {
        var result = DriverCompilation.Load(Repo.Path("tests", "DriverCompiler.Tests", "Libraries", fixture)).Build(new BuildOptions());
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToMsBuildString())));
        return result;
    }

    private static List<string> Functions(CompileResult r) =>
        r.Model.SelectMany(f => f.Items).OfType<CFunction>().Where(f => f.Body is not null).Select(f => f.Name).ToList();

    [Fact]
    public void A_library_function_the_driver_uses_is_emitted_and_one_it_does_not_is_not()
    {
        var r = Build("TinyDriver");
        var functions = Functions(r);
        // What TinyDriver's Run calls, directly, through a function pointer or inside the library (Sum -> Mix).
        Assert.Contains("tiny_entry_run", functions);
        Assert.Contains("tiny_checksum_sum", functions);
        Assert.Contains("tiny_checksum_mix", functions);
        Assert.Contains("tiny_checksum_twice", functions);
        Assert.Contains("tiny_counter_add", functions);
        // What nothing in the driver reaches: public library functions are not entry points of the driver.
        Assert.DoesNotContain("tiny_checksum_unused", functions);
        Assert.DoesNotContain("tiny_checksum_scramble", functions);
        Assert.DoesNotContain("tiny_counter_reset", functions);
        // No prototype is left behind, and the table only Unused read goes with it.
        var all = r.Model.SelectMany(f => f.Items).ToList();
        Assert.DoesNotContain(all.OfType<CFunction>(), f => f.Name is "tiny_checksum_unused" or "tiny_counter_reset");
        Assert.DoesNotContain(all.OfType<CGlobal>(), g => g.Name == "tiny_checksum_table");
        // The library's file is lowered into the driver's output, named after its C# file.
        Assert.Contains(r.Files, f => f.RelativePath == "checksum.c" && f.Content.Contains("from TinyLib/Checksum.cs"));
        // Whatever is emitted is reached from the driver's own functions on the call graph.
        var roots = all.OfType<CFunction>().Where(f => f.Name.StartsWith("tiny_entry_", StringComparison.Ordinal)).Select(f => f.Name);
        Assert.Empty(CallGraph.Unreachable(r.Model, roots));
    }

    [Fact]
    public void A_driver_with_a_library_emits_the_same_bytes_every_time()
    {
        var a = Build("TinyDriver").Files;
        var b = Build("TinyDriver").Files;
        Assert.Equal(a.Select(f => f.RelativePath), b.Select(f => f.RelativePath));
        Assert.All(a.Zip(b), p => Assert.Equal(p.First.Content, p.Second.Content));
    }

    public static TheoryData<string, string, string, string> Compilers => CompileChecks.Compilers;

    [Theory]
    [MemberData(nameof(Compilers))]
    public void A_driver_with_a_library_compiles_with_Wall_Wextra_Werror(string target, string cc, string flags, string package)
    {
        foreach (var fixture in new[] { "TinyDriver", "BlkProbe" })
        {
            if (fixture == "BlkProbe" && target != "amigaos4") continue;   // the VirtIO transport calls AmigaOS's PCI interface
            var outDir = Path.Combine(Repo.TempDir(), fixture);
            var (code, _, e) = Repo.Drvc("build", Repo.Path("tests", "DriverCompiler.Tests", "Libraries", fixture), "--target", target, "--out", outDir);
            Assert.True(code == 0, e);
            string include = Repo.Path("tests", "include", target);
            foreach (var c in Directory.GetFiles(outDir, "*.c"))
            {
                var (rc, output) = Repo.Run(cc, $"{flags} -O2 -Wall -Wextra -Werror -fwrapv -I. -I{include} -c {Path.GetFileName(c)} -o /dev/null", outDir, package);
                Assert.True(rc == 0, $"{cc} rejected {fixture}/{Path.GetFileName(c)}:\n{output}");
            }
        }
    }

    /// <summary>
    /// The transport is extensible where a device needs more: a virtio-blk driver names its own feature bits and
    /// reads its configuration through the transport (drivers/Virtio/VirtioPci.cs, the remarks on VirtioPci).
    /// What it uses of the library is emitted, what it does not (the virtqueue, notification) is not.
    /// </summary>
    [Fact]
    public void A_device_extends_the_Virtio_transport_with_its_features_and_configuration()
    {
        var r = Build("BlkProbe");
        var functions = Functions(r);
        foreach (var used in new[] { "vblk_probe_negotiate", "vblk_probe_capacity", "vblk_probe_block_size", "vblk_virtio_pci_device_features",
                                     "vblk_virtio_pci_set_driver_features", "vblk_virtio_pci_config_quad", "vblk_virtio_pci_config_long",
                                     "vblk_virtio_pci_config_generation" })
            Assert.Contains(used, functions);
        Assert.DoesNotContain(functions, f => f.StartsWith("vblk_virtqueue_", StringComparison.Ordinal));
        Assert.DoesNotContain("vblk_virtio_pci_notify", functions);
        Assert.DoesNotContain("vblk_virtio_pci_find", functions);
        // The driver's feature bits are its own names in the C it negotiates with.
        string probe = r.Files.Single(f => f.RelativePath == "blk.c").Content;
        Assert.Contains("VBLK_VIRTIO_BLK_F_SIZE_MAX", probe);
        Assert.Contains("vblk_virtio_pci_config_quad(t, VBLK_VIRTIO_BLK_CONFIG_CAPACITY)", probe);
    }

    private static (int Code, string Err) BuildProject(string dir) { var (c, _, e) = Repo.Drvc("build", dir, "--out", Path.Combine(Repo.TempDir(), "o")); return (c, e); }

    private static string Project(string root, string name, string references, string source)
    {
        string dir = Path.Combine(root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, name + ".cs"), source);
        return dir;
    }

    private const string DriverSource = "[assembly: DriverCompiler.Dsl.Driver(\"d\", DriverCompiler.Dsl.DriverTarget.AmigaOS4)]\nnamespace D; public static class E { public static int F() => 1; }\n";

    [Fact]
    public void A_missing_library_is_DRV0103_at_its_reference_and_nothing_is_written()
    {
        string root = Repo.TempDir();
        string driver = Project(root, "D", """    <ProjectReference Include="..\Gone\Gone.csproj" />""", DriverSource);
        var (code, err) = BuildProject(driver);
        Assert.Equal(1, code);
        Assert.Contains("D.csproj(3,", err);
        Assert.Contains("error DRV0103: ProjectReference '..\\Gone\\Gone.csproj' names", err);
        Assert.Contains("which does not exist", err);
    }

    [Fact]
    public void A_reference_cycle_is_DRV0103()
    {
        string root = Repo.TempDir();
        Project(root, "A", """    <ProjectReference Include="..\B\B.csproj" />""", "namespace A; public static class X { public static int F() => 1; }\n");
        Project(root, "B", """    <ProjectReference Include="..\A\A.csproj" />""", "namespace B; public static class Y { public static int G() => 2; }\n");
        string driver = Project(root, "D", """    <ProjectReference Include="..\A\A.csproj" />""", DriverSource);
        var (code, err) = BuildProject(driver);
        Assert.Equal(1, code);
        Assert.Contains("error DRV0103: ProjectReference '..\\A\\A.csproj' closes a cycle (A -> B -> A)", err);
    }

    [Fact]
    public void A_reference_drvc_cannot_read_without_evaluating_MSBuild_is_DRV0103_not_ignored()
    {
        string root = Repo.TempDir();
        string driver = Project(root, "D", """    <ProjectReference Include="$(LibDir)\L.csproj" />""", DriverSource);
        var (code, err) = BuildProject(driver);
        Assert.Equal(1, code);
        Assert.Contains("error DRV0103: ProjectReference '$(LibDir)\\L.csproj' uses an MSBuild property", err);
    }

    [Fact]
    public void A_library_sees_only_its_own_references_and_the_driver_only_the_library_public_API()
    {
        string root = Repo.TempDir();
        Project(root, "L", "", "namespace L; public static class X { internal static int Hidden() => 1; public static int Shown() => 2; }\n");
        string driver = Project(root, "D", """    <ProjectReference Include="..\L\L.csproj" />""",
            "[assembly: DriverCompiler.Dsl.Driver(\"d\", DriverCompiler.Dsl.DriverTarget.AmigaOS4)]\nnamespace D; public static class E { public static int F() => L.X.Hidden(); }\n");
        var (code, err) = BuildProject(driver);
        Assert.Equal(1, code);
        Assert.Contains("error CS0122", err);   // as dotnet build says: Hidden is internal to the library
    }
}
