using DriverCompiler.Scripts;

namespace DriverCompiler.A4091.Tests;

/// <summary>
/// SCRIPTS written in C# against the same program written as classic .ss text and assembled by the
/// text front end: the instruction words, symbols and patch tables must be identical. The A4091
/// program's words are also compared with the output of NetBSD's ncr53cxxx for that text, recorded
/// in Reference/ (an assembler bug both front ends share shows there).
/// </summary>
public class ScriptsTests
{
    /// <summary>
    /// The A4091 program of drivers/A4091/Script.cs written by hand in ncr53cxxx syntax, DSA offsets counted by
    /// hand (Reference/a4091_siop_script.ss), and NetBSD ncr53cxxx's output for it recorded with its provenance
    /// (Reference/a4091_siop_script.ncr53cxxx.out).
    /// </summary>
    private static string ReferenceFile(string name) => Repo.Path("tests", "DriverCompiler.A4091.Tests", "Reference", name);

    private static readonly string A4091Ss = File.ReadAllText(ReferenceFile("a4091_siop_script.ss"));

    private static AssembledProgram Assemble(string ss)
    {
        var parsed = ScriptParser.Parse(ss, "test.ss");
        Assert.True(parsed.Program is not null, string.Join("\n", parsed.Diagnostics));
        var result = ScriptAssembler.Assemble(parsed.Program!);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result.Program!;
    }

    [Fact]
    public void The_a4091_program_equals_its_ss_text()
    {
        string c = File.ReadAllText(Path.Combine(Repo.A4091Out.Value, "a4091.c"));
        string h = File.ReadAllText(Path.Combine(Repo.A4091Out.Value, "a4091.h"));
        var expected = Assemble(A4091Ss);
        Assert.Equal(expected.Procs.Single().Words, Repo.ArrayWords(c, "a4091_siop_script_program"));
        foreach (var s in expected.Symbols.Where(s => s.Kind == ScriptSymbolKind.Absolute))
            Assert.Equal(s.Value, Repo.Define(h, "A_" + s.Name));
        Assert.Equal(expected.FindSymbol("start")!.Value, Repo.Define(h, "Ent_start"));
        Assert.Equal((uint)expected.InstructionCount, Repo.Define(h, "A4091_SIOP_SCRIPT_PROGRAM_INSTRUCTIONS"));
        Assert.Equal(0u, Repo.Define(h, "A4091_SIOP_SCRIPT_PROGRAM_PATCHES")); // every jump is REL(): nothing to relocate
    }

    [Fact]
    public void The_a4091_program_has_the_words_NetBSD_ncr53cxxx_assembles_from_its_ss_text()
    {
        // Expected values: the reference assembler's recorded output, not this repository's assembler.
        string reference = File.ReadAllText(ReferenceFile("a4091_siop_script.ncr53cxxx.out"));
        Assert.Contains("$NetBSD: ncr53cxxx.c,v 1.16", reference);
        string c = File.ReadAllText(Path.Combine(Repo.A4091Out.Value, "a4091.c"));
        string h = File.ReadAllText(Path.Combine(Repo.A4091Out.Value, "a4091.h"));
        uint[] words = Repo.ArrayWords(reference, "SCRIPT");
        Assert.Equal(78, words.Length);   // 39 instructions of two words (the recorded INSTRUCTIONS)
        Assert.Equal(words, Repo.ArrayWords(c, "a4091_siop_script_program"));
        var defines = System.Text.RegularExpressions.Regex.Matches(reference, @"^#define\t(\w+)\t0x([0-9a-f]{8})$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.Equal(9, defines.Count);   // six A_ds_* and Ent_start, Ent_idle, Ent_reconnect
        foreach (System.Text.RegularExpressions.Match d in defines)
            Assert.Equal(Convert.ToUInt32(d.Groups[2].Value, 16), Repo.Define(h, d.Groups[1].Value));
        Assert.Equal(RefCount(reference, "INSTRUCTIONS"), Repo.Define(h, "A4091_SIOP_SCRIPT_PROGRAM_INSTRUCTIONS"));
        Assert.Equal(RefCount(reference, "PATCHES"), Repo.Define(h, "A4091_SIOP_SCRIPT_PROGRAM_PATCHES"));
    }

    private static uint RefCount(string reference, string name)
    {
        var m = System.Text.RegularExpressions.Regex.Match(reference, @"^u_int32_t " + name + @" = 0x([0-9a-f]{8});$", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(m.Success, $"no {name} in the reference output");
        return Convert.ToUInt32(m.Groups[1].Value, 16);
    }

    [Fact]
    public void The_a4091_program_has_the_published_encodings()
    {
        // ncr53cxxx encodings from the facts' table (§3.4): SELECT ATN FROM 0, REL(x) is 0x47000000;
        // MOVE FROM off, WHEN phase puts the offset in both dwords; WAIT DISCONNECT is 0x48000000;
        // a bare INT is 0x98080000.
        var words = Repo.ArrayWords(File.ReadAllText(Path.Combine(Repo.A4091Out.Value, "a4091.c")), "a4091_siop_script_program");
        Assert.Equal(0x47000000u, words[0]);
        Assert.Equal(0x1e000004u, words[2]);
        Assert.Equal(0x00000004u, words[3]);
        Assert.Equal(0x60000008u, words[4]); // CLEAR ATN
        Assert.Contains(0x48000000u, words);
        Assert.Contains(0x54000000u, words);   // WAIT RESELECT REL(x): I/O opcode 010 (bits 29-27), REL (bit 26)
        int reselected = Array.IndexOf(words, 0x0000ff03u);
        Assert.True(reselected > 0 && words[reselected - 1] == 0x98080000u, "INT 0xff03 (Reselected), unconditional");
    }

    private const string AllFormsCs = """
        using DriverCompiler.Dsl;
        using static DriverCompiler.Dsl.Scripts;

        [assembly: Driver("scr", DriverTarget.Amix)]

        public struct Table { public uint Id; public uint Len; public uint Ptr; }

        public static class S
        {
            public const uint Vector = 0x55;

            [Scripts(Arch = 710, Dsa = typeof(Table))]
            public static void P()
            {
                External("ext");
                Absolute("two", 2);
                Entry("top");
                Entry("next");
                Label("top");
                Move(36, 0x1000, When(ScsiPhase.DataIn));
                Move(6, 0x2000, With(ScsiPhase.Command));
                MovePtr(1, 0x3000, When(ScsiPhase.MessageOut));
                Move(Dsa(nameof(Table.Len)), When(ScsiPhase.DataOut));
                Move(Dsa(0x3c), With(ScsiPhase.DataIn));
                MoveMemory(16, 0x100, 0x200);
                Select(0x40, At("top"));
                SelectAtn(Dsa(nameof(Table.Id)), Rel("next"));
                WaitReselect(Rel("next"));
                WaitSelect(At("top"));
                WaitDisconnect();
                Disconnect();
                Set(ScsiSignal.Atn);
                Set(ScsiSignal.Ack | ScsiSignal.Atn);
                Set(ScsiSignal.Target);
                Clear(ScsiSignal.Atn | ScsiSignal.Ack | ScsiSignal.Carry);
                Label("next");
                Jump(At("top"));
                Jump(Rel("top"));
                Jump(Rel("top"), When(ScsiPhase.DataIn));
                Jump(Rel("top"), If(ScsiPhase.DataIn));
                Jump(Rel("top"), WhenNot(ScsiPhase.MessageIn));
                Jump(Rel("top"), IfNot(ScsiPhase.Status));
                Jump(Rel("top"), IfData(0x04));
                Jump(Rel("top"), IfNotData(0x04));
                Jump(Rel("top"), IfData(0x80, 0x7f));
                Jump(Rel("top"), WhenData(0x11));
                Jump(Rel("top"), When(ScsiPhase.MessageIn, 0x01));
                Jump(Rel("top"), IfFalse());
                Call(Rel("top"), WhenNot(ScsiPhase.DataIn));
                Call(At("top"));
                Return();
                Return(When(ScsiPhase.Status));
                Int(0xff00);
                Int(Vector, IfData(0x00));
                IntFly(0x56);
                Nop();
                MoveData(0x5a, ScriptsRegister.SCRATCH0);
                MoveRegister(ScriptsRegister.SCRATCH1, ScriptsRegister.SFBR);
                MoveRegister(ScriptsRegister.SFBR, ScriptsRegister.SCRATCH2);
                MoveRegister(ScriptsRegister.SCNTL1, ScriptsOperator.And, 0x10, ScriptsRegister.SFBR);
                MoveRegister(ScriptsRegister.SFBR, ScriptsOperator.Or, 0x01, ScriptsRegister.SCRATCH3);
                MoveRegister(ScriptsRegister.SCRATCH0, ScriptsOperator.Or, 0x80, ScriptsRegister.SCRATCH0);
                MoveRegister(ScriptsRegister.SCRATCH0, ScriptsOperator.Xor, 0x0f, ScriptsRegister.SCRATCH0);
                MoveRegister(ScriptsRegister.SCRATCH0, ScriptsOperator.Subtract, 1, ScriptsRegister.SCRATCH0);
                MoveRegister(ScriptsRegister.SCRATCH0, ScriptsOperator.AddWithCarry, 1, ScriptsRegister.SCRATCH0);
                MoveRegister(ScriptsRegister.SCRATCH0, ScriptsOperator.ShiftLeft, 0, ScriptsRegister.SCRATCH0);
                MoveRegister(ScriptsRegister.SCRATCH0, ScriptsOperator.ShiftRight, 0, ScriptsRegister.SCRATCH0);
                Jump(At("ext"));
                Move(4, 0x4000, When(ScsiPhase.Status));
            }
        }
        """;

    private const string AllFormsSs = """
        ARCH 710
        EXTERNAL ext
        ABSOLUTE two = 2
        ABSOLUTE ds_Len = 4
        ABSOLUTE ds_Id = 0
        ENTRY top
        ENTRY next
        top:
            MOVE 36, 0x1000, WHEN DATA_IN
            MOVE 6, 0x2000, WITH CMD
            MOVE 1, PTR 0x3000, WHEN MSG_OUT
            MOVE FROM ds_Len, WHEN DATA_OUT
            MOVE FROM 0x3c, WITH DATA_IN
            MOVE MEMORY 16, 0x100, 0x200
            SELECT 0x40, top
            SELECT ATN FROM ds_Id, REL(next)
            WAIT RESELECT REL(next)
            WAIT SELECT top
            WAIT DISCONNECT
            DISCONNECT
            SET ATN
            SET ACK AND ATN
            SET TARGET
            CLEAR ATN AND ACK AND CARRY
        next:
            JUMP top
            JUMP REL(top)
            JUMP REL(top), WHEN DATA_IN
            JUMP REL(top), IF DATA_IN
            JUMP REL(top), WHEN NOT MSG_IN
            JUMP REL(top), IF NOT STATUS
            JUMP REL(top), IF 0x04
            JUMP REL(top), IF NOT 0x04
            JUMP REL(top), IF 0x80, AND MASK 0x7f
            JUMP REL(top), WHEN 0x11
            JUMP REL(top), WHEN MSG_IN AND 0x01
            JUMP REL(top), IF FALSE
            CALL REL(top), WHEN NOT DATA_IN
            CALL top
            RETURN
            RETURN, WHEN STATUS
            INT 0xff00
            INT 0x55, IF 0x00
            INTFLY 0x56
            NOP
            MOVE 0x5a TO SCRATCH0
            MOVE SCRATCH1 TO SFBR
            MOVE SFBR TO SCRATCH2
            MOVE SCNTL1 & 0x10 TO SFBR
            MOVE SFBR | 0x01 TO SCRATCH3
            MOVE SCRATCH0 | 0x80 TO SCRATCH0
            MOVE SCRATCH0 XOR 0x0f TO SCRATCH0
            MOVE SCRATCH0 - 1 TO SCRATCH0
            MOVE SCRATCH0 + 1 TO SCRATCH0 WITH CARRY
            MOVE SCRATCH0 SHL SCRATCH0
            MOVE SCRATCH0 SHR SCRATCH0
            JUMP ext
            MOVE 4, 0x4000, WHEN STATUS
        """;

    [Fact]
    public void Every_instruction_form_equals_its_ss_text_with_symbols_and_patch_tables()
    {
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "S.cs"), AllFormsCs);
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = Repo.Drvc("build", dir, "--out", outDir);
        Assert.True(code == 0, err);
        string c = string.Concat(Directory.GetFiles(outDir, "*.c").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        string h = File.ReadAllText(Path.Combine(outDir, "scr.h"));
        var expected = Assemble(AllFormsSs);
        var proc = expected.Procs.Single();
        Assert.Equal(proc.Words, Repo.ArrayWords(c, "scr_s_p"));
        Assert.Equal(expected.LabelPatches.Select(p => (uint)p.WordIndex), Repo.ArrayWords(c, "scr_s_p_LABELPATCHES"));
        Assert.Equal((uint)expected.LabelPatches.Count, Repo.Define(h, "SCR_S_P_PATCHES"));
        Assert.Equal(expected.FindSymbol("ext")!.Uses.Select(u => (uint)u.WordIndex), Repo.ArrayWords(c, "E_ext_Used"));
        Assert.Equal(0u, Repo.Define(h, "E_ext"));
        Assert.Equal(2u, Repo.Define(h, "A_two"));
        Assert.Equal(4u, Repo.Define(h, "A_ds_Len"));
        Assert.Equal(0u, Repo.Define(h, "A_ds_Id"));
        Assert.Equal(expected.FindSymbol("top")!.Value, Repo.Define(h, "Ent_top"));
        Assert.Equal(expected.FindSymbol("next")!.Value, Repo.Define(h, "Ent_next"));
        // The symbols are listed in the order ncr53cxxx would print them.
        var order = System.Text.RegularExpressions.Regex.Matches(h, @"#define (A|E|Ent)_(\w+) ").Select(m => m.Groups[2].Value).ToList();
        Assert.Equal(expected.Symbols.Where(s => s.Kind != ScriptSymbolKind.Label || s.IsEntry).Select(s => s.Name), order);
    }

    [Fact]
    public void The_table_compiles_for_the_68030_as_c89()
    {
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "S.cs"), AllFormsCs);
        var outDir = Path.Combine(dir, "out");
        Assert.Equal(0, Repo.Drvc("build", dir, "--out", outDir).Code);
        foreach (var file in Directory.GetFiles(outDir, "*.c"))
        {
            var (rc, output) = Repo.Run("m68k-linux-gnu-gcc", $"-m68030 -std=c89 -pedantic -Wall -Wextra -Werror -I. -I{Repo.Path("tests", "include", "amix")} -c {Path.GetFileName(file)} -o /dev/null", outDir, "gcc-m68k-linux-gnu");
            Assert.True(rc == 0, output);
        }
    }

    [Theory]
    [InlineData("Move(0x1000000, 0x1000, When(ScsiPhase.DataIn));", "SCR0005")]   // byte count beyond 24 bits
    [InlineData("Move(Dsa(4), When(ScsiPhase.DataIn));", "SCR0007", 700)]          // table indirect needs the 53C710
    [InlineData("MoveRegister(ScriptsRegister.SCRATCH0, ScriptsRegister.SCRATCH1);", "SCR0011")] // neither side SFBR
    public void Assembler_errors_are_DRV0307_at_the_instruction(string statement, string code, int arch = 710)
    {
        var dir = Repo.TempDir();
        string src = $$"""
            using DriverCompiler.Dsl;
            using static DriverCompiler.Dsl.Scripts;
            [assembly: Driver("scr", DriverTarget.Amix)]
            public static class S
            {
                [Scripts(Arch = {{arch}})]
                public static void P()
                {
                    Label("a");
                    {{statement}}
                }
            }
            """;
        File.WriteAllText(Path.Combine(dir, "S.cs"), src);
        var (exit, _, err) = Repo.Drvc("build", dir, "--out", Path.Combine(dir, "out"));
        Assert.Equal(1, exit);
        Assert.Matches(@"S\.cs\(10,\d+\): error DRV0307: SCRIPTS program 'P': " + code, err);
        Assert.False(Directory.Exists(Path.Combine(dir, "out")));
    }
    [Fact]
    public void A_driver_copies_and_relocates_its_program_with_Size_LabelPatchCount_and_LabelPatches()
    {
        // Expected words by hand from the 53C710 encodings (facts §4.4): JUMP 0x80080000, JUMP REL 0x80880000 with a
        // displacement from the next instruction, INT 0x98080000. The two absolute jumps (word indexes 1 and 7) hold
        // label offsets (b = 16, top = 0) that relocation must move by the copy's address (0x10000 here); nothing else changes.
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "R.cs"), """
            using DriverCompiler.Dsl;
            using static DriverCompiler.Dsl.Scripts;
            [assembly: Driver("rel", DriverTarget.Amix, Prefix = "rel")]
            public static unsafe class R
            {
                [Scripts(Arch = 710)]
                public static void P()
                {
                    Label("top");
                    Jump(At("b"));
                    Jump(Rel("b"));
                    Label("b");
                    Int(0x1234);
                    Jump(At("top"));
                }

                public static uint Relocate(uint* copy, uint phys)
                {
                    uint* source = Scripts.Address(nameof(P));
                    uint size = Scripts.Size(nameof(P));
                    for (uint i = 0; i < size / 4; i++) copy[i] = source[i];
                    uint* patches = Scripts.LabelPatches(nameof(P));
                    uint n = Scripts.LabelPatchCount(nameof(P));
                    for (uint i = 0; i < n; i++) copy[patches[i]] += phys;
                    return size;
                }
            }
            """);
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = Repo.Drvc("build", dir, "--out", outDir);
        Assert.True(code == 0, err);
        File.WriteAllText(Path.Combine(outDir, "main.c"), """
            #include <stdio.h>
            #include "rel.h"
            int main(void)
            {
                uint copy[16], size, i;
                size = rel_r_relocate(copy, 0x10000u);
                printf("%u", size);
                for (i = 0; i < size / 4; i++) printf(" %08x", copy[i]);
                printf("\n");
                return 0;
            }
            """);
        string include = Repo.Path("tests", "include", "amix");
        string sources = string.Join(" ", Directory.GetFiles(outDir, "*.c").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var (rc, output) = Repo.Run("m68k-linux-gnu-gcc", $"-m68030 -std=c89 -Wall -Wextra -Werror -static -I. -I{include} {sources} -o rel", outDir, "gcc-m68k-linux-gnu");
        Assert.True(rc == 0, output);
        var (runRc, printed) = Repo.Run("qemu-m68k", "./rel", outDir, "qemu-user");
        Assert.True(runRc == 0, printed);
        Assert.Equal("32 80080000 00010010 80880000 00000000 98080000 00001234 80080000 00010000", printed.Trim());
    }
    [Theory]
    [InlineData("uint n = Scripts.Size(\"Q\");")]
    [InlineData("uint n = Scripts.LabelPatchCount(\"Q\");")]
    [InlineData("uint* p = Scripts.LabelPatches(\"Q\");")]
    public void The_program_intrinsics_need_the_name_of_a_scripts_method(string statement)
    {
        var dir = Repo.TempDir();
        File.WriteAllText(Path.Combine(dir, "S.cs"), $$"""
            using DriverCompiler.Dsl;
            using static DriverCompiler.Dsl.Scripts;
            [assembly: Driver("scr", DriverTarget.Amix)]
            public static unsafe class S
            {
                [Scripts(Arch = 710)]
                public static void P() { Label("a"); Int(1); }
                public static void Use() { {{statement}} }
            }
            """);
        var (exit, _, err) = Repo.Drvc("build", dir, "--out", Path.Combine(dir, "out"));
        Assert.Equal(1, exit);
        Assert.Matches(@"S\.cs\(8,\d+\): error DRV0305: .*'Q'.*is not the name of a \[Scripts\] method", err);
    }
}
