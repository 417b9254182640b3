using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace A4091;

/// <summary>
/// The 53C710 register file as the 68030 sees it on the A4091: big-endian host offsets (a SCRIPTS
/// register number LE maps to (LE &amp; ~3) | (3 - (LE &amp; 3))), 32-bit registers as natural longwords.
/// The A4091 allows 8- and 32-bit accesses only; reads go to the base, writes to the copy at +0x40
/// (<see cref="Siop.WriteOffset"/>, a build option). SSTAT2, SSTAT1, SSTAT0 and DSTAT are read as one longword
/// (<see cref="Status"/>) so both interrupt sources clear in one transaction (53C710 DSTAT note).
/// Source: NCR 53C710 register map; facts §4.6.
/// </summary>
[Mmio]
[StructLayout(LayoutKind.Explicit, Size = 0x40)]
public struct Siop710
{
    [FieldOffset(0x00)] public byte Sien;
    [FieldOffset(0x01)] public byte Sdid;
    [FieldOffset(0x02)] public byte Scntl1;
    [FieldOffset(0x03)] public byte Scntl0;
    [FieldOffset(0x04)] public byte Socl;
    [FieldOffset(0x05)] public byte Sodl;
    [FieldOffset(0x06)] public byte Sxfer;
    [FieldOffset(0x07)] public byte Scid;
    [FieldOffset(0x08)] public byte Sbcl;
    [FieldOffset(0x09)] public byte Sbdl;
    [FieldOffset(0x0A)] public byte Sidl;
    [FieldOffset(0x0B)] public byte Sfbr;
    /// <summary>SSTAT2 | SSTAT1 | SSTAT0 | DSTAT (bits 31–24 … 7–0); reading clears SSTAT0 and DSTAT.</summary>
    [FieldOffset(0x0C)] public Be32 Status;
    [FieldOffset(0x10)] public Be32 Dsa;
    [FieldOffset(0x14)] public byte Ctest3;
    [FieldOffset(0x15)] public byte Ctest2;
    [FieldOffset(0x16)] public byte Ctest1;
    [FieldOffset(0x17)] public byte Ctest0;
    [FieldOffset(0x18)] public byte Ctest7;
    [FieldOffset(0x19)] public byte Ctest6;
    [FieldOffset(0x1A)] public byte Ctest5;
    [FieldOffset(0x1B)] public byte Ctest4;
    [FieldOffset(0x1C)] public Be32 Temp;
    [FieldOffset(0x20)] public byte Lcrc;
    [FieldOffset(0x21)] public byte Ctest8;
    [FieldOffset(0x22)] public byte Istat;
    [FieldOffset(0x23)] public byte Dfifo;
    /// <summary>DCMD | DBC.</summary>
    [FieldOffset(0x24)] public Be32 DcmdDbc;
    [FieldOffset(0x28)] public Be32 Dnad;
    /// <summary>SCRIPTS pointer: writing it starts the SCRIPTS processor.</summary>
    [FieldOffset(0x2C)] public Be32 Dsp;
    /// <summary>Second dword of the current instruction; the vector after an INT.</summary>
    [FieldOffset(0x30)] public Be32 Dsps;
    [FieldOffset(0x34)] public Be32 Scratch;
    [FieldOffset(0x38)] public byte Dcntl;
    [FieldOffset(0x39)] public byte Dwt;
    [FieldOffset(0x3A)] public byte Dien;
    [FieldOffset(0x3B)] public byte Dmode;
    [FieldOffset(0x3C)] public Be32 Adder;
}

/// <summary>Register bits and board constants (53C710 manual; siopreg.h names).</summary>
public static class Siop
{
    /// <summary>The register block's offset from the board base.</summary>
    public const uint RegisterOffset = 0x00800000;
    /// <summary>
    /// Where register writes go, from the register they address: the A4091 decodes its 53C710 with the
    /// register file repeated at +0x40, and the Amix and AmigaOS drivers write through that copy (the
    /// "write shadow", +0x40, the default). A build option of the C (<c>-DA4091_SIOP_WRITE_OFFSET=0</c>):
    /// 0 writes at the register itself, for a 53C710 whose board does not mirror +0x40 (FS-UAE 3.1's A4091,
    /// which decodes the register offset with <c>&amp; 0xff</c> and drops writes at +0x40..+0x7F; see
    /// drivers/A4091/README.md for which boards need which).
    /// </summary>
    [BuildOption]
    public const int WriteOffset = 0x40;
    /// <summary>The adapter's own SCSI ID.</summary>
    public const int HostId = 7;

    public const byte IstatAbrt = 0x80, IstatRst = 0x40, IstatSigp = 0x20, IstatCon = 0x08, IstatSip = 0x02, IstatDip = 0x01;
    public const byte DstatDfe = 0x80, DstatBf = 0x20, DstatAbrt = 0x10, DstatSsi = 0x08, DstatSir = 0x04, DstatWtd = 0x02, DstatIid = 0x01;
    public const byte Sstat0Ma = 0x80, Sstat0Fcmp = 0x40, Sstat0Sto = 0x20, Sstat0Sel = 0x10, Sstat0Sge = 0x08, Sstat0Udc = 0x04, Sstat0Rst = 0x02, Sstat0Par = 0x01;
    /// <summary>SCNTL0: full arbitration, parity checking and generation.</summary>
    public const byte Scntl0Init = 0xCC;
    /// <summary>SCNTL1: ESR (respond to selection/reselection).</summary>
    public const byte Scntl1Esr = 0x20;
    /// <summary>SCNTL1: assert SCSI RST.</summary>
    public const byte Scntl1Rst = 0x08;
    /// <summary>DCNTL: CF = 00 (SCLK/2 for the A4091's 50 MHz), native 53C710 mode.</summary>
    public const byte DcntlInit = 0x00;
    /// <summary>DMODE: burst length 8, FC2 driven (Amiga).</summary>
    public const byte DmodeInit = 0xE0;
    /// <summary>CTEST0: BTD | EAN.</summary>
    public const byte Ctest0Init = 0x50;
    /// <summary>CTEST7: CDIS (cache burst disable).</summary>
    public const byte Ctest7Cdis = 0x80;
    /// <summary>CTEST8: SM (53C710 errata workaround on the A4091).</summary>
    public const byte Ctest8Sm = 0x01;
    /// <summary>SIEN: M_A, STO, SGE, UDC, RST, PAR.</summary>
    public const byte SienEnable = 0xAF;
    /// <summary>DIEN: BF, ABRT, SIR, IID.</summary>
    public const byte DienEnable = 0x35;
}
