using System.Text.RegularExpressions;

namespace DriverCompiler.A4091.Tests;

/// <summary>What <c>drvc build drivers/A4091</c> writes, and that it compiles as the Amix kernel's C.</summary>
public class EmissionTests
{
    private static string Out => Repo.A4091Out.Value;
    private static string C => File.ReadAllText(Path.Combine(Out, "a4091.c"));
    private static string H => File.ReadAllText(Path.Combine(Out, "a4091.h"));

    [Fact]
    public void Emits_one_c_file_its_header_the_runtime_headers_a_makefile_and_the_patches()
    {
        var files = Directory.EnumerateFiles(Out, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Out, f).Replace('\\', '/')).OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(["a4091.c"], files.Where(f => f.EndsWith(".c", StringComparison.Ordinal)));
        Assert.Contains("a4091.h", files);
        // Exactly the runtime headers Amix output includes: no AmigaOS 4 header in a kernel tree.
        Assert.Equal(["drv/amix.h", "drv/amix_kernel.h", "drv/cpu.h"], files.Where(f => f.StartsWith("drv/", StringComparison.Ordinal)));
        Assert.Contains("Makefile", files);
        Assert.Equal(["patches/INSTALL", "patches/alien-Makefile.txt", "patches/kernel.c.txt", "patches/sd.c.txt"],
            files.Where(f => f.StartsWith("patches/", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_kernel_entry_points_have_their_exact_c_names_with_kr_definitions()
    {
        // sd.c declares the queue functions `extern bool a4091queue();` with rico.h's bool (a char).
        Assert.Matches(new Regex(@"^bool a4091queue\(c, cp\)\nint c;\nstruct sdcom \*cp;\n\{", RegexOptions.Multiline), C);
        Assert.Matches(new Regex(@"^void a4091intr\(\)\n\{", RegexOptions.Multiline), C);
        Assert.Contains("extern bool a4091queue();", H);
        Assert.Contains("extern void a4091intr();", H);
    }

    [Fact]
    public void The_entry_points_have_the_types_sd_c_and_kernel_c_declare_them_with()
    {
        // One translation unit with the driver's header and the kernel's own declarations (sd.c's extern and
        // scsicard[] pointer type, kernel.c's int2_tbl type): a different return type is a conflicting-types error.
        string include = Repo.Path("tests", "include", "amix");
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "types_check.c"), """
            #include "a4091.h"
            extern bool a3091queue(), a4091queue();
            extern void a3091intr(), a4091intr();
            bool (*queue_f)() = &a4091queue;
            void (*int2_entry)() = a4091intr;
            """);
        var (rc, output) = Repo.Run("m68k-linux-gnu-gcc",
            $"-m68030 -std=c89 -pedantic -Wall -Wextra -Werror -I{Out} -I{include} -c types_check.c -o types_check.o", dir, "gcc-m68k-linux-gnu");
        Assert.True(rc == 0, "the driver's prototypes conflict with the kernel's declarations:\n" + output);
    }

    [Fact]
    public void The_chip_is_given_a_page_aligned_copy_of_the_scripts_never_the_static_array()
    {
        // The 68k ABI aligns a ulong array to 2; the chip needs DSP and DSA multiples of 4. The driver copies the
        // program into RAM from sptalloc(1, PG_V, 0, 0) and relocates its label patches there.
        Assert.Contains("sptalloc(1, PG_V, 0u, 0)", C);
        Assert.Matches(@"copy\[i\] = source\[i\];", C);
        Assert.Matches(@"copy\[patches\[i\]\] \+= phys;", C);
        Assert.DoesNotMatch(@"DRV_MMIO_WRITE_BE32\(&w->dsp, \(?\w*\)?a4091_siop_script_program", C);
        // The SIZE define is the size of the emitted array, and the program and the command block fit in one 2 KB page.
        uint size = Repo.Define(H, "A4091_SIOP_SCRIPT_PROGRAM_SIZE");
        Assert.Equal((uint)Repo.ArrayWords(C, "a4091_siop_script_program").Length * 4, size);
        var block = Regex.Match(H, @"sizeof\(struct a4091_command_block\) == (\d+)\)");
        Assert.True(block.Success, "no size check of struct a4091_command_block");
        Assert.True(size + uint.Parse(block.Groups[1].Value) <= 2048, $"{size} bytes of SCRIPTS and the command block must fit in a 68030 page");
        Assert.Equal(0u, Repo.Define(H, "A4091_SIOP_SCRIPT_PROGRAM_PATCHES"));
    }

    [Fact]
    public void The_c_is_the_kernel_dialect_no_line_comments_no_const()
    {
        foreach (var text in new[] { C, H })
        {
            string code = Regex.Replace(text, "\"(\\\\.|[^\"\\\\])*\"", "\"\"");
            Assert.DoesNotContain("//", Regex.Replace(code, @"/\*.*?\*/", "", RegexOptions.Singleline));
            Assert.DoesNotMatch(@"\bconst\b", code);
        }
    }

    [Fact]
    public void Registers_are_accessed_through_the_runtime_macros_with_8_and_32_bit_accesses_only()
    {
        var accesses = Regex.Matches(C, @"DRV_MMIO_(READ|WRITE)(_BE|_LE)?(\d+)\(&(\w+)->(\w+)").ToList();
        Assert.NotEmpty(accesses);
        Assert.All(accesses, m => Assert.Contains(m.Groups[3].Value, new[] { "8", "32" }));
        // Writes go through the +0x40 shadow pointer, reads through the register base.
        Assert.All(accesses.Where(m => m.Groups[1].Value == "WRITE"), m => Assert.Equal("w", m.Groups[4].Value));
        Assert.All(accesses.Where(m => m.Groups[1].Value == "READ"), m => Assert.NotEqual("w", m.Groups[4].Value));
        // SSTAT0 and DSTAT are read as one longword at 0x0C, never as bytes.
        Assert.Contains("DRV_MMIO_READ_BE32(&r->status)", C);
        Assert.Contains("uchar sien; /* 0x00 */", H);
        Assert.Contains("uint status; /* 0x0c BE */", H);
        Assert.Contains("uchar istat; /* 0x22 */", H);
        Assert.Contains("uint dsp; /* 0x2c BE */", H);
    }

    [Fact]
    public void The_board_is_mapped_with_sptalloc_of_the_register_page()
    {
        Assert.Contains("sptalloc(1, PG_V, phystopfn(board + A4091_SIOP_REGISTER_OFFSET), 0)", C);
        Assert.Contains("#define A4091_SIOP_REGISTER_OFFSET 0x800000u", H);
        // the write shadow is the default of a build option (FS-UAE 3.1's A4091 needs 0, see drivers/A4091/README.md)
        Assert.Contains("#ifndef A4091_SIOP_WRITE_OFFSET\n#define A4091_SIOP_WRITE_OFFSET 0x40\n#endif", H);
        Assert.Contains("(uchar *)regs + A4091_SIOP_WRITE_OFFSET", C);
    }

    [Fact]
    public void Compiles_as_c89_for_the_68030_against_the_amix_kernel_declarations()
    {
        string include = Repo.Path("tests", "include", "amix");
        var (rc, output) = Repo.Run("m68k-linux-gnu-gcc",
            $"-m68030 -std=c89 -pedantic -Wall -Wextra -Werror -fwrapv -O2 -I. -I{include} -c a4091.c -o a4091.o", Out, "gcc-m68k-linux-gnu");
        Assert.True(rc == 0, "m68k-linux-gnu-gcc rejected a4091.c:\n" + output);
        // The exported entry points are global symbols of the object (what sd.c and kernel.c link against).
        var (nmRc, symbols) = Repo.Run("m68k-linux-gnu-nm", "a4091.o", Out, "binutils-m68k-linux-gnu");
        Assert.Equal(0, nmRc);
        Assert.Matches(@"(?m)^[0-9a-f]+ T a4091queue$", symbols);
        Assert.Matches(@"(?m)^[0-9a-f]+ T a4091intr$", symbols);
        Assert.Matches(@"(?m)^[0-9a-f]+ D a4091_siop_script_program$", symbols);
        Assert.Matches(@"(?m)^\s+U sptalloc$", symbols);
        Assert.Matches(@"(?m)^\s+U vtop$", symbols);
        Assert.Matches(@"(?m)^\s+U sdcardbase$", symbols);
    }

    [Fact]
    public void Cdb_length_follows_the_group_code()
    {
        // group 0 -> 6, group 5 -> 12, every other group -> 10 (SCSI-2 §7.2.1, facts §1.11)
        Assert.Matches(new Regex(@"group = opcode >> 5;\s+if \(group == 0\) \{\s+return 6u;\s+\}\s+if \(group == 5\) \{\s+return 12u;\s+\}\s+return 10u;"), C);
    }
}
