using Amix;
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace A4091;

/// <summary>
/// The sd.c entry points: <c>a4091queue(c, cp)</c> takes one command from dd.c, <c>a4091intr()</c>
/// is the level-2 interrupt handler. How a command completes is decided when it starts:
/// <list type="bullet">
/// <item><b>Polled</b> until the driver knows level-2 interrupts are taken: a4091queue polls ISTAT
/// at most <see cref="PollLimit"/> times per command (counted, since a4091queue runs at spl2, where
/// the clock is masked too).</item>
/// <item><b>Interrupt-driven</b> from then on: the first a4091queue call arms a one-tick callout
/// (<c>timeout()</c>); callouts run from the clock interrupt, a level-2 interrupt dispatched by the
/// same p2int as the A4091's INT2, so when <see cref="Level2Running"/> runs, the board's interrupts
/// are taken too (with a4091intr in int2_tbl, which the kernel.c patch adds). Every command started
/// after that completes in a4091intr; a watchdog callout (<see cref="WatchdogTicks"/>) bounds it.</item>
/// </list>
/// Either way each command ends in <see cref="Finish"/>, which reports to dd.c through cp->status,
/// cp->okay and (*cp->intr)(cp).
/// </summary>
public static unsafe class Request
{
    /// <summary>ISTAT reads a polled command may take before it is given up (about 8 s of Zorro III reads).</summary>
    public const int PollLimit = 8000000;
    /// <summary>Clock ticks (HZ 60) an interrupt-driven command may take before it is given up: 10 s.</summary>
    public const int WatchdogTicks = 600;
    /// <summary>Consecutive interrupts with nothing to complete after which a card's interrupts are masked until its next command.</summary>
    public const int SpuriousLimit = 16;
    /// <summary>IDENTIFY, LUN 0, no disconnect privilege.</summary>
    private const byte Identify = 0x80;
    /// <summary>SCSI status byte meaning "no status" (dd.c's convention).</summary>
    private const byte NoStatus = 0xff;

    private static CardTable cards;
    /// <summary>The level-2 probe: <see cref="ProbeNone"/>, <see cref="ProbeArmed"/> (callout armed by the first a4091queue call) or <see cref="ProbeRan"/> (level-2 interrupts are taken).</summary>
    private static byte probe;
    private const byte ProbeNone = 0, ProbeArmed = 1, ProbeRan = 2;

    /// <summary>
    /// sd.c's queue function for this adapter, <c>bool a4091queue(c, cp)</c> with rico.h's <c>bool</c> (a char),
    /// exactly as sd.c declares it (<c>extern bool a4091queue();</c>). <paramref name="c"/> is
    /// sd.c's per-product index and is not needed: the card is <c>cp-&gt;card</c>. Always returns TRUE;
    /// the command's outcome is reported through <c>cp</c>.
    /// </summary>
    [CExport("a4091queue")]
    [return: CType("bool")]
    public static bool Queue(int c, SdCom* cp)
    {
        cp->Next = null;
        if (cp->Card >= Sd.SDCARDS)
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
        if (probe == ProbeNone)
        {
            probe = ProbeArmed;
            fixed (byte* state = &probe) Kernel.Timeout(&Level2Running, state, 1);
        }
        if (card->Tail == null) card->Head = cp;
        else card->Tail->Next = cp;
        card->Tail = cp;
        if (card->Active == null) StartNext(card);
        if (probe != ProbeRan && card->Polling == 0)
            Poll(card);
        return true;
    }

    /// <summary>
    /// The probe callout: it runs from the clock interrupt, so level-2 interrupts are being taken.
    /// Commands started from now on are interrupt-driven.
    /// </summary>
    private static void Level2Running(byte* state)
    {
        *state = ProbeRan;
    }

    /// <summary>
    /// The level-2 interrupt handler (an int2_tbl entry). INT2 is shared by many boards and the kernel
    /// calls every handler on each level-2 interrupt, so a card is serviced only when its ISTAT shows
    /// SIP or DIP; otherwise the call returns at once. It services each card at most once per call
    /// and never loops: a condition the chip keeps raising comes back as the next interrupt, and
    /// <see cref="SpuriousLimit"/> of them in a row with nothing to complete mask the card's interrupts.
    /// </summary>
    [InterruptHandler]
    [CExport("a4091intr")]
    public static void Interrupt()
    {
        for (int i = 0; i < Sd.SDCARDS; i++)
        {
            Card* card = CardAt(i);
            if (card->Regs != null) Service(card);
        }
    }

    /// <summary>
    /// The watchdog callout of an interrupt-driven command (armed by <see cref="StartNext"/>): the command
    /// has run <see cref="WatchdogTicks"/> ticks. A completion that is pending but not yet taken is
    /// serviced; a command still running has timed out, so the bus and the chip are reset and it fails.
    /// </summary>
    private static void Watchdog(byte* arg)
    {
        Card* card = (Card*)arg;
        card->WatchdogArmed = 0;
        if (card->Active == null) return;
        uint started = card->Started;
        Service(card);
        // Serviced: that command is done, and one started since (dd.c may queue the same sdcom again from
        // its completion routine) has its own watchdog.
        if (card->Active == null || card->Started != started) return;
        card->Timeouts++;
        Chip.Recover(card);
        Fail(card);
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
                Chip.Recover(card);
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
        card->Started++;

        if (probe == ProbeRan && card->Polling == 0)
        {
            card->Watchdog = Kernel.Timeout(&Watchdog, (byte*)card, WatchdogTicks);
            card->WatchdogArmed = 1;
        }
        card->SpuriousInterrupts = 0;
        if (card->Masked != 0)
        {
            // Whatever the chip collected while masked is stale: discard it before interrupts come back.
            Chip.ClearPending(card);
            Chip.EnableInterrupts(card);
        }
        CommandBlock* b = card->Block;
        b->MsgOut[0] = Identify;
        for (int i = 0; i < 12; i++) b->Cdb[i] = cp->Cdb[i];
        b->Status[0] = NoStatus;
        b->MsgIn[0] = NoStatus;

        DsaTable* d = &b->Dsa;
        d->Device = 0x10000u << (int)(cp->Unit & 7);
        d->MsgOut.Count = 1;
        d->MsgOut.Address = Kernel.Vtop(b->MsgOut, null);
        d->Command.Count = CdbLength(cp->Cdb[0]);
        d->Command.Address = Kernel.Vtop(b->Cdb, null);
        d->Data.Count = cp->Nbyte;
        d->Data.Address = (uint)cp->Addr;
        d->Status.Count = 1;
        d->Status.Address = Kernel.Vtop(b->Status, null);
        d->MsgIn.Count = 1;
        d->MsgIn.Address = Kernel.Vtop(b->MsgIn, null);
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

        if (card->Active == null)
        {
            // Nothing to complete (a bus reset by another device, a condition left over); the status
            // read above cleared it. A card that keeps interrupting without a command is masked.
            if ((sstat0 & Siop.Sstat0Rst) != 0) Chip.Init(card);
            if (++card->SpuriousInterrupts >= SpuriousLimit) Chip.MaskInterrupts(card);
            return true;
        }
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
            byte scsiStatus = card->Block->Status[0];
            Retire(card);
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
        Retire(card);
        card->Errors++;
        StartNext(card);
        if (cp != null) Finish(cp, false, NoStatus);
    }

    /// <summary>Ends the active command on the card: no command is active and its watchdog, if any, is cancelled.</summary>
    private static void Retire(Card* card)
    {
        card->Active = null;
        if (card->WatchdogArmed != 0)
        {
            card->WatchdogArmed = 0;
            Kernel.Untimeout(card->Watchdog);
        }
    }

    /// <summary>Reports to dd.c: status byte, transport success, then its completion routine.</summary>
    private static void Finish(SdCom* cp, bool okay, byte status)
    {
        cp->Status = status;
        cp->Okay = (byte)(okay ? 1 : 0);
        cp->Intr(cp);
    }
}
