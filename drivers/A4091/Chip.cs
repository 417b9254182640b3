using Amix;
using DriverCompiler.Dsl;

namespace A4091;

/// <summary>
/// Mapping and initialising the 53C710. Register reads go through <see cref="Card.Regs"/>, writes
/// through <see cref="Card.Shadow"/> (+<see cref="Siop.WriteOffset"/>, 0x40 by default); every access is one 8- or 32-bit volatile access.
/// </summary>
public static unsafe class Chip
{
    /// <summary>Register reads that make up the SCSI bus reset hold time (each is a Zorro III cycle, well over 25 µs in all).</summary>
    private const int ResetHoldReads = 64;
    /// <summary>Register reads after a bus reset before the chip is re-initialised.</summary>
    private const int ResetSettleReads = 4096;

    /// <summary>
    /// Maps card <paramref name="c"/>'s register block on first use: sd.c's AutoConfig base
    /// (sdcardbase) + 0x800000, one page through sptalloc(1, PG_V, phystopfn(pa), 0). Returns
    /// false when sd.c has no board for the card or the kernel has no virtual space left.
    /// </summary>
    public static bool Map(Card* card, uint c)
    {
        if (card->Regs != null) return true;
        uint board = (uint)Kernel.SdCardBase(c);
        if (board == 0) return false;
        if (card->Script == null && !AllocateDma(card)) return false;
        Siop710* regs = (Siop710*)Kernel.SptAlloc(1, Immu.PG_V, Immu.PhysToPfn(board + Siop.RegisterOffset), 0);
        if (regs == null) return false;
        card->Regs = regs;
        card->Shadow = (Siop710*)((byte*)regs + Siop.WriteOffset);
        ResetBus(card);
        Init(card);
        return true;
    }

    /// <summary>
    /// Gives the card the memory the chip reads by DMA: one page of RAM from <c>sptalloc(1, PG_V, 0, 0)</c>
    /// (base 0 allocates RAM; the address is page aligned), with a copy of the SCRIPTS program at its start
    /// and the eight <see cref="CommandBlock"/>s (one per SCSI ID) after it. The 53C710 fetches instructions and table-indirect
    /// entries as longwords, so DSP and DSA must be multiples of 4; the compiler of the static array only
    /// promises 2 (the 68k ABI aligns long arrays to 2, and the Amix <c>cc</c> has no way to ask for more),
    /// so the chip is never given the static array's address. The copy's label patches (words holding a
    /// label's offset; ncr53cxxx's LABELPATCHES) get the copy's physical address added. Returns false when
    /// the kernel has no memory or the program and block would not fit in one page.
    /// </summary>
    public static bool AllocateDma(Card* card)
    {
        uint size = Scripts.Size(nameof(SiopScript.Program));
        uint blockOffset = (size + 3) & ~3u;
        if (blockOffset + Targets * (uint)sizeof(CommandBlock) > Immu.NBPP) return false;
        byte* page = (byte*)(void*)Kernel.SptAlloc(1, Immu.PG_V, 0, 0);
        if (page == null) return false;
        uint phys = Kernel.Vtop(page, null);
        uint* source = Scripts.Address(nameof(SiopScript.Program));
        uint* copy = (uint*)page;
        for (uint i = 0; i < size / 4; i++) copy[i] = source[i];
        uint* patches = Scripts.LabelPatches(nameof(SiopScript.Program));
        uint patchCount = Scripts.LabelPatchCount(nameof(SiopScript.Program));
        for (uint i = 0; i < patchCount; i++) copy[patches[i]] += phys;
        card->Script = copy;
        card->Block = (CommandBlock*)(page + blockOffset);
        card->ScriptPhys = phys;
        card->DsaPhys = Kernel.Vtop((byte*)&card->Block->Dsa, null);
        return true;
    }

    /// <summary>
    /// The 53C710 initialisation (53C710 manual; NetBSD/AmigaOS siopreset): abort, soft reset,
    /// SCSI control, clock divider, DMA mode, own ID, then clear anything pending and enable the
    /// interrupts the driver handles (SIEN 0xAF, DIEN 0x35).
    /// </summary>
    public static void Init(Card* card)
    {
        Siop710* r = card->Regs;
        Siop710* w = card->Shadow;
        w->Istat = Siop.IstatAbrt;
        w->Istat = Siop.IstatRst;
        w->Istat = 0;
        w->Sien = 0;
        w->Dien = 0;
        w->Scntl0 = Siop.Scntl0Init;
        w->Scntl1 = Siop.Scntl1Esr;
        w->Dcntl = Siop.DcntlInit;
        w->Dmode = Siop.DmodeInit;
        w->Scid = 1 << Siop.HostId;
        w->Dwt = 0;
        w->Ctest0 = (byte)(r->Ctest0 | Siop.Ctest0Init);
        w->Ctest7 = (byte)(r->Ctest7 | Siop.Ctest7Cdis);
        w->Ctest8 = (byte)(r->Ctest8 | Siop.Ctest8Sm);
        ClearPending(card);
        EnableInterrupts(card);
    }

    /// <summary>Enables the interrupts the driver handles (SIEN 0xAF, DIEN 0x35).</summary>
    public static void EnableInterrupts(Card* card)
    {
        Siop710* w = card->Shadow;
        w->Sien = Siop.SienEnable;
        w->Dien = Siop.DienEnable;
        card->Masked = 0;
    }

    /// <summary>Masks all of the chip's interrupts (SIEN = DIEN = 0): conditions still show in ISTAT, IRQ/ stays off.</summary>
    public static void MaskInterrupts(Card* card)
    {
        Siop710* w = card->Shadow;
        w->Sien = 0;
        w->Dien = 0;
        card->Masked = 1;
    }

    /// <summary>Reads and discards a pending interrupt (ISTAT first, then SSTAT0 and DSTAT in one longword).</summary>
    public static void ClearPending(Card* card)
    {
        if ((card->Regs->Istat & (Siop.IstatSip | Siop.IstatDip)) != 0)
        {
            uint discarded = card->Regs->Status;
            card->LastSstat0 = (byte)(discarded >> 8);
        }
    }

    /// <summary>
    /// Resets the SCSI bus (SCNTL1.RST held for <see cref="ResetHoldReads"/> register reads) with the
    /// chip's interrupts off, waits for the devices to settle and discards the reset interrupt.
    /// </summary>
    public static void ResetBus(Card* card)
    {
        Siop710* r = card->Regs;
        Siop710* w = card->Shadow;
        w->Sien = 0;
        w->Dien = 0;
        w->Scntl1 = (byte)(r->Scntl1 | Siop.Scntl1Rst);
        for (int i = 0; i < ResetHoldReads; i++) card->LastIstat = r->Istat;
        w->Scntl1 = (byte)(r->Scntl1 & ~Siop.Scntl1Rst);
        for (int i = 0; i < ResetSettleReads; i++) card->LastIstat = r->Istat;
        ClearPending(card);
    }

    /// <summary>
    /// Recovers from a command that did not finish: aborts SCRIPTS and soft-resets the chip (ISTAT ABRT,
    /// RST: the only register the host may touch while SCRIPTS run is ISTAT), resets the SCSI bus so a
    /// target that holds it lets go, and initialises the chip again.
    /// </summary>
    public static void Recover(Card* card)
    {
        Init(card);
        ResetBus(card);
        Init(card);
    }

    /// <summary>SCSI IDs on the bus (0–7): one command block each.</summary>
    public const uint Targets = 8;

    /// <summary>The command block of SCSI ID <paramref name="id"/> (0–7) in the card's DMA page.</summary>
    public static CommandBlock* BlockOf(Card* card, int id) => card->Block + id;

    /// <summary>Physical address of the DSA table of SCSI ID <paramref name="id"/>'s command block (the page is physically contiguous).</summary>
    public static uint DsaOf(Card* card, int id) => card->DsaPhys + (uint)id * (uint)sizeof(CommandBlock);

    /// <summary>Starts the SCRIPTS copy at <c>start</c> for the command in SCSI ID <paramref name="id"/>'s command block.</summary>
    public static void Start(Card* card, int id)
    {
        Siop710* w = card->Shadow;
        w->Temp = 0;
        w->Sbcl = 0;
        w->Dsa = DsaOf(card, id);
        w->Dsp = card->ScriptPhys + Scripts.EntryOffset("start");
    }

    /// <summary>Continues at <c>reconnect</c> after SCSI ID <paramref name="id"/> reselected: its IDENTIFY, then its phases.</summary>
    public static void Reconnect(Card* card, int id)
    {
        Siop710* w = card->Shadow;
        w->Dsa = DsaOf(card, id);
        w->Dsp = card->ScriptPhys + Scripts.EntryOffset("reconnect");
    }

    /// <summary>Runs <c>idle</c>: WAIT RESELECT until a disconnected target comes back or <see cref="Signal"/> is called.</summary>
    public static void WaitReselect(Card* card)
    {
        Siop710* w = card->Shadow;
        w->Dsp = card->ScriptPhys + Scripts.EntryOffset("idle");
    }

    /// <summary>
    /// Sets ISTAT SIGP, which ends WAIT RESELECT at its alternate address (<see cref="SiopScript.Signalled"/>);
    /// ISTAT is the one register the host may write while SCRIPTS run.
    /// </summary>
    public static void Signal(Card* card)
    {
        Siop710* w = card->Shadow;
        w->Istat = Siop.IstatSigp;
    }

    /// <summary>The SCSI ID that reselected: SCRATCH0 holds LCRC's bus ID bits (the target's and our own).</summary>
    public static int ReselectingId(Card* card)
    {
        Siop710* r = card->Regs;
        int ids = (int)(r->Scratch & 0xFF) & ~(1 << Siop.HostId);
        for (int id = 0; id < 8; id++)
            if (ids == 1 << id) return id;
        return -1;
    }
}
