using System.Text.RegularExpressions;

namespace DriverCompiler.A4091.Tests;

/// <summary>The kernel patches rendered from templates/amix/patches for drivers that declare [AmixScsiCard].</summary>
public class PatchTests
{
    private static string Patch(string name) => File.ReadAllText(Path.Combine(Repo.A4091Out.Value, "patches", name));

    [Fact]
    public void Sd_c_gets_the_extern_the_rows_in_declaration_order_and_sdcardbase()
    {
        string sd = Patch("sd.c.txt");
        Assert.Contains("extern bool a4091queue();", sd);
        var rows = Regex.Matches(sd, @"^\s+(0x[0-9a-f]{8}), &(\w+), ""([^""]+)"",$", RegexOptions.Multiline)
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        Assert.Equal([("0x02020054", "a4091queue", "A4091 SCSI"), ("0xc0de0001", "a4091queue", "A4092 SCSI")], rows);
        Assert.Contains("sdcardbase(card)", sd);
    }

    [Fact]
    public void Kernel_c_declares_the_handler_before_int2_tbl()
    {
        string k = Patch("kernel.c.txt");
        int ext = k.IndexOf("extern void a4091intr();", StringComparison.Ordinal);
        int table = k.IndexOf("void (*int2_tbl[])()", StringComparison.Ordinal);
        Assert.True(ext >= 0 && table > ext, k);
        Assert.Contains("a4091intr, 0 }", k);
    }

    [Fact]
    public void The_alien_makefile_lists_the_driver_object_and_install_names_every_step()
    {
        Assert.Matches(@"(?m)^OBJ = .*\ba4091\.o\b", Patch("alien-Makefile.txt"));
        string install = Patch("INSTALL");
        foreach (var s in new[] { "a4091.c", "a4091.h", "sd.c", "kernel.c", "int2_tbl", "a4091.o", "make bootpart" })
            Assert.Contains(s, install);
    }

    [Fact]
    public void The_patch_fragments_compile_in_a_stock_shaped_sd_c_and_kernel_c()
    {
        // sd.c's table and queue[] as the stock file declares them, with the rendered lines pasted in.
        string sd = Patch("sd.c.txt");
        string externLine = Regex.Match(sd, @"^extern bool .*;$", RegexOptions.Multiline).Value;
        string rows = string.Join("\n", Regex.Matches(sd, @"^\s+0x.*$", RegexOptions.Multiline).Select(m => m.Value));
        string function = Regex.Match(sd, @"^char \*\nsdcardbase\(card\).*?^\}", RegexOptions.Multiline | RegexOptions.Singleline).Value;
        Assert.NotEmpty(function);
        string sdc = $$"""
            #include "sd.h"
            extern bool a3091queue();
            {{externLine}}
            static struct { uint pn; bool (*f)(); char *hardwarename; } scsicard[] = {
                0x0202F003, &a3091queue, "A3000 Internal SCSI",
            {{rows}}
            };
            struct queue { bool (*f)(); uint c; char *a; char *hardwarename; };
            static struct queue queue[SDCARDS];
            {{function}}
            uint sdtablesize() { queue[0].f = scsicard[0].f; return nel(scsicard); }
            """;
        string k = Patch("kernel.c.txt");
        string kc = "extern void aciaaintr();\n" + Regex.Match(k, @"^extern void .*;$", RegexOptions.Multiline).Value + "\n"
                    + Regex.Match(k, @"^void \(\*int2_tbl\[\]\)\(\) = .*;$", RegexOptions.Multiline).Value.Replace("/* ... the existing handlers ..., */", "aciaaintr,") + "\n";
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "sd.c"), sdc);
        File.WriteAllText(Path.Combine(dir, "kernel.c"), kc);
        foreach (var f in new[] { "sd.c", "kernel.c" })
        {
            // -Wno-missing-braces: the stock scsicard[] initializer has no inner braces.
            var (rc, output) = Repo.Run("m68k-linux-gnu-gcc", $"-m68030 -std=c89 -Wall -Wno-missing-braces -Werror -I{Repo.Path("tests", "include", "amix")} -c {f} -o /dev/null", dir, "gcc-m68k-linux-gnu");
            Assert.True(rc == 0, f + ":\n" + File.ReadAllText(Path.Combine(dir, f)) + "\n" + output);
        }
    }

    [Fact]
    public void A_driver_without_AmixScsiCard_gets_no_patches()
    {
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "D.cs"), """
            using DriverCompiler.Dsl;
            [assembly: Driver("plain", DriverTarget.Amix)]
            public static class D { public static int F(int x) => x + 1; }
            """);
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(0, Repo.Drvc("build", dir, "--out", outDir).Code);
        Assert.False(Directory.Exists(Path.Combine(outDir, "patches")));
    }
}
