using DriverCompiler.Dsl;

namespace A4091;

/// <summary>One table-indirect entry: a byte count (bits 23–0 used) and a physical address, as the 53C710 reads them.</summary>
[Dma]
public struct DsaEntry
{
    public Be32 Count;
    public Be32 Address;
}

/// <summary>
/// The DSA table the SCRIPTS program addresses table-indirectly (<c>MOVE FROM</c>, <c>SELECT FROM</c>):
/// the field offsets are the program's <c>ABSOLUTE ds_*</c> values. The chip reads it by DMA as
/// big-endian longwords, the 68030's own order. Source: the 53C710 table-indirect format (facts §4.1, §4.2).
/// </summary>
[Dma]
public struct DsaTable
{
    /// <summary>SELECT FROM: one-hot target ID in bits 23–16, SXFER in bits 15–8 (0: asynchronous).</summary>
    public Be32 Device;
    /// <summary>MESSAGE OUT: the IDENTIFY byte.</summary>
    public DsaEntry MsgOut;
    /// <summary>COMMAND: the CDB (6, 10 or 12 bytes).</summary>
    public DsaEntry Command;
    /// <summary>DATA IN or DATA OUT: dd.c's buffer.</summary>
    public DsaEntry Data;
    /// <summary>STATUS: one byte.</summary>
    public DsaEntry Status;
    /// <summary>MESSAGE IN: one byte (COMMAND COMPLETE).</summary>
    public DsaEntry MsgIn;
}
