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
    /// <summary>
    /// IDENTIFY for LUN 0 (SCSI-2 6.6.7: bit 7 IDENTIFY, bit 6 DiscPriv): with the disconnect privilege when the
    /// <see cref="Scsi.Disconnect"/> build option is not 0 (0xC0), without it by default (0x80). The C keeps the test
    /// of <c>A4091_SCSI_DISCONNECT</c>, so a -D in the C build decides it.
    /// </summary>
    private const byte Identify = Scsi.Disconnect != 0 ? 0xC0 : 0x80;
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
        if (card->Idling != 0) Chip.Signal(card);   // WAIT RESELECT ends with Signalled; Service starts it
        else if (card->Active == null) Dispatch(card);
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
    /// The watchdog callout (armed by <see cref="ArmWatchdog"/>): the card has had commands outstanding, and no
    /// command has started, reselected or ended, for <see cref="WatchdogTicks"/> ticks. A completion that is pending
    /// but not yet taken is serviced; if that is no progress either, the bus and the chip are reset and every
    /// outstanding command (the active one and the disconnected ones) fails.
    /// </summary>
    private static void Watchdog(byte* arg)
    {
        Card* card = (Card*)arg;
        card->WatchdogArmed = 0;
        if (!Outstanding(card)) return;
        uint progress = card->Progress;
        Service(card);
        // Serviced: what happened re-armed the watchdog if commands are still outstanding (dd.c may even have
        // queued the same sdcom again from its completion routine).
        if (card->Progress != progress) return;
        card->Timeouts++;
        Chip.Recover(card);
        FailAll(card);
    }

    /// <summary>Whether the card has a command the chip runs or a disconnected one.</summary>
    private static bool Outstanding(Card* card) => card->Active != null || card->DisconnectedCount != 0;

    /// <summary>
    /// Counts one sign of life (a command started, reselected or ended) and (re)arms the watchdog for interrupt-driven
    /// operation while commands are outstanding; cancels it when none are.
    /// </summary>
    private static void ArmWatchdog(Card* card)
    {
        card->Progress++;
        if (card->WatchdogArmed != 0)
        {
            card->WatchdogArmed = 0;
            Kernel.Untimeout(card->Watchdog);
        }
        if (probe == ProbeRan && card->Polling == 0 && Outstanding(card))
        {
            card->Watchdog = Kernel.Timeout(&Watchdog, (byte*)card, WatchdogTicks);
            card->WatchdogArmed = 1;
        }
    }

    /// <summary>The disconnected-command slot of SCSI ID <paramref name="id"/> (0–7).</summary>
    private static SdCom** DisconnectedSlot(Card* card, int id)
    {
        SdCom** first = &card->Disconnected.Id0;
        return first + id;
    }

    /// <summary>The state of card slot <paramref name="c"/> (0 … SDCARDS − 1).</summary>
    private static Card* CardAt(int c)
    {
        fixed (Card* first = &cards.Card0)
        {
            return first + c;
        }
    }

    /// <summary>Completes commands by polling until the card has none outstanding; <see cref="PollLimit"/> reads without an interrupt fail them all and reset the bus.</summary>
    private static void Poll(Card* card)
    {
        card->Polling = 1;
        int spins = 0;
        while (Outstanding(card))
        {
            if (Service(card)) spins = 0;
            else if (++spins >= PollLimit)
            {
                Chip.Recover(card);
                FailAll(card);
                spins = 0;
            }
        }
        card->Polling = 0;
    }

    /// <summary>
    /// After the chip stopped with nothing connected: starts the next command that can start, or, with commands
    /// disconnected, lets the chip wait for their reselection; otherwise the chip stays idle.
    /// </summary>
    private static void Dispatch(Card* card)
    {
        card->Idling = 0;
        if (StartNext(card)) return;
        if (card->DisconnectedCount != 0)
        {
            card->Idling = 1;
            Chip.WaitReselect(card);
        }
    }

    /// <summary>
    /// Takes the first waiting command whose target has no disconnected command (one nexus per target: dd.c has
    /// one sdcom per unit), fills its target's DSA table and starts SCRIPTS. Returns false when none can start.
    /// </summary>
    private static bool StartNext(Card* card)
    {
        SdCom* prev = null;
        SdCom* cp = card->Head;
        while (cp != null && *DisconnectedSlot(card, (int)(cp->Unit & 7)) != null)
        {
            prev = cp;
            cp = (SdCom*)(void*)cp->Next;
        }
        if (cp == null) return false;
        SdCom* next = (SdCom*)(void*)cp->Next;
        if (prev == null) card->Head = next;
        else prev->Next = next;
        if (card->Tail == cp) card->Tail = prev;
        cp->Next = null;
        card->Active = cp;
        ArmWatchdog(card);

        card->SpuriousInterrupts = 0;
        if (card->Masked != 0)
        {
            // Whatever the chip collected while masked is stale: discard it before interrupts come back.
            Chip.ClearPending(card);
            Chip.EnableInterrupts(card);
        }
        int id = (int)(cp->Unit & 7);
        CommandBlock* b = Chip.BlockOf(card, id);
        b->MsgOut[0] = Identify;
        for (int i = 0; i < 12; i++) b->Cdb[i] = cp->Cdb[i];
        b->Status[0] = NoStatus;
        b->MsgIn[0] = NoStatus;

        DsaTable* d = &b->Dsa;
        d->Device = 0x10000u << id;
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
        Chip.Start(card, id);
        return true;
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

        if (!Outstanding(card))
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
            // Someone reset the SCSI bus: every command on it is lost; the chip is re-initialised.
            Chip.Init(card);
            FailAll(card);
        }
        else if ((dstat & Siop.DstatSir) != 0 && dsps == SiopScript.Done && card->Active != null)
        {
            // SCRIPTS finished: the status byte is the target's (CHECK CONDITION is 0x02, which
            // dd.c answers with REQUEST SENSE); the transport worked.
            SdCom* cp = card->Active;
            byte scsiStatus = Chip.BlockOf(card, (int)(cp->Unit & 7))->Status[0];
            card->Active = null;
            card->Completed++;
            ArmWatchdog(card);
            Dispatch(card);
            Finish(cp, true, scsiStatus);
        }
        else if ((dstat & Siop.DstatSir) != 0 && dsps == SiopScript.Disconnected && card->Active != null)
        {
            // The target took the command and let the bus go; it keeps its command block and reselects later.
            SdCom* cp = card->Active;
            *DisconnectedSlot(card, (int)(cp->Unit & 7)) = cp;
            card->DisconnectedCount++;
            card->Active = null;
            Dispatch(card);
        }
        else if ((dstat & Siop.DstatSir) != 0 && dsps == SiopScript.Reselected && card->Active == null)
        {
            // A target came back: continue its command with its own DSA table.
            int id = Chip.ReselectingId(card);
            SdCom* cp = id < 0 ? null : *DisconnectedSlot(card, id);
            card->Idling = 0;
            if (cp == null)
            {
                // A reselection by a target with no disconnected command: nothing to continue.
                Chip.ResetBus(card);
                Chip.Init(card);
                FailAll(card);
            }
            else
            {
                *DisconnectedSlot(card, id) = null;
                card->DisconnectedCount--;
                card->Active = cp;
                card->Reselections++;
                ArmWatchdog(card);
                Chip.Reconnect(card, id);
            }
        }
        else if ((dstat & Siop.DstatSir) != 0 && dsps == SiopScript.Signalled && card->Active == null)
        {
            // WAIT RESELECT ended for a command queued meanwhile.
            Dispatch(card);
        }
        else
        {
            // Unexpected phase or message, phase mismatch, parity, bus fault, illegal instruction:
            // the target may still hold the bus, so reset it (which ends every nexus) and start afresh.
            Chip.ResetBus(card);
            Chip.Init(card);
            FailAll(card);
        }
        return true;
    }

    /// <summary>Fails the active command (okay = FALSE, status 0xff) and starts the next.</summary>
    private static void Fail(Card* card)
    {
        SdCom* cp = card->Active;
        card->Active = null;
        card->Errors++;
        ArmWatchdog(card);
        Dispatch(card);
        if (cp != null) Finish(cp, false, NoStatus);
    }

    /// <summary>
    /// Fails the active command and every disconnected one (after a SCSI bus reset no target remembers them),
    /// then starts the next waiting command. The failed commands are collected first and reported last,
    /// as dd.c's completion routine may queue again.
    /// </summary>
    private static void FailAll(Card* card)
    {
        SdCom* failed = card->Active;
        if (failed != null) failed->Next = null;
        card->Active = null;
        for (int id = 0; id < 8; id++)
        {
            SdCom** slot = DisconnectedSlot(card, id);
            SdCom* cp = *slot;
            if (cp == null) continue;
            *slot = null;
            cp->Next = failed;
            failed = cp;
        }
        card->DisconnectedCount = 0;
        card->Idling = 0;
        ArmWatchdog(card);
        Dispatch(card);
        while (failed != null)
        {
            SdCom* cp = failed;
            failed = (SdCom*)(void*)cp->Next;
            cp->Next = null;
            card->Errors++;
            Finish(cp, false, NoStatus);
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

/// <summary>SCSI protocol options of the driver.</summary>
public static class Scsi
{
    /// <summary>
    /// Whether IDENTIFY grants the disconnect privilege (SCSI-2 6.6.7, bit 6), so a target may disconnect after the
    /// command phase and reselect later, and commands to other targets run meanwhile: 1 grants it, 0 (the default)
    /// does not. A build option of the C (<c>-DA4091_SCSI_DISCONNECT=1</c>). The SCRIPTS program handles
    /// SAVE DATA POINTER / DISCONNECT / reselection either way; a target may disconnect only before it moves data
    /// (the DSA table's data entry is not advanced). See drivers/A4091/README.md.
    /// </summary>
    [BuildOption]
    public const int Disconnect = 0;
}
