using DriverCompiler.Scripts;

namespace DriverCompiler.Scripts.Tests;

/// <summary>Expressions, forward references, the fixed ncr53cxxx bugs, no size limits, ARCH differences.</summary>
public class SemanticsTests
{
    [Fact]
    public void OperandsAcceptExpressions()
    {
        var w = Asm.Words("""
            ARCH 710
            ABSOLUTE base = 0x1000
            ABSOLUTE msg = base + 8 * 4
            	MOVE 2 + 2, msg + 1, WHEN MSG_IN
            	MOVE (1 << 3) | 1 TO SCRATCH0
            	INT ~0 & 0xff00
            	JUMP REL(end - 8), IF 0x80 >> 4, AND MASK 0x0f ^ 0xff
            	MOVE FROM 4 * 2, WHEN DATA_IN
            	INT -1
            end:	NOP
            """);
        Assert.Equal(new uint[] { 0x0f000004, 0x1021 }, w[0..2]);
        Assert.Equal(0x78340900u, w[2]);
        Assert.Equal(0xff00u, w[5]);
        Assert.Equal(0x808cf008u, w[6]);   // data 0x08, mask 0xf0
        Assert.Equal(8u, w[7]);            // (48 − 8) − (24 + 8)
        Assert.Equal(new uint[] { 0x19000008, 8 }, w[8..10]);
        Assert.Equal(0xffffffffu, w[11]);
    }

    [Fact]
    public void DefinitionsMayReferToLaterDefinitionsAndLabels()
    {
        var p = Asm.Ok("ARCH 710\nABSOLUTE a = b + 1\nABSOLUTE b = 2, c = here * 2\n\tNOP\nhere:\tINT a\n");
        Assert.Equal(3u, p.FindSymbol("a")!.Value);
        Assert.Equal(16u, p.FindSymbol("c")!.Value);
        Assert.Equal(3u, p.Procs[0].Words[3]);
    }

    [Fact]
    public void ExternalPlusOffsetIsRecordedAsAUse()
    {
        var p = Asm.Ok("ARCH 710\nEXTERN tbl\n\tNOP\n\tMOVE 4, tbl + 8, WHEN DATA_IN\n");
        Assert.Equal(8u, p.Procs[0].Words[3]);
        Assert.Equal([3], p.FindSymbol("tbl")!.Uses.Select(u => u.WordIndex));
    }

    [Fact]
    public void ForwardReferencesResolveInEveryOperand()
    {
        // ncr53cxxx patches dword1 for any forward reference, even when the operand is in dword0.
        var w = Asm.Words("ARCH 710\n\tJUMP REL(x), IF val\n\tMOVE cnt, 0, WHEN DATA_IN\nx:\tNOP\nABSOLUTE val = 0x42, cnt = 0x10\n");
        Assert.Equal(0x808c0042u, w[0]);
        Assert.Equal(8u, w[1]);
        Assert.Equal(0x09000010u, w[2]);
        Assert.Equal(0u, w[3]);
    }

    [Fact]
    public void EntryAfterForwardReferenceIsNotPatchedTwice()
    {
        // ncr53cxxx bug (facts §3.7.3): ENTRY after a forward reference adds the label offset twice (0x30, not 0x18).
        var p = Asm.Ok("ARCH 710\nPROC s:\n\tJUMP target\n\tNOP\n\tNOP\nENTRY target\ntarget:\n\tINT 1\n");
        Assert.Equal(0x18u, p.Procs[0].Words[1]);
        Assert.Equal(0x18u, p.FindSymbol("target")!.Value);
        Assert.Contains("#define\tEnt_target\t0x00000018", Asm.Out("ARCH 710\nPROC s:\n\tJUMP target\n\tNOP\n\tNOP\nENTRY target\ntarget:\n\tINT 1\n"));
    }

    [Fact]
    public void LabelsOfAnotherProcAreRejectedWithTheirLocation()
    {
        // ncr53cxxx bug (facts §3.7.3): JUMP REL(start) in another PROC assembled to 0xfffffff8;
        // a forward reference into a later PROC patched the wrong array.
        var errs = Asm.Errors("ARCH 710\nPROC first:\nstart:\tNOP\nPROC second:\n\tJUMP REL(start)\n\tJUMP later\nPROC third:\nlater:\tNOP\n");
        Assert.Equal(2, errs.Count);
        Assert.All(errs, e => Assert.Equal(ScriptErrorCodes.CrossProcReference, e.Code));
        Assert.Equal(new SourceLocation("bad.ss", 5, 11), errs[0].Location);
        Assert.Equal(new SourceLocation("bad.ss", 6, 7), errs[1].Location);
    }

    [Fact]
    public void ProgramsBeyondNcr53cxxxLimitsAssemble()
    {
        // ncr53cxxx stops at MAXINST 1024 dwords and MAXSYMBOLS 128.
        var sb = new System.Text.StringBuilder("ARCH 710\nENTRY first\n");
        for (int i = 0; i < 300; i++)
            sb.Append($"ABSOLUTE k{i} = {i} * 4\n");
        sb.Append("first:\n");
        for (int i = 0; i < 700; i++)
            sb.Append($"l{i}:\tMOVE FROM k{i % 300}, WHEN DATA_IN\n");
        sb.Append("\tJUMP REL(first)\n\tJUMP l0\n");
        var p = Asm.Ok(sb.ToString());
        var words = p.Procs[0].Words;
        Assert.Equal(1404, words.Count);
        Assert.Equal(702, p.InstructionCount);
        Assert.Equal(300 + 1 + 700, p.Symbols.Count);
        Assert.Equal(unchecked((uint)-(700 * 8 + 8)), words[1401]);   // first(0) − (5600 + 8)
        Assert.Equal((uint)(299 * 4), p.FindSymbol("k299")!.Value);
        Assert.Equal(0x190004acu, words[2 * 299]);           // MOVE FROM k299 = 0x4ac
        Assert.Equal([1403], p.LabelPatches.Select(x => x.WordIndex));
    }

    [Theory]
    // facts §3.7.1: DMODE is 0x34 on the 700 and 0x38 on the 710; on 720+ ISTAT is 0x14 and CTEST0 0x18.
    [InlineData("700", "MOVE 0x11 TO DMODE", 0x78341100u)]
    [InlineData("710", "MOVE 0x11 TO DMODE", 0x78381100u)]
    [InlineData("710", "MOVE ISTAT TO SFBR", 0x72210000u)]
    [InlineData("720", "MOVE ISTAT TO SFBR", 0x72140000u)]
    [InlineData("710", "MOVE CTEST0 TO SFBR", 0x72140000u)]
    [InlineData("770", "MOVE CTEST0 TO SFBR", 0x72180000u)]
    [InlineData("710", "MOVE 1 TO LCRC", 0x78230100u)]
    [InlineData("700", "MOVE 1 TO CTEST9", 0x78230100u)]
    [InlineData("710", "MOVE SFBR TO SDID", 0x6a020000u)]
    [InlineData("720", "MOVE SFBR TO SDID", 0x6a060000u)]
    [InlineData("770", "MOVE SFBR TO SCRATCHJ3", 0x6a7f0000u)]
    public void RegisterNumbersFollowTheArch(string arch, string instruction, uint word0)
    {
        Assert.Equal(word0, Asm.One("\t" + instruction, arch)[0]);
    }

    [Theory]
    [InlineData("700", "MOVE SCRATCH0 TO SFBR", "SCR0006")]   // no SCRATCH on the 700
    [InlineData("720", "MOVE LCRC TO SFBR", "SCR0006")]       // LCRC is 710-only
    [InlineData("710", "MOVE SCRATCHC0 TO SFBR", "SCR0006")]  // SCRATCHC is 770/825
    [InlineData("700", "MOVE FROM 8, WHEN DATA_IN", "SCR0007")]
    [InlineData("700", "SELECT FROM 0, REL(target)", "SCR0007")]
    [InlineData("710", "LOAD SCRATCH0, 4, 0x100", "SCR0007")]
    [InlineData("810", "MOVE SCRATCHA0 + SFBR TO SCRATCHA0", "SCR0007")]
    public void ArchRestrictionsAreErrors(string arch, string instruction, string code)
    {
        var errs = Asm.Errors($"ARCH {arch}\n\t{instruction}\ntarget:\tNOP\n");
        Assert.Equal(code, errs[0].Code);
        Assert.Equal(2, errs[0].Location!.Line);
    }

    [Fact]
    public void LoadStoreAndSfbrOperandOnLaterChips()
    {
        // 53C8xx LOAD/STORE: 0xE1 LOAD / 0xE0 STORE, bit 25 NOFLUSH, bit 28 DSA-relative, register in 22..16, size in 2..0.
        Assert.Equal(new uint[] { 0xf1340004, 0 }, Asm.One("\tLOAD SCRATCHA0, 4, FROM 0", "810"));
        Assert.Equal(new uint[] { 0xe25c0004, 0x200 }, Asm.One("\tSTORE NOFLUSH SCRATCHB0, 4, 0x200", "810"));
        Assert.Equal(new uint[] { 0xf0360002, 8 }, Asm.One("\tSTORE SCRATCHA2, 2, DSAREL 8", "825"));
        // 825 + SFBR: bit 23 and data 0.
        Assert.Equal(0x7eb40000u, Asm.One("\tMOVE SCRATCHA0 + SFBR TO SCRATCHA0", "825")[0]);
    }

    [Fact]
    public void ArchOptionIsTheDefaultAndArchStatementOverridesIt()
    {
        Assert.Equal(0x72210000u, Asm.Words("\tMOVE ISTAT TO SFBR\n", ScriptArch.Ncr710)[0]);
        Assert.Equal(0x72140000u, Asm.Words("ARCH 720\n\tMOVE ISTAT TO SFBR\n", ScriptArch.Ncr710)[0]);
        Assert.Equal(ScriptErrorCodes.ArchMissing, Asm.Errors("\tMOVE ISTAT TO SFBR\n").Single().Code);
    }

    [Fact]
    public void ModelBuiltInMemoryAssemblesLikeText()
    {
        // The C# front end builds the same model directly.
        var prog = new ScriptProgram { Arch = ScriptArch.Ncr710 }
            .Add(new DefineStatement(DefineKind.Absolute, "ds_Cmd", 12))
            .Add(new EntryStatement([new SymbolName("go")]))
            .Add(new ProcStatement("scripts"))
            .Add(new LabelStatement("go"))
            .Add(new SelectInstruction { Atn = true, TableIndirect = true, Id = 0, Alternate = new JumpTarget(ScriptExpression.Symbol("fail"), true) })
            .Add(new BlockMoveInstruction { TableIndirect = true, Address = ScriptExpression.Symbol("ds_Cmd"), Phase = ScsiPhase.Command })
            .Add(new RegisterMoveInstruction { Data = 0x5a, Destination = new ScriptRegister("SCRATCH0") })
            .Add(new LabelStatement("fail"))
            .Add(new TransferInstruction { Opcode = TransferOpcode.Int, Vector = 0xff10, Condition = new TransferCondition { When = true, Not = true, Phase = ScsiPhase.MessageIn } });
        var r = ScriptAssembler.Assemble(prog);
        Assert.True(r.Succeeded);
        var text = Asm.Words("ARCH 710\nABSOLUTE ds_Cmd = 12\nENTRY go\nPROC scripts:\ngo:\tSELECT ATN FROM 0, REL(fail)\n\tMOVE FROM ds_Cmd, WHEN CMD\n\tMOVE 0x5a TO SCRATCH0\nfail:\tINT 0xff10, WHEN NOT MSG_IN\n");
        Assert.Equal(text, r.Program!.Procs[0].Words);
    }
}
