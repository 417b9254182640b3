using Amix;
using DriverCompiler.Dsl;

namespace A4091;

/// <summary>
/// What the 53C710 reads and writes by DMA for one command, apart from dd.c's data buffer: the DSA
/// table and the small buffers its entries point at. It lives in the card's DMA page (see
/// <see cref="Chip.AllocateDma"/>), longword aligned, never in static data.
/// </summary>
[Dma]
public unsafe struct CommandBlock
{
    /// <summary>The DSA table of the command in progress (first, so its address is the block's).</summary>
    public DsaTable Dsa;
    /// <summary>MESSAGE OUT: IDENTIFY.</summary>
    public fixed byte MsgOut[4];
    /// <summary>COMMAND: the CDB.</summary>
    public fixed byte Cdb[12];
    /// <summary>STATUS: the status byte.</summary>
    public fixed byte Status[4];
    /// <summary>MESSAGE IN: the message after STATUS.</summary>
    public fixed byte MsgIn[4];
}

/// <summary>
/// Everything the driver keeps per host adapter. Nothing here is read by the chip: the SCRIPTS
/// program and the command block it reads are in the card's DMA page.
/// </summary>
public unsafe struct Card
{
    /// <summary>Register block for reads (board + 0x800000); null until the card is mapped.</summary>
    public Siop710* Regs;
    /// <summary>The same registers for writes (+<see cref="Siop.WriteOffset"/>: the +0x40 write shadow by default).</summary>
    public Siop710* Shadow;
    /// <summary>The command the chip is running (selecting, connected, or reconnected after reselection), or null.</summary>
    public SdCom* Active;
    /// <summary>Commands whose target disconnected and has not reselected yet, by SCSI ID (only with <see cref="Scsi.Disconnect"/>).</summary>
    public TargetCommands Disconnected;
    /// <summary>How many of <see cref="Disconnected"/> are set.</summary>
    public int DisconnectedCount;
    /// <summary>Non-zero while the chip runs the <c>idle</c> entry (WAIT RESELECT) for the disconnected commands.</summary>
    public byte Idling;
    /// <summary>Commands waiting, linked through sdcom.next (dd.c has one per unit).</summary>
    public SdCom* Head;
    public SdCom* Tail;
    /// <summary>The card's DMA page (NBPP bytes of RAM from sptalloc): the relocated SCRIPTS copy at its start; null until allocated.</summary>
    public uint* Script;
    /// <summary>The command blocks in the DMA page, after the SCRIPTS copy: one per SCSI ID (8), so a disconnected command keeps its own DSA table.</summary>
    public CommandBlock* Block;
    /// <summary>Physical address of <see cref="Script"/> (page aligned): what DSP is loaded with.</summary>
    public uint ScriptPhys;
    /// <summary>Physical address of the first command block's DSA table (longword aligned); target <c>id</c>'s is <c>id * sizeof(CommandBlock)</c> further.</summary>
    public uint DsaPhys;
    /// <summary>Non-zero while a4091queue is polling this card (re-entered calls only queue).</summary>
    public byte Polling;
    /// <summary>Non-zero while the active command's watchdog callout is armed; <see cref="Watchdog"/> is its timeout() id.</summary>
    public byte WatchdogArmed;
    public int Watchdog;
    /// <summary>Non-zero while the chip's interrupts are masked after <see cref="Request.SpuriousLimit"/> spurious ones.</summary>
    public byte Masked;
    /// <summary>Interrupts in a row with no command to complete.</summary>
    public uint SpuriousInterrupts;
    /// <summary>Events that show the card is alive: commands started, reselections, commands ended (the watchdog compares it).</summary>
    public uint Progress;
    /// <summary>Interrupt-driven commands the watchdog gave up on.</summary>
    public uint Timeouts;
    /// <summary>The last interrupt's ISTAT, SSTAT0, DSTAT and DSPS (for a debugger).</summary>
    public byte LastIstat;
    public byte LastSstat0;
    public byte LastDstat;
    public uint LastDsps;
    /// <summary>Reselections taken (disconnected commands continued), for a debugger.</summary>
    public uint Reselections;
    /// <summary>Commands completed and errors seen, for a debugger.</summary>
    public uint Completed;
    public uint Errors;
    /// <summary>sd.c's index of this board among the boards of its product (the queue function's c).</summary>
    public int ProductIndex;
}

/// <summary>One command pointer per SCSI ID 0–7, laid out back to back (indexed from <see cref="Id0"/>).</summary>
public unsafe struct TargetCommands
{
    public SdCom* Id0;
    public SdCom* Id1;
    public SdCom* Id2;
    public SdCom* Id3;
    public SdCom* Id4;
    public SdCom* Id5;
    public SdCom* Id6;
    public SdCom* Id7;
}

/// <summary>One <see cref="Card"/> per sd.c card slot (sd.h's SDCARDS is 2), laid out back to back.</summary>
public struct CardTable
{
    public Card Card0;
    public Card Card1;
}
