using DriverCompiler.Dsl;

namespace A4091;

/// <summary>
/// Mapping and initialising the 53C710. Register reads go through <see cref="Card.Regs"/>, writes
/// through <see cref="Card.Shadow"/> (+0x40); every access is one 8- or 32-bit volatile access.
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
        Siop710* regs = (Siop710*)Kernel.SptAlloc(1, Kernel.PgV, Kernel.PhysToPfn(board + Siop.RegisterOffset), 0);
        if (regs == null) return false;
        card->Regs = regs;
        card->Shadow = (Siop710*)((byte*)regs + Siop.WriteShadow);
        card->ScriptPhys = Kernel.Vtop((byte*)Scripts.Address(nameof(SiopScript.Program)), null);
        card->DsaPhys = Kernel.Vtop((byte*)&card->Dsa, null);
        ResetBus(card);
        Init(card);
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
        w->Sien = Siop.SienEnable;
        w->Dien = Siop.DienEnable;
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

    /// <summary>Starts the SCRIPTS program at its entry for the command in <see cref="Card.Dsa"/>.</summary>
    public static void Start(Card* card)
    {
        Siop710* w = card->Shadow;
        w->Temp = 0;
        w->Sbcl = 0;
        w->Dsa = card->DsaPhys;
        w->Dsp = card->ScriptPhys + Scripts.EntryOffset("start");
    }
}
