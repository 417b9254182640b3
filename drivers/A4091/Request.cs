using DriverCompiler.Dsl;

namespace A4091;

/// <summary>
/// The sd.c entry points: <c>a4091queue(c, cp)</c> takes one command from dd.c, <c>a4091intr()</c>
/// is the level-2 interrupt handler. Completion is interrupt-driven once the kernel's interrupts
/// run (the first call of a4091intr shows they do); before that — at boot, or while the CPU sits
/// at spl2 where level-2 interrupts and the clock are masked — a4091queue polls ISTAT a bounded
/// number of times. Either way each command ends in <see cref="Complete"/>, which reports to dd.c
/// through cp->status, cp->okay and (*cp->intr)(cp).
/// </summary>
public static unsafe class Request
{
    /// <summary>ISTAT reads a polled command may take before it is given up (about 8 s of Zorro III reads).</summary>
    public const int PollLimit = 8000000;
    /// <summary>IDENTIFY, LUN 0, no disconnect privilege.</summary>
    private const byte Identify = 0x80;
    /// <summary>SCSI status byte meaning "no status" (dd.c's convention).</summary>
    private const byte NoStatus = 0xff;

    private static CardTable cards;
    /// <summary>Set by the first a4091intr call: the kernel delivers level-2 interrupts.</summary>
    private static bool interruptsRunning;

    /// <summary>
    /// sd.c's queue function for this adapter (<c>bool a4091queue(c, cp)</c>). <paramref name="c"/> is
    /// sd.c's per-product index and is not needed: the card is <c>cp-&gt;card</c>. Always returns TRUE;
    /// the command's outcome is reported through <c>cp</c>.
    /// </summary>
    [CExport("a4091queue")]
    public static bool Queue(int c, SdCom* cp)
    {
        cp->Next = null;
        if (cp->Card >= Kernel.SdCards)
        {
            Finish(cp, false, NoStatus);
            return true;
        }
        Card* card = CardAt((int)cp->Card);
        card->ProductIndex = c;
        if (!Chip.Map(card, cp->Card))
        {
            Finish(cp, false, NoStatus);
            return true;
        }
        if (card->Tail == null) card->Head = cp;
        else card->Tail->Next = cp;
        card->Tail = cp;
        if (card->Active == null) StartNext(card);
        if (!interruptsRunning && card->Polling == 0)
            Poll(card);
        return true;
    }

    /// <summary>
    /// The level-2 interrupt handler (an int2_tbl entry): services every mapped card with an
    /// interrupt pending and returns at once otherwise (INT2 is shared by many boards).
    /// </summary>
    [InterruptHandler]
    [CExport("a4091intr")]
    public static void Interrupt()
    {
        interruptsRunning = true;
        for (int i = 0; i < Kernel.SdCards; i++)
        {
            Card* card = CardAt(i);
            if (card->Regs != null) Service(card);
        }
    }

    /// <summary>The state of card slot <paramref name="c"/> (0 … SDCARDS − 1).</summary>
    private static Card* CardAt(int c)
    {
        fixed (Card* first = &cards.Card0)
        {
            return first + c;
        }
    }

    /// <summary>Completes commands by polling until the card is idle; a command that does not finish within <see cref="PollLimit"/> reads fails and the bus is reset.</summary>
    private static void Poll(Card* card)
    {
        card->Polling = 1;
        int spins = 0;
        while (card->Active != null)
        {
            if (Service(card)) spins = 0;
            else if (++spins >= PollLimit)
            {
                Chip.ResetBus(card);
                Chip.Init(card);
                Fail(card);
                spins = 0;
            }
        }
        card->Polling = 0;
    }

    /// <summary>Takes the next waiting command, fills the DSA table and starts SCRIPTS.</summary>
    private static void StartNext(Card* card)
    {
        SdCom* cp = card->Head;
        if (cp == null) return;
        card->Head = (SdCom*)(void*)cp->Next;
        if (card->Head == null) card->Tail = null;
        cp->Next = null;
        card->Active = cp;

        card->MsgOut[0] = Identify;
        for (int i = 0; i < 12; i++) card->Cdb[i] = cp->Cdb[i];
        card->Status[0] = NoStatus;
        card->MsgIn[0] = NoStatus;

        DsaTable* d = &card->Dsa;
        d->Device = 0x10000u << (int)(cp->Unit & 7);
        d->MsgOut.Count = 1;
        d->MsgOut.Address = Kernel.Vtop(card->MsgOut, null);
        d->Command.Count = CdbLength(cp->Cdb[0]);
        d->Command.Address = Kernel.Vtop(card->Cdb, null);
        d->Data.Count = cp->Nbyte;
        d->Data.Address = (uint)cp->Addr;
        d->Status.Count = 1;
        d->Status.Address = Kernel.Vtop(card->Status, null);
        d->MsgIn.Count = 1;
        d->MsgIn.Address = Kernel.Vtop(card->MsgIn, null);
        Chip.Start(card);
    }

    /// <summary>CDB length from the group code (bits 7–5 of the opcode): group 0 → 6, group 5 → 12, the others → 10.</summary>
    public static uint CdbLength(byte opcode)
    {
        int group = opcode >> 5;
        if (group == 0) return 6;
        if (group == 5) return 12;
        return 10;
    }

    /// <summary>
    /// Handles the card's pending interrupt, if any: ISTAT first, then SSTAT0 and DSTAT in one
    /// 32-bit read, then DSPS. Returns false when nothing was pending.
    /// </summary>
    private static bool Service(Card* card)
    {
        Siop710* r = card->Regs;
        byte istat = r->Istat;
        if ((istat & (Siop.IstatSip | Siop.IstatDip)) == 0) return false;
        uint status = r->Status;
        byte sstat0 = (byte)(status >> 8);
        byte dstat = (byte)status;
        uint dsps = r->Dsps;
        card->LastIstat = istat;
        card->LastSstat0 = sstat0;
        card->LastDstat = dstat;
        card->LastDsps = dsps;

        if ((sstat0 & Siop.Sstat0Sto) != 0)
        {
            // Selection timeout: no device answers at this ID; the bus is free.
            Fail(card);
        }
        else if ((sstat0 & Siop.Sstat0Rst) != 0)
        {
            // Someone reset the SCSI bus: the command is lost; the chip is re-initialised.
            Chip.Init(card);
            Fail(card);
        }
        else if ((dstat & Siop.DstatSir) != 0 && dsps == SiopScript.Done)
        {
            // SCRIPTS finished: the status byte is the target's (CHECK CONDITION is 0x02, which
            // dd.c answers with REQUEST SENSE); the transport worked.
            SdCom* cp = card->Active;
            byte scsiStatus = card->Status[0];
            card->Active = null;
            card->Completed++;
            StartNext(card);
            if (cp != null) Finish(cp, true, scsiStatus);
        }
        else
        {
            // Unexpected phase or message, phase mismatch, parity, bus fault, illegal instruction,
            // reselection: the target may still hold the bus, so reset it and start afresh.
            Chip.ResetBus(card);
            Chip.Init(card);
            Fail(card);
        }
        return true;
    }

    /// <summary>Fails the active command (okay = FALSE, status 0xff) and starts the next.</summary>
    private static void Fail(Card* card)
    {
        SdCom* cp = card->Active;
        card->Active = null;
        card->Errors++;
        StartNext(card);
        if (cp != null) Finish(cp, false, NoStatus);
    }

    /// <summary>Reports to dd.c: status byte, transport success, then its completion routine.</summary>
    private static void Finish(SdCom* cp, bool okay, byte status)
    {
        cp->Status = status;
        cp->Okay = (byte)(okay ? 1 : 0);
        cp->Intr(cp);
    }
}
