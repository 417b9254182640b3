using DriverCompiler.Scripts;

namespace DriverCompiler.A4091.Tests;

/// <summary>
/// SCRIPTS written in C# against the same program written as classic .ss text and assembled by the
/// text front end: the instruction words, symbols and patch tables must be identical.
/// </summary>
public class ScriptsTests
{
    /// <summary>The A4091 program of drivers/A4091/Script.cs, written by hand in ncr53cxxx syntax with the DSA offsets counted by hand.</summary>
    private const string A4091Ss = """
        ARCH 710
        ABSOLUTE ds_Device = 0x00   ; Be32
        ABSOLUTE ds_MsgOut = 0x04   ; {count, address} entries of 8 bytes
        ABSOLUTE ds_Command = 0x0c
        ABSOLUTE ds_Data = 0x14
        ABSOLUTE ds_Status = 0x1c
        ABSOLUTE ds_MsgIn = 0x24
        ENTRY start
        start:
            SELECT ATN FROM ds_Device, REL(reselected)
            MOVE FROM ds_MsgOut, WHEN MSG_OUT
            CLEAR ATN
            MOVE FROM ds_Command, WHEN CMD
            JUMP REL(dataout), WHEN DATA_OUT
            JUMP REL(datain), IF DATA_IN
            JUMP REL(status), IF STATUS
            INT 0xff05
        dataout:
            MOVE FROM ds_Data, WHEN DATA_OUT
            JUMP REL(status), WHEN STATUS
            INT 0xff05
        datain:
            MOVE FROM ds_Data, WHEN DATA_IN
            JUMP REL(status), WHEN STATUS
            INT 0xff05
        status:
            MOVE FROM ds_Status, WHEN STATUS
            MOVE FROM ds_MsgIn, WHEN MSG_IN
            INT 0xff06, IF NOT 0x00
            CLEAR ACK
            WAIT DISCONNECT
            INT 0xff00
        reselected:
            INT 0xff10
        """;

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
        Assert.Equal([0x98080000u, 0x0000ff10u], words[^2..]);
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
}
