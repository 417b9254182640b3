using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using DriverCompiler.Dsl;
using Xunit;

namespace DriverCompiler.Tests;

/// <summary>
/// The OS binding libraries (DriverCompiler.AmigaOS, DriverCompiler.Amix): emitted C is compiled with -nostdinc, so a header
/// resolves to the project's declarations (tests/include) or fails, never to the cross toolchain's C library; every [CType]
/// mirror a driver uses is checked against the C type (offsetof/sizeof), and a mirror out of order fails the C build.
/// </summary>
public class BindingTests
{
    private sealed record Compiler(string Target, string Cc, string Flags, string Package);

    private static readonly Compiler Ppc = new("amigaos4", "powerpc-linux-gnu-gcc", "-std=gnu99 -mcpu=7450", "gcc-powerpc-linux-gnu");
    private static readonly Compiler M68k = new("amix", "m68k-linux-gnu-gcc", "-m68030 -std=c89 -pedantic", "gcc-m68k-linux-gnu");
    private static Compiler For(string target) => target == "amix" ? M68k : Ppc;

    /// <summary>-nostdinc plus the compiler's own include folder (stddef.h, stdarg.h): nothing else but -I folders.</summary>
    private static string NoStdInc(Compiler c)
    {
        var (rc, dir) = Repo.Run(c.Cc, "-print-file-name=include", null, c.Package);
        Assert.True(rc == 0 && Directory.Exists(dir.Trim()), dir);
        return $"-nostdinc -isystem {dir.Trim()}";
    }

    /// <summary>Compiles every .c of <paramref name="outDir"/>; returns (file, exit code, diagnostics) of each.</summary>
    private static List<(string File, int Code, string Output)> CompileAll(string outDir, Compiler c, string extra = "")
    {
        string include = Repo.Path("tests", "include", c.Target);
        var results = new List<(string, int, string)>();
        foreach (var file in Directory.GetFiles(outDir, "*.c").Order(StringComparer.Ordinal))
        {
            var (rc, output) = Repo.Run(c.Cc, $"{NoStdInc(c)} {c.Flags} -O2 -Wall -Wextra -Werror -fwrapv {extra} -I. -I{include} -c {Path.GetFileName(file)} -o /dev/null", outDir, c.Package);
            results.Add((Path.GetFileName(file), rc, output));
        }
        Assert.NotEmpty(results);
        return results;
    }

    private static string Emit(string driverDir, string? target = null)
    {
        string outDir = Path.Combine(Repo.TempDir(), "out");
        var args = new List<string> { "build", driverDir, "--out", outDir };
        if (target is not null) args.AddRange(["--target", target]);
        var (code, o, e) = Repo.Drvc([.. args]);
        Assert.True(code == 0, o + e);
        return outDir;
    }

    private static string WriteDriver(params (string Name, string Text)[] files)
    {
        string dir = Path.Combine(Repo.TempDir(), "drv");
        Directory.CreateDirectory(dir);
        foreach (var (name, text) in files) File.WriteAllText(Path.Combine(dir, name), text);
        return dir;
    }

    [Theory]
    [InlineData("VirtioScsi", "amigaos4")]
    [InlineData("VirtioBlk", "amigaos4")]
    [InlineData("A4091", "amix")]
    [InlineData("AmixPar", "amix")]
    [InlineData("AmixRamDisk", "amix")]
    [InlineData("Sample", "amigaos4")]
    [InlineData("Sample", "amix")]
    public void Each_driver_compiles_with_nostdinc_against_the_project_headers_only(string driver, string target)
    {
        var c = For(target);
        string outDir = Emit(Repo.Path("drivers", driver), target);
        foreach (var (file, code, output) in CompileAll(outDir, c))
            Assert.True(code == 0, $"{c.Cc} -nostdinc rejected {file}:\n{output}");
    }

    [Fact]
    public void Both_drivers_check_the_layout_of_the_mirrors_they_use()
    {
        string virtio = File.ReadAllText(Path.Combine(Emit(Repo.Path("drivers", "VirtioScsi")), "virtioscsi.h"));
        Assert.Contains("DRV_LAYOUT_CHECK(mirror_struct_IOStdReq_io_Offset, DRV_OFFSETOF(struct IOStdReq, io_Offset) == 44);", virtio);
        Assert.Contains("DRV_LAYOUT_CHECK(mirror_struct_SCSICmd_sizeof, sizeof(struct SCSICmd) == 30);", virtio);
        // An opaque handle has no layout to check.
        Assert.DoesNotContain("mirror_struct_Task", virtio);
        string a4091 = File.ReadAllText(Path.Combine(Emit(Repo.Path("drivers", "A4091")), "a4091.h"));
        // struct sdcom (sd.h): cdb[12] from offset 7, so addr lands on 20 with the 68030's 2-byte alignment.
        Assert.Contains("DRV_LAYOUT_CHECK(mirror_struct_sdcom_addr, DRV_OFFSETOF(struct sdcom, addr) == 20);", a4091);
        Assert.Contains("DRV_LAYOUT_CHECK(mirror_struct_sdcom_sizeof, sizeof(struct sdcom) == 40);", a4091);
    }

    private const string AmigaNode = """
        using System.Runtime.InteropServices;
        using DriverCompiler.Dsl;
        [assembly: Driver("probe", DriverTarget.AmigaOS4)]
        namespace Probe;
        [CHeader("exec/nodes.h")]
        [CType("struct Node", ExactFieldNames = true), StructLayout(LayoutKind.Sequential, Pack = 2)]
        public unsafe struct MyNode
        {
            public MyNode* ln_Succ;
            public MyNode* ln_Pred;
            FIELDS
            public byte* ln_Name;
        }
        public static unsafe class Use
        {
            public static int Priority(MyNode* n) => n->ln_Pri;
        }
        """;

    private const string AmixIovec = """
        using System.Runtime.InteropServices;
        using DriverCompiler.Dsl;
        [assembly: Driver("probe", DriverTarget.Amix)]
        namespace Probe;
        [CHeader("sys/uio.h", Local = true)]
        [CType("struct iovec", ExactFieldNames = true), StructLayout(LayoutKind.Sequential, Pack = 2)]
        public unsafe struct MyIovec
        {
            FIELDS
        }
        public static unsafe class Use
        {
            public static int Length(MyIovec* v) => v->iov_len;
        }
        """;

    public static TheoryData<string, string, string, string> Mirrors => new()
    {
        // target, driver source, the fields in the header's order, the same two swapped
        { "amigaos4", AmigaNode, "public byte ln_Type; public sbyte ln_Pri;", "public sbyte ln_Pri; public byte ln_Type;" },
        { "amix", AmixIovec, "public byte* iov_base; public int iov_len;", "public int iov_len; public byte* iov_base;" },
    };

    [Theory]
    [MemberData(nameof(Mirrors))]
    public void A_mirror_with_two_fields_swapped_fails_the_C_build_at_its_layout_check(string target, string source, string inOrder, string swapped)
    {
        var c = For(target);
        // In the header's order: the checks hold.
        foreach (var (file, code, output) in CompileAll(Emit(WriteDriver(("Probe.cs", source.Replace("FIELDS", inOrder)))), c))
            Assert.True(code == 0, $"{file}:\n{output}");
        // Swapped: C# compiles, drvc emits, the C compiler stops at the first moved member's check.
        var failed = CompileAll(Emit(WriteDriver(("Probe.cs", source.Replace("FIELDS", swapped)))), c);
        string first = Regex.Match(swapped, @"public [^ ]+ (\w+);").Groups[1].Value;
        Assert.Contains(failed, r => r.Code != 0 && r.Output.Contains("mirror_struct_" + (target == "amix" ? "iovec" : "Node") + "_" + first, StringComparison.Ordinal));
    }

    [Fact]
    public void An_amix_header_resolves_to_the_projects_declaration_never_to_the_cross_toolchains()
    {
        string dir = WriteDriver(("Copy.cs", """
            using Amix;
            using DriverCompiler.Dsl;
            [assembly: Driver("copier", DriverTarget.Amix)]
            namespace Copier;
            public static unsafe class Copy
            {
                public static int Read(UioT* uio, byte* data, int n) => Uio.UioMove(data, n, Uio.UIO_READ, uio);
            }
            """));
        string outDir = Emit(dir);
        Assert.Contains("#include \"sys/uio.h\"", File.ReadAllText(Path.Combine(outDir, "copier.h")));
        // -M lists the headers the compiler opened: sys/uio.h must be the project's.
        var c = M68k;
        var (rc, deps) = Repo.Run(c.Cc, $"{NoStdInc(c)} {c.Flags} -I. -I{Repo.Path("tests", "include", "amix")} -M copy.c", outDir, c.Package);
        Assert.True(rc == 0, deps);
        var uio = Regex.Matches(deps, @"\S*sys/uio\.h").Select(m => m.Value).ToList();
        Assert.Equal([Repo.Path("tests", "include", "amix", "sys", "uio.h")], uio);
    }

    /// <summary>A driver naming every [CType] mirror of a binding library, so each is checked against tests/include.</summary>
    private static string EveryMirror(Assembly library, string target, string ns)
    {
        var sb = new StringBuilder();
        sb.AppendLine("using DriverCompiler.Dsl;");
        sb.AppendLine($"[assembly: Driver(\"mirrors\", DriverTarget.{(target == "amix" ? "Amix" : "AmigaOS4")})]");
        sb.AppendLine("namespace Mirrors;");
        sb.AppendLine("public static unsafe class Use {");
        int i = 0;
        foreach (var t in library.GetExportedTypes().Where(t => t.IsValueType && t.GetCustomAttribute<CTypeAttribute>() is not null).OrderBy(t => t.Name, StringComparer.Ordinal))
            sb.AppendLine($"    public static int Size{i++}({ns}.{t.Name}* p) => p == null ? 0 : 1;");
        sb.AppendLine("}");
        Assert.True(i > 5, "the library declares its mirrors with [CType]");
        return sb.ToString();
    }

    [Theory]
    [InlineData("amigaos4")]
    [InlineData("amix")]
    public void Every_mirror_of_a_binding_library_matches_the_C_type(string target)
    {
        var library = target == "amix" ? typeof(Amix.Kernel).Assembly : typeof(AmigaOS.Exec).Assembly;
        string outDir = Emit(WriteDriver(("Mirrors.cs", EveryMirror(library, target, target == "amix" ? "Amix" : "AmigaOS"))));
        string header = File.ReadAllText(Path.Combine(outDir, "mirrors.h"));
        foreach (var (file, code, output) in CompileAll(outDir, For(target)))
            Assert.True(code == 0, $"{file}:\n{output}\n{header}");
        Assert.Matches(@"DRV_LAYOUT_CHECK\(mirror_struct_\w+_sizeof", header);
    }

    [Theory]
    [InlineData("amigaos4")]
    [InlineData("amix")]
    public void A_mirrors_Pack_is_the_one_its_StructLayout_gives(string target)
    {
        // [CType(Pack)] is what drvc reads from a referenced assembly; [StructLayout] is what .NET lays out: they must agree.
        var library = target == "amix" ? typeof(Amix.Kernel).Assembly : typeof(AmigaOS.Exec).Assembly;
        foreach (var t in library.GetExportedTypes().Where(t => t.IsValueType && t.GetCustomAttribute<CTypeAttribute>() is { } a && t.GetFields(BindingFlags.Instance | BindingFlags.Public).Length > 0))
            Assert.True(t.StructLayoutAttribute!.Pack == t.GetCustomAttribute<CTypeAttribute>()!.Pack, t.FullName);
    }

    /// <summary>The header of a driver built in-process for AmigaOS 4 from <paramref name="files"/>.</summary>
    private static string Header(params (string Path, string Text)[] files)
    {
        var result = DriverCompiler.Core.DriverCompilation.FromSources(files, "V").Build(new DriverCompiler.Core.BuildOptions(DriverTarget.AmigaOS4));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToMsBuildString())));
        return result.Files.Single(f => f.RelativePath == "v.h").Content;
    }

    [Fact]
    public void A_mirror_named_only_by_var_is_layout_checked()
    {
        // struct Node appears in the source only as the type `var` stands for: it is still a mirror the C uses.
        string h = Header(("V.cs", """
            using AmigaOS;
            using DriverCompiler.Dsl;
            [assembly: Driver("v", DriverTarget.AmigaOS4)]
            namespace V;
            public static unsafe class Unit
            {
                public static void Again(MsgPort* port)
                {
                    var node = port->mp_Node;
                    port->mp_Node = node;
                }
            }
            """));
        Assert.Contains("#include <exec/nodes.h>", h);
        Assert.Contains("DRV_LAYOUT_CHECK(mirror_struct_Node_sizeof, sizeof(struct Node) == 14);", h);
    }

    [Fact]
    public void A_mirror_named_by_an_alias_is_ordered_by_the_alias_use()
    {
        // The mirrors' checks come in the order the source first names them (file, then position); a use through
        // an alias declared in a later file counts where it is written, before MsgPort here.
        string h = Header(
            ("A.cs", """
                using DriverCompiler.Dsl;
                [assembly: Driver("v", DriverTarget.AmigaOS4)]
                namespace V;
                public static unsafe class Unit
                {
                    public static void Copy(N* to, AmigaOS.MsgPort* from) { *to = from->mp_Node; }
                }
                """),
            ("B.cs", "global using N = AmigaOS.Node;\n"));
        int node = h.IndexOf("mirror_struct_Node_sizeof", StringComparison.Ordinal), port = h.IndexOf("mirror_struct_MsgPort_sizeof", StringComparison.Ordinal);
        Assert.True(node >= 0 && port >= 0, h);
        Assert.True(node < port, h);
    }
}
