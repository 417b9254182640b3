using DriverCompiler.Dsl;
using static DriverCompiler.Dsl.Scripts;

namespace A4091;

/// <summary>The SCRIPTS program the 53C710 runs for one command, and the vectors it stops with.</summary>
public static class SiopScript
{
    /// <summary>INT vector: command complete, status and message received, bus free.</summary>
    public const uint Done = 0xff00;
    /// <summary>INT vector: the target went to a phase the program does not handle.</summary>
    public const uint UnexpectedPhase = 0xff05;
    /// <summary>INT vector: the message after STATUS was not COMMAND COMPLETE.</summary>
    public const uint UnexpectedMessage = 0xff06;
    /// <summary>INT vector: SELECT's alternate path — the chip was (re)selected before it won arbitration.</summary>
    public const uint Reselected = 0xff10;

    /// <summary>
    /// Select with ATN, send IDENTIFY, send the CDB, then follow the target: DATA OUT or DATA IN
    /// (whichever phase it asks for), STATUS, MESSAGE IN; wait for the bus to go free and stop with
    /// <see cref="Done"/>. A selection timeout stops the program with SSTAT0.STO instead.
    /// </summary>
    [Scripts(Arch = 710, Dsa = typeof(DsaTable))]
    public static void Program()
    {
        Entry("start");
        Label("start");
        SelectAtn(Dsa(nameof(DsaTable.Device)), Rel("reselected"));
        Move(Dsa(nameof(DsaTable.MsgOut)), When(ScsiPhase.MessageOut));
        Clear(ScsiSignal.Atn);
        Move(Dsa(nameof(DsaTable.Command)), When(ScsiPhase.Command));
        Jump(Rel("dataout"), When(ScsiPhase.DataOut));
        Jump(Rel("datain"), If(ScsiPhase.DataIn));
        Jump(Rel("status"), If(ScsiPhase.Status));
        Int(UnexpectedPhase);
        Label("dataout");
        Move(Dsa(nameof(DsaTable.Data)), When(ScsiPhase.DataOut));
        Jump(Rel("status"), When(ScsiPhase.Status));
        Int(UnexpectedPhase);
        Label("datain");
        Move(Dsa(nameof(DsaTable.Data)), When(ScsiPhase.DataIn));
        Jump(Rel("status"), When(ScsiPhase.Status));
        Int(UnexpectedPhase);
        Label("status");
        Move(Dsa(nameof(DsaTable.Status)), When(ScsiPhase.Status));
        Move(Dsa(nameof(DsaTable.MsgIn)), When(ScsiPhase.MessageIn));
        Int(UnexpectedMessage, IfNotData(0x00));
        Clear(ScsiSignal.Ack);
        WaitDisconnect();
        Int(Done);
        Label("reselected");
        Int(Reselected);
    }
}
