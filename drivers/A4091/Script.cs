using DriverCompiler.Dsl;
using static DriverCompiler.Dsl.Scripts;

namespace A4091;

/// <summary>The SCRIPTS program the 53C710 runs, its entry points and the vectors it stops with.</summary>
public static class SiopScript
{
    /// <summary>INT vector: command complete, status and message received, bus free.</summary>
    public const uint Done = 0xff00;
    /// <summary>INT vector: the target sent DISCONNECT (after SAVE DATA POINTER or not) and released the bus; it will reselect.</summary>
    public const uint Disconnected = 0xff01;
    /// <summary>INT vector: a target reselected the chip in WAIT RESELECT; SCRATCH0 holds the bus ID bits latched in LCRC (its ID and ours).</summary>
    public const uint Reselected = 0xff03;
    /// <summary>INT vector: WAIT RESELECT ended by ISTAT SIGP (the driver has a new command to start); SIGP is cleared.</summary>
    public const uint Signalled = 0xff04;
    /// <summary>INT vector: the target went to a phase the program does not handle.</summary>
    public const uint UnexpectedPhase = 0xff05;
    /// <summary>INT vector: a message the program does not handle (after STATUS not COMMAND COMPLETE; after reselection not IDENTIFY).</summary>
    public const uint UnexpectedMessage = 0xff06;

    /// <summary>
    /// Entry <c>start</c>: select with ATN, send IDENTIFY, send the CDB, then follow the target through
    /// DATA OUT or DATA IN, STATUS and MESSAGE IN (COMMAND COMPLETE), wait for bus free and stop with
    /// <see cref="Done"/>. MESSAGE IN before STATUS: SAVE DATA POINTER and RESTORE POINTERS are acknowledged
    /// (the data entry in the DSA table is never advanced: a target may disconnect only before it moves data,
    /// see drivers/A4091/README.md), DISCONNECT ends in <see cref="Disconnected"/> once the bus is free.
    /// Entry <c>idle</c>: WAIT RESELECT; a reselection stops with <see cref="Reselected"/>, ISTAT SIGP with
    /// <see cref="Signalled"/>. Entry <c>reconnect</c>: with DSA set to the reselecting target's table, take its
    /// IDENTIFY and follow its phases as after the CDB. A selection timeout stops the program with SSTAT0 STO.
    /// The shape follows NetBSD's siop_script.ss for the 53C710 (Amiga siop): SELECT's alternate path and
    /// WAIT RESELECT, LCRC copied to SCRATCH0 for the reselecting ID, CTEST2 read to clear SIGP.
    /// </summary>
    [Scripts(Arch = 710, Dsa = typeof(DsaTable))]
    public static void Program()
    {
        Entry("start");
        Entry("idle");
        Entry("reconnect");
        Label("start");
        SelectAtn(Dsa(nameof(DsaTable.Device)), Rel("idle"));
        Move(Dsa(nameof(DsaTable.MsgOut)), When(ScsiPhase.MessageOut));
        Clear(ScsiSignal.Atn);
        Move(Dsa(nameof(DsaTable.Command)), When(ScsiPhase.Command));
        Label("phase");
        Jump(Rel("dataout"), When(ScsiPhase.DataOut));
        Jump(Rel("datain"), If(ScsiPhase.DataIn));
        Jump(Rel("status"), If(ScsiPhase.Status));
        Jump(Rel("msgin"), If(ScsiPhase.MessageIn));
        Int(UnexpectedPhase);
        Label("dataout");
        Move(Dsa(nameof(DsaTable.Data)), When(ScsiPhase.DataOut));
        Jump(Rel("phase"));
        Label("datain");
        Move(Dsa(nameof(DsaTable.Data)), When(ScsiPhase.DataIn));
        Jump(Rel("phase"));
        Label("status");
        Move(Dsa(nameof(DsaTable.Status)), When(ScsiPhase.Status));
        Move(Dsa(nameof(DsaTable.MsgIn)), When(ScsiPhase.MessageIn));
        Int(UnexpectedMessage, IfNotData(0x00));
        Clear(ScsiSignal.Ack);
        WaitDisconnect();
        Int(Done);
        Label("msgin");
        Move(Dsa(nameof(DsaTable.MsgIn)), When(ScsiPhase.MessageIn));
        Jump(Rel("disconnect"), IfData(0x04));
        Jump(Rel("ack"), IfData(0x02));
        Jump(Rel("ack"), IfData(0x03));
        Int(UnexpectedMessage);
        Label("ack");
        Clear(ScsiSignal.Ack);
        Jump(Rel("phase"));
        Label("disconnect");
        Clear(ScsiSignal.Ack);
        WaitDisconnect();
        Int(Disconnected);
        Label("idle");
        WaitReselect(Rel("signalled"));
        MoveRegister(ScriptsRegister.LCRC, ScriptsRegister.SFBR);
        MoveRegister(ScriptsRegister.SFBR, ScriptsRegister.SCRATCH0);
        Int(Reselected);
        Label("signalled");
        MoveRegister(ScriptsRegister.CTEST2, ScriptsOperator.And, 0x40, ScriptsRegister.SFBR);
        Int(Signalled);
        Label("reconnect");
        Move(Dsa(nameof(DsaTable.MsgIn)), When(ScsiPhase.MessageIn));
        Int(UnexpectedMessage, IfNotData(0x80, 0x7f));
        Clear(ScsiSignal.Ack);
        Jump(Rel("phase"));
    }
}
