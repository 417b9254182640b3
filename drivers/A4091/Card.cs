using DriverCompiler.Dsl;

namespace A4091;

/// <summary>
/// Everything the driver keeps per host adapter. The DSA table comes first so it is longword
/// aligned; the small buffers it points at (IDENTIFY, CDB, status, message) live here too.
/// </summary>
public unsafe struct Card
{
    /// <summary>The DSA table of the command in progress (the chip reads it by DMA).</summary>
    public DsaTable Dsa;
    /// <summary>Register block for reads (board + 0x800000); null until the card is mapped.</summary>
    public Siop710* Regs;
    /// <summary>The same registers for writes (+0x40).</summary>
    public Siop710* Shadow;
    /// <summary>The command the chip is running, or null.</summary>
    public SdCom* Active;
    /// <summary>Commands waiting, linked through sdcom.next (dd.c has one per unit).</summary>
    public SdCom* Head;
    public SdCom* Tail;
    /// <summary>Physical address of the SCRIPTS program.</summary>
    public uint ScriptPhys;
    /// <summary>Physical address of <see cref="Dsa"/>.</summary>
    public uint DsaPhys;
    /// <summary>Non-zero while a4091queue is polling this card (re-entered calls only queue).</summary>
    public byte Polling;
    public fixed byte MsgOut[4];
    public fixed byte Cdb[12];
    public fixed byte Status[4];
    public fixed byte MsgIn[4];
    /// <summary>The last interrupt's ISTAT, SSTAT0, DSTAT and DSPS (for a debugger).</summary>
    public byte LastIstat;
    public byte LastSstat0;
    public byte LastDstat;
    public uint LastDsps;
    /// <summary>Commands completed and errors seen, for a debugger.</summary>
    public uint Completed;
    public uint Errors;
    /// <summary>sd.c's index of this board among the boards of its product (the queue function's c).</summary>
    public int ProductIndex;
}

/// <summary>One <see cref="Card"/> per sd.c card slot (sd.h's SDCARDS is 2), laid out back to back.</summary>
public struct CardTable
{
    public Card Card0;
    public Card Card1;
}
