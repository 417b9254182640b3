using DriverCompiler.Scripts;

namespace DriverCompiler.Scripts.Tests;

/// <summary>
/// One test per instruction form. Each expected word is built from the bit layouts in the
/// A4091/53C710 facts document (§4.1 block move, §4.2 I/O, §4.3 register, §4.4 transfer, §4.5
/// memory move; §3.4 lists the same words per source form) — never from assembler output.
/// The instruction sits at offset 0 and the label <c>target</c> at offset 8, so an absolute
/// reference to it is 8 and <c>REL(target)</c> is 8 − (0 + 8) = 0.
/// </summary>
public class EncodingTests
{
    private const uint When = 1u << 27;     // §4.1 block move OPC bit: WHEN
    private const uint Ptr = 1u << 29;      // §4.1 IND
    private const uint Table = 1u << 28;    // §4.1 TBL
    private const uint Wait = 1u << 16;     // §4.4 WAIT (WHEN)
    private const uint CmpP = 1u << 17;     // §4.4 compare phase
    private const uint CmpD = 1u << 18;     // §4.4 compare data
    private const uint True = 1u << 19;     // §4.4 jump if true
    private const uint Rel = 1u << 23;      // §4.4 relative
    private static uint Phase(int p) => (uint)p << 24;

    public static TheoryData<string, uint, uint> Forms => new()
    {
        // §4.1 block moves: phase in 26..24, count in 23..0, dword1 = address.
        { "MOVE 36, 0x1000, WHEN DATA_IN", When | Phase(1) | 36, 0x1000 },
        { "MOVE 6, 0x2000, WITH CMD", Phase(2) | 6, 0x2000 },
        { "MOVE 1, PTR 0x3000, WHEN MSG_OUT", Ptr | When | Phase(6) | 1, 0x3000 },
        { "MOVE 0xffffff, 0, WITH MSG_IN", Phase(7) | 0xffffff, 0 },
        { "MOVE 4, target, WHEN RES4", When | Phase(4) | 4, 8 },
        { "MOVE 4, 0x10, with res5", Phase(5) | 4, 0x10 },
        // §4.1 + §3.7.6: table indirect puts the DSA offset in dword0 23..0 and in dword1.
        { "MOVE FROM 0x3c, WHEN DATA_OUT", Table | When | Phase(0) | 0x3c, 0x3c },
        { "MOVE FROM 0x14, WITH STATUS", Table | Phase(3) | 0x14, 0x14 },
        // §4.2 I/O: 0x40 SELECT, ATN 0x01, FROM 0x02, REL 0x04 in the top byte; ID in 23..16.
        { "SELECT 0x40, 0x80", 0x40000000 | 0x40 << 16, 0x80 },
        { "SELECT ATN 0x01, target", 0x41000000 | 0x01 << 16, 8 },
        { "SELECT ATN FROM 0, REL(target)", 0x47000000, 0 },
        { "SELECT FROM 0x10, target", 0x42000010, 8 },
        { "RESELECT 0x80, REL(target)", 0x44000000 | 0x80 << 16, 0 },
        { "RESELECT FROM 4, target", 0x42000004, 8 },
        { "WAIT SELECT REL(target)", 0x54000000, 0 },
        { "WAIT RESELECT target", 0x50000000, 8 },
        { "WAIT DISCONNECT", 0x48000000, 0 },
        { "DISCONNECT", 0x48000000, 0 },
        // §4.2 SET/CLEAR: ACK 0x40, ATN 0x08, TARGET 0x200, CARRY 0x400.
        { "SET ATN", 0x58000008, 0 },
        { "SET ACK AND ATN", 0x58000048, 0 },
        { "SET TARGET", 0x58000200, 0 },
        { "SET CARRY", 0x58000400, 0 },
        { "CLEAR ATN AND ACK AND CARRY", 0x60000448, 0 },
        { "clear ack", 0x60000040, 0 },
        // §4.4 transfers: JUMP 0x80, CALL 0x88, RETURN 0x90, INT 0x98; bare = bit 19 (unconditional).
        { "JUMP target", 0x80000000 | True, 8 },
        { "JUMP REL(target)", 0x80000000 | Rel | True, 0 },
        { "JUMP REL(target), WHEN DATA_IN", 0x80000000 | Phase(1) | Rel | True | CmpP | Wait, 0 },
        { "JUMP REL(target), IF DATA_IN", 0x80000000 | Phase(1) | Rel | True | CmpP, 0 },
        { "JUMP target, IF DATA_IN", 0x80000000 | Phase(1) | True | CmpP, 8 },
        { "JUMP REL(target), WHEN NOT MSG_IN", 0x80000000 | Phase(7) | Rel | CmpP | Wait, 0 },
        { "JUMP REL(target), IF 0x04", 0x80000000 | Rel | True | CmpD | 0x04, 0 },
        { "JUMP REL(target), IF NOT 0x04", 0x80000000 | Rel | CmpD | 0x04, 0 },
        { "JUMP REL(target), IF 0x80, AND MASK 0x7f", 0x80000000 | Rel | True | CmpD | 0x7f << 8 | 0x80, 0 },
        { "JUMP REL(target), WHEN MSG_IN AND 0x01", 0x80000000 | Phase(7) | Rel | True | CmpD | CmpP | Wait | 0x01, 0 },
        { "JUMP REL(target), WHEN NOT MSG_IN OR 0x01", 0x80000000 | Phase(7) | Rel | CmpD | CmpP | Wait | 0x01, 0 },
        { "JUMP REL(target), WHEN MSG_IN AND 0x01, AND MASK 0xf0", 0x80000000 | Phase(7) | Rel | True | CmpD | CmpP | Wait | 0xf0 << 8 | 0x01, 0 },
        // §3.7.7: IF ATN is a phase-0 compare (same bits as IF DATA_OUT); IF FALSE has neither bit 19 nor compares.
        { "JUMP REL(target), IF ATN", 0x80000000 | Rel | True | CmpP, 0 },
        { "JUMP REL(target), IF DATA_OUT", 0x80000000 | Rel | True | CmpP, 0 },
        { "JUMP REL(target), IF FALSE", 0x80000000 | Rel, 0 },
        { "NOP", 0x80000000, 0 },
        { "CALL REL(target), WHEN NOT DATA_IN", 0x88000000 | Phase(1) | Rel | CmpP | Wait, 0 },
        { "CALL target", 0x88000000 | True, 8 },
        { "RETURN", 0x90000000 | True, 0 },
        { "RETURN, WHEN STATUS", 0x90000000 | Phase(3) | True | CmpP | Wait, 0 },
        { "RETURN, IF NOT 0x20, AND MASK 0x0f", 0x90000000 | CmpD | 0x0f << 8 | 0x20, 0 },
        { "INT 0xff00", 0x98000000 | True, 0xff00 },
        { "INT 5, IF 0x00", 0x98000000 | True | CmpD, 5 },
        { "INT 6, WHEN NOT MSG_IN", 0x98000000 | Phase(7) | CmpP | Wait, 6 },
        { "INTFLY 0x55", 0x98000000 | 1u << 20 | True, 0x55 },   // §4.4 bit 20 FLY
        // §4.3 register moves; numbers from the §4.6 LE (SCRIPTS) column: SCNTL1 0x01, SCRATCH0..3 0x34..0x37,
        // ISTAT 0x21, DCNTL 0x3B, DSA3 0x13, CTEST8 0x22, TEMP3 0x1F. Opcodes 0x68 SFBR->reg, 0x70 reg->SFBR, 0x78 RMW.
        { "MOVE 0x5a TO SCRATCH0", 0x78000000 | 0x34 << 16 | 0x5a << 8, 0 },
        { "MOVE SCRATCH1 TO SFBR", 0x72000000 | 0x35 << 16, 0 },
        { "MOVE SFBR TO SCRATCH2", 0x6a000000 | 0x36 << 16, 0 },
        { "MOVE SCNTL1 & 0x10 TO SFBR", 0x74000000 | 0x01 << 16 | 0x10 << 8, 0 },
        { "MOVE SFBR | 0x01 TO SCRATCH3", 0x6a000000 | 0x37 << 16 | 0x01 << 8, 0 },
        { "MOVE SCRATCH0 | 0x80 TO SCRATCH0", 0x7a000000 | 0x34 << 16 | 0x80 << 8, 0 },
        { "MOVE SCRATCH0 XOR 0x0f TO SCRATCH0", 0x7b000000 | 0x34 << 16 | 0x0f << 8, 0 },
        { "MOVE SCRATCH0 & 0xf0 TO SCRATCH0", 0x7c000000 | 0x34 << 16 | 0xf0 << 8, 0 },
        { "MOVE SCRATCH0 + 1 TO SCRATCH0", 0x7e000000 | 0x34 << 16 | 0x01 << 8, 0 },
        { "MOVE SCRATCH0 - 1 TO SCRATCH0", 0x7e000000 | 0x34 << 16 | 0xff << 8, 0 },   // ADD of -1
        { "MOVE SCRATCH0 + 1 TO SCRATCH0 WITH CARRY", 0x7f000000 | 0x34 << 16 | 0x01 << 8, 0 },
        { "MOVE SCRATCH0 SHL SCRATCH0", 0x79000000 | 0x34 << 16, 0 },
        { "MOVE SCRATCH0 SHR SCRATCH0", 0x7d000000 | 0x34 << 16, 0 },
        { "MOVE SCRATCH1 SHL SFBR", 0x71000000 | 0x35 << 16, 0 },
        { "MOVE SFBR SHR DSA3", 0x6d000000 | 0x13 << 16, 0 },
        { "MOVE ISTAT | 0x20 TO ISTAT", 0x7a000000 | 0x21 << 16 | 0x20 << 8, 0 },
        { "MOVE 0x80 TO DCNTL", 0x78000000 | 0x3b << 16 | 0x80 << 8, 0 },
        { "MOVE SFBR TO DSA3", 0x6a000000 | 0x13 << 16, 0 },
        { "MOVE CTEST8 | 0x04 TO CTEST8", 0x7a000000 | 0x22 << 16 | 0x04 << 8, 0 },
        { "MOVE TEMP3 TO SFBR", 0x72000000 | 0x1f << 16, 0 },
        { "move scratch0 to sfbr", 0x72000000 | 0x34 << 16, 0 },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public void EncodesEachForm(string instruction, uint word0, uint word1)
    {
        var w = Asm.One("\t" + instruction);
        Assert.Equal($"0x{word0:x8} 0x{word1:x8}", $"0x{w[0]:x8} 0x{w[1]:x8}");
    }

    [Fact]
    public void MemoryMoveIsThreeWords()
    {
        // §4.5: dword0 = 0xC0000000 | count, dword1 = source, dword2 = destination.
        var p = Asm.Ok("ARCH 710\n\tMOVE MEMORY 16, 0x100, 0x200\nnext:\tINT next\n");
        Assert.Equal(new uint[] { 0xc0000010, 0x100, 0x200, 0x98080000, 12 }, p.Procs[0].Words);
        Assert.Equal(2, p.InstructionCount);
    }

    [Fact]
    public void RelativeOffsetsCountFromTheNextInstruction()
    {
        // §3.7.2: dword1 = target − (dsps + 8), full 32-bit two's complement.
        var w = Asm.Words("ARCH 710\na:\tNOP\n\tJUMP REL(a)\n\tJUMP REL(b)\n\tNOP\nb:\tCALL REL(b)\n");
        Assert.Equal(0xfffffff0u, w[3]);   // a(0) − (8 + 8)
        Assert.Equal(8u, w[5]);            // b(32) − (16 + 8)
        Assert.Equal(0xfffffff8u, w[9]);   // b(32) − (32 + 8)
    }

    [Fact]
    public void RegisterOperatorsUseTheirCodes()
    {
        // §4.3: operator codes in bits 26..24: 1 SHL, 2 OR, 3 XOR, 4 AND, 5 SHR, 6 ADD, 7 ADC.
        string[] ops = ["SHL", "|", "XOR", "&", "SHR", "+", "+"];
        for (int code = 1; code <= 7; code++)
        {
            string op = ops[code - 1];
            string src = op is "SHL" or "SHR" ? $"MOVE SCRATCH2 {op} SCRATCH2" : $"MOVE SCRATCH2 {op} 3 TO SCRATCH2" + (code == 7 ? " WITH CARRY" : "");
            uint data = op is "SHL" or "SHR" ? 0u : 3u << 8;
            Assert.Equal(0x78000000u | (uint)code << 24 | 0x36u << 16 | data, Asm.One("\t" + src)[0]);
        }
    }
}
