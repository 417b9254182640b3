namespace DriverCompiler.Scripts;

/// <summary>
/// A chip register named in a register-move or LOAD/STORE instruction, by its SCRIPTS name
/// (case-insensitive, e.g. <c>SCRATCH0</c>, <c>SFBR</c>, <c>DSA3</c>). The number it encodes to depends
/// on the <see cref="ScriptArch"/>; see <see cref="ScriptRegisters.TryGetNumber"/>.
/// </summary>
/// <param name="Name">Register name as written; compared case-insensitively.</param>
public readonly record struct ScriptRegister(string Name)
{
    /// <summary>Where the register was named, if known (for diagnostics).</summary>
    public SourceLocation? Location { get; init; }

    /// <summary>SCSI First Byte Received register (number 0x08 on every ARCH): the data-compare register and one side of every two-register move.</summary>
    public static ScriptRegister Sfbr => new("SFBR");

    /// <summary>True if this is SFBR.</summary>
    public bool IsSfbr => string.Equals(Name, "SFBR", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name, upper-cased.</summary>
    public override string ToString() => Name.ToUpperInvariant();
}

/// <summary>
/// The register-number table used by register moves (bits 22–16 of dword0) and LOAD/STORE: the
/// chip's SCRIPTS (little-endian) numbering per ARCH. For the 53C710 this is the "LE (SCRIPTS)"
/// column of the facts' §4.6 register map (e.g. SCRATCH0 = 0x34, ISTAT = 0x21, DCNTL = 0x3B); the
/// other columns follow ncr53cxxx's <c>regs[]</c> table, except that SCRATCHH2 is 0x76 (ncr53cxxx
/// has the typo 0x7e, which is SCRATCHJ2).
/// </summary>
public static class ScriptRegisters
{
    private static readonly ScriptArch[] Columns =
        [ScriptArch.Ncr700, ScriptArch.Ncr710, ScriptArch.Ncr720, ScriptArch.Ncr770, ScriptArch.Ncr810, ScriptArch.Ncr825];

    private static (string Name, int[] Numbers) R(string name, params int[] numbers) => (name, numbers);

    private static readonly (string Name, int[] Numbers)[] Table =
    [
        //      name           700   710   720   770   810   825
        R("SCNTL0", 0x00, 0x00, 0x00, 0x00, 0x00, 0x00),
        R("SCNTL1", 0x01, 0x01, 0x01, 0x01, 0x01, 0x01),
        R("SDID", 0x02, 0x02, 0x06, 0x06, 0x06, 0x06),
        R("SIEN", 0x03, 0x03,   -1,   -1,   -1,   -1),
        R("SCID", 0x04, 0x04, 0x04, 0x04, 0x04, 0x04),
        R("SCNTL2",   -1,   -1, 0x02, 0x02, 0x02, 0x02),
        R("SCNTL3",   -1,   -1, 0x03, 0x03, 0x03, 0x03),
        R("SXFER", 0x05, 0x05, 0x05, 0x05, 0x05, 0x05),
        R("SODL", 0x06, 0x06,   -1,   -1,   -1,   -1),
        R("SOCL", 0x07, 0x07, 0x09, 0x09, 0x09, 0x09),
        R("GPREG",   -1,   -1, 0x07, 0x07, 0x07, 0x07),
        R("SFBR", 0x08, 0x08, 0x08, 0x08, 0x08, 0x08),
        R("SIDL", 0x09, 0x09,   -1,   -1,   -1,   -1),
        R("SBDL", 0x0a, 0x0a,   -1,   -1,   -1,   -1),
        R("SSID",   -1,   -1, 0x0a, 0x0a, 0x0a, 0x0a),
        R("SBCL", 0x0b, 0x0b, 0x0b, 0x0b, 0x0b, 0x0b),
        R("DSTAT", 0x0c, 0x0c, 0x0c, 0x0c, 0x0c, 0x0c),
        R("SSTAT0", 0x0d, 0x0d, 0x0d, 0x0d, 0x0d, 0x0d),
        R("SSTAT1", 0x0e, 0x0e, 0x0e, 0x0e, 0x0e, 0x0e),
        R("SSTAT2", 0x0f, 0x0f, 0x0f, 0x0f, 0x0f, 0x0f),
        R("DSA0",   -1, 0x10, 0x10, 0x10, 0x10, 0x10),
        R("DSA1",   -1, 0x11, 0x11, 0x11, 0x11, 0x11),
        R("DSA2",   -1, 0x12, 0x12, 0x12, 0x12, 0x12),
        R("DSA3",   -1, 0x13, 0x13, 0x13, 0x13, 0x13),
        R("CTEST0", 0x14, 0x14, 0x18, 0x18, 0x18, 0x18),
        R("CTEST1", 0x15, 0x15, 0x19, 0x19, 0x19, 0x19),
        R("CTEST2", 0x16, 0x16, 0x1a, 0x1a, 0x1a, 0x1a),
        R("CTEST3", 0x17, 0x17, 0x1b, 0x1b, 0x1b, 0x1b),
        R("CTEST4", 0x18, 0x18, 0x21, 0x21, 0x21, 0x21),
        R("CTEST5", 0x19, 0x19, 0x22, 0x22, 0x22, 0x22),
        R("CTEST6", 0x1a, 0x1a, 0x23, 0x23, 0x23, 0x23),
        R("CTEST7", 0x1b, 0x1b,   -1,   -1,   -1,   -1),
        R("TEMP0", 0x1c, 0x1c, 0x1c, 0x1c, 0x1c, 0x1c),
        R("TEMP1", 0x1d, 0x1d, 0x1d, 0x1d, 0x1d, 0x1d),
        R("TEMP2", 0x1e, 0x1e, 0x1e, 0x1e, 0x1e, 0x1e),
        R("TEMP3", 0x1f, 0x1f, 0x1f, 0x1f, 0x1f, 0x1f),
        R("DFIFO", 0x20, 0x20, 0x20, 0x20, 0x20, 0x20),
        R("ISTAT", 0x21, 0x21, 0x14, 0x14, 0x14, 0x14),
        R("CTEST8", 0x22, 0x22,   -1,   -1,   -1,   -1),
        R("LCRC",   -1, 0x23,   -1,   -1,   -1,   -1),
        R("CTEST9", 0x23,   -1,   -1,   -1,   -1,   -1),
        R("DBC0", 0x24, 0x24, 0x24, 0x24, 0x24, 0x24),
        R("DBC1", 0x25, 0x25, 0x25, 0x25, 0x25, 0x25),
        R("DBC2", 0x26, 0x26, 0x26, 0x26, 0x26, 0x26),
        R("DCMD", 0x27, 0x27, 0x27, 0x27, 0x27, 0x27),
        R("DNAD0", 0x28, 0x28, 0x28, 0x28, 0x28, 0x28),
        R("DNAD1", 0x29, 0x29, 0x29, 0x29, 0x29, 0x29),
        R("DNAD2", 0x2a, 0x2a, 0x2a, 0x2a, 0x2a, 0x2a),
        R("DNAD3", 0x2b, 0x2b, 0x2b, 0x2b, 0x2b, 0x2b),
        R("DSP0", 0x2c, 0x2c, 0x2c, 0x2c, 0x2c, 0x2c),
        R("DSP1", 0x2d, 0x2d, 0x2d, 0x2d, 0x2d, 0x2d),
        R("DSP2", 0x2e, 0x2e, 0x2e, 0x2e, 0x2e, 0x2e),
        R("DSP3", 0x2f, 0x2f, 0x2f, 0x2f, 0x2f, 0x2f),
        R("DSPS0", 0x30, 0x30, 0x30, 0x30, 0x30, 0x30),
        R("DSPS1", 0x31, 0x31, 0x31, 0x31, 0x31, 0x31),
        R("DSPS2", 0x32, 0x32, 0x32, 0x32, 0x32, 0x32),
        R("DSPS3", 0x33, 0x33, 0x33, 0x33, 0x33, 0x33),
        R("SCRATCH0",   -1, 0x34,   -1,   -1,   -1,   -1),
        R("SCRATCH1",   -1, 0x35,   -1,   -1,   -1,   -1),
        R("SCRATCH2",   -1, 0x36,   -1,   -1,   -1,   -1),
        R("SCRATCH3",   -1, 0x37,   -1,   -1,   -1,   -1),
        R("SCRATCHA0", 0x10,   -1, 0x34, 0x34, 0x34, 0x34),
        R("SCRATCHA1", 0x11,   -1, 0x35, 0x35, 0x35, 0x35),
        R("SCRATCHA2", 0x12,   -1, 0x36, 0x36, 0x36, 0x36),
        R("SCRATCHA3", 0x13,   -1, 0x37, 0x37, 0x37, 0x37),
        R("DMODE", 0x34, 0x38, 0x38, 0x38, 0x38, 0x38),
        R("DIEN", 0x39, 0x39, 0x39, 0x39, 0x39, 0x39),
        R("DWT", 0x3a, 0x3a, 0x3a, 0x3a,   -1,   -1),
        R("SBR",   -1,   -1,   -1,   -1, 0x3a, 0x3a),
        R("DCNTL", 0x3b, 0x3b, 0x3b, 0x3b, 0x3b, 0x3b),
        R("ADDR0",   -1, 0x3c, 0x3c, 0x3c, 0x3c, 0x3c),
        R("ADDR1",   -1, 0x3d, 0x3d, 0x3d, 0x3d, 0x3d),
        R("ADDR2",   -1, 0x3e, 0x3e, 0x3e, 0x3e, 0x3e),
        R("ADDR3",   -1, 0x3f, 0x3f, 0x3f, 0x3f, 0x3f),
        R("SIEN0",   -1,   -1, 0x40, 0x40, 0x40, 0x40),
        R("SIEN1",   -1,   -1, 0x41, 0x41, 0x41, 0x41),
        R("SIST0",   -1,   -1, 0x42, 0x42, 0x42, 0x42),
        R("SIST1",   -1,   -1, 0x43, 0x43, 0x43, 0x43),
        R("SLPAR",   -1,   -1, 0x44, 0x44, 0x44, 0x44),
        R("SWIDE",   -1,   -1, 0x45, 0x45,   -1, 0x45),
        R("MACNTL",   -1,   -1, 0x46, 0x46, 0x46, 0x46),
        R("GPCNTL",   -1,   -1, 0x47, 0x47, 0x47, 0x47),
        R("STIME0",   -1,   -1, 0x48, 0x48, 0x48, 0x48),
        R("STIME1",   -1,   -1, 0x49, 0x49, 0x49, 0x49),
        R("RESPID0",   -1,   -1, 0x4a, 0x4a, 0x4a, 0x4a),
        R("RESPID1",   -1,   -1, 0x4b, 0x4b,   -1, 0x4b),
        R("STEST0",   -1,   -1, 0x4c, 0x4c, 0x4c, 0x4c),
        R("STEST1",   -1,   -1, 0x4d, 0x4d, 0x4d, 0x4d),
        R("STEST2",   -1,   -1, 0x4e, 0x4e, 0x4e, 0x4e),
        R("STEST3",   -1,   -1, 0x4f, 0x4f, 0x4f, 0x4f),
        R("SIDL0",   -1,   -1, 0x50, 0x50, 0x50, 0x50),
        R("SIDL1",   -1,   -1, 0x51, 0x51,   -1, 0x51),
        R("SODL0",   -1,   -1, 0x54, 0x54, 0x54, 0x54),
        R("SODL1",   -1,   -1, 0x55, 0x55,   -1, 0x55),
        R("SBDL0",   -1,   -1, 0x58, 0x58, 0x58, 0x58),
        R("SBDL1",   -1,   -1, 0x59, 0x59,   -1, 0x59),
        R("SCRATCHB0", 0x3c,   -1, 0x5c, 0x5c, 0x5c, 0x5c),
        R("SCRATCHB1", 0x3d,   -1, 0x5d, 0x5d, 0x5d, 0x5d),
        R("SCRATCHB2", 0x3e,   -1, 0x5e, 0x5e, 0x5e, 0x5e),
        R("SCRATCHB3", 0x3f,   -1, 0x5f, 0x5f, 0x5f, 0x5f),
        R("SCRATCHC0",   -1,   -1,   -1, 0x60,   -1, 0x60),
        R("SCRATCHC1",   -1,   -1,   -1, 0x61,   -1, 0x61),
        R("SCRATCHC2",   -1,   -1,   -1, 0x62,   -1, 0x62),
        R("SCRATCHC3",   -1,   -1,   -1, 0x63,   -1, 0x63),
        R("SCRATCHD0",   -1,   -1,   -1, 0x64,   -1, 0x64),
        R("SCRATCHD1",   -1,   -1,   -1, 0x65,   -1, 0x65),
        R("SCRATCHD2",   -1,   -1,   -1, 0x66,   -1, 0x66),
        R("SCRATCHD3",   -1,   -1,   -1, 0x67,   -1, 0x67),
        R("SCRATCHE0",   -1,   -1,   -1, 0x68,   -1, 0x68),
        R("SCRATCHE1",   -1,   -1,   -1, 0x69,   -1, 0x69),
        R("SCRATCHE2",   -1,   -1,   -1, 0x6a,   -1, 0x6a),
        R("SCRATCHE3",   -1,   -1,   -1, 0x6b,   -1, 0x6b),
        R("SCRATCHF0",   -1,   -1,   -1, 0x6c,   -1, 0x6c),
        R("SCRATCHF1",   -1,   -1,   -1, 0x6d,   -1, 0x6d),
        R("SCRATCHF2",   -1,   -1,   -1, 0x6e,   -1, 0x6e),
        R("SCRATCHF3",   -1,   -1,   -1, 0x6f,   -1, 0x6f),
        R("SCRATCHG0",   -1,   -1,   -1, 0x70,   -1, 0x70),
        R("SCRATCHG1",   -1,   -1,   -1, 0x71,   -1, 0x71),
        R("SCRATCHG2",   -1,   -1,   -1, 0x72,   -1, 0x72),
        R("SCRATCHG3",   -1,   -1,   -1, 0x73,   -1, 0x73),
        R("SCRATCHH0",   -1,   -1,   -1, 0x74,   -1, 0x74),
        R("SCRATCHH1",   -1,   -1,   -1, 0x75,   -1, 0x75),
        R("SCRATCHH2",   -1,   -1,   -1, 0x76,   -1, 0x76),
        R("SCRATCHH3",   -1,   -1,   -1, 0x77,   -1, 0x77),
        R("SCRATCHI0",   -1,   -1,   -1, 0x78,   -1, 0x78),
        R("SCRATCHI1",   -1,   -1,   -1, 0x79,   -1, 0x79),
        R("SCRATCHI2",   -1,   -1,   -1, 0x7a,   -1, 0x7a),
        R("SCRATCHI3",   -1,   -1,   -1, 0x7b,   -1, 0x7b),
        R("SCRATCHJ0",   -1,   -1,   -1, 0x7c,   -1, 0x7c),
        R("SCRATCHJ1",   -1,   -1,   -1, 0x7d,   -1, 0x7d),
        R("SCRATCHJ2",   -1,   -1,   -1, 0x7e,   -1, 0x7e),
        R("SCRATCHJ3",   -1,   -1,   -1, 0x7f,   -1, 0x7f),
    ];

    private static readonly Dictionary<string, int[]> ByName =
        Table.ToDictionary(r => r.Name, r => r.Numbers, StringComparer.OrdinalIgnoreCase);

    /// <summary>True if <paramref name="name"/> is a register on at least one ARCH (so the parser treats it as a register, not a symbol).</summary>
    public static bool IsRegisterName(string name) => ByName.ContainsKey(name);

    /// <summary>All register names known for <paramref name="arch"/>, in table order.</summary>
    public static IEnumerable<string> Names(ScriptArch arch)
    {
        int col = Array.IndexOf(Columns, arch);
        return Table.Where(r => r.Numbers[col] >= 0).Select(r => r.Name);
    }

    /// <summary>Looks up the SCRIPTS register number of <paramref name="name"/> on <paramref name="arch"/>.</summary>
    /// <param name="name">Register name, case-insensitive.</param>
    /// <param name="arch">Chip.</param>
    /// <param name="number">0x00–0x7F when found.</param>
    /// <returns>False if the name is unknown or the register does not exist on that chip (e.g. SCRATCH0 on the 53C700, LCRC on the 53C720).</returns>
    public static bool TryGetNumber(string name, ScriptArch arch, out int number)
    {
        number = -1;
        if (!ByName.TryGetValue(name, out var nums))
            return false;
        number = nums[Array.IndexOf(Columns, arch)];
        return number >= 0;
    }
}
