using System;

namespace DriverCompiler.Dsl
{
    /// <summary>
    /// Marks a static void method without parameters as an NCR 53C7xx SCRIPTS program. Its body is
    /// a sequence of calls to <see cref="Scripts"/> intrinsics with constant operands; the compiler
    /// evaluates it at build time, assembles it (the <c>drvc scripts</c> assembler) and emits the
    /// words as a C array named like the method (<c>ulong</c> on Amix), with ncr53cxxx's
    /// <c>A_</c>/<c>Ent_</c>/<c>E_</c> symbols. The method itself is not emitted as a function and
    /// must not be called. See docs/scripts.md, "SCRIPTS in C#".
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class ScriptsAttribute : Attribute
    {
        /// <summary>The chip: 700, 710 (default), 720, 770, 810 or 825 (ncr53cxxx's <c>ARCH</c>).</summary>
        public int Arch { get; set; } = 710;
        /// <summary>The struct whose field offsets <see cref="Scripts.Dsa(string)"/> names (the DSA table).</summary>
        public Type? Dsa { get; set; }
    }

    /// <summary>SCSI bus phase (MSG, C/D, I/O lines; SCRIPTS bits 26–24; 53C710 SSTAT2 bits 2–0).</summary>
    public enum ScsiPhase : byte
    {
        /// <summary>DATA OUT (0).</summary>
        DataOut = 0,
        /// <summary>DATA IN (1).</summary>
        DataIn = 1,
        /// <summary>COMMAND (2).</summary>
        Command = 2,
        /// <summary>STATUS (3).</summary>
        Status = 3,
        /// <summary>Reserved (4).</summary>
        Reserved4 = 4,
        /// <summary>Reserved (5).</summary>
        Reserved5 = 5,
        /// <summary>MESSAGE OUT (6).</summary>
        MessageOut = 6,
        /// <summary>MESSAGE IN (7).</summary>
        MessageIn = 7,
    }

    /// <summary>SCSI signals for <see cref="Scripts.Set"/>/<see cref="Scripts.Clear"/> (dword0 bits: ATN 0x008, ACK 0x040, TARGET 0x200, CARRY 0x400).</summary>
    [Flags]
    public enum ScsiSignal : ushort
    {
        /// <summary>ATN.</summary>
        Atn = 0x008,
        /// <summary>ACK.</summary>
        Ack = 0x040,
        /// <summary>Target mode.</summary>
        Target = 0x200,
        /// <summary>Carry (720+).</summary>
        Carry = 0x400,
    }

    /// <summary>Register-operation operators of SCRIPTS register moves (dword0 bits 26–24).</summary>
    public enum ScriptsOperator : byte
    {
        /// <summary>Plain move.</summary>
        Move = 0,
        /// <summary>SHL.</summary>
        ShiftLeft = 1,
        /// <summary>OR (|).</summary>
        Or = 2,
        /// <summary>XOR.</summary>
        Xor = 3,
        /// <summary>AND (&amp;).</summary>
        And = 4,
        /// <summary>SHR.</summary>
        ShiftRight = 5,
        /// <summary>ADD (+).</summary>
        Add = 6,
        /// <summary>ADD WITH CARRY.</summary>
        AddWithCarry = 7,
        /// <summary>SUBTRACT (−): ADD of the two's complement of the data byte.</summary>
        Subtract = 8,
    }

    /// <summary>
    /// A chip register by its SCRIPTS name (ncr53cxxx's register table; the number it encodes to
    /// depends on <see cref="ScriptsAttribute.Arch"/>: 53C710 SCRATCH0 = 0x34, ISTAT = 0x21).
    /// </summary>
#pragma warning disable CS1591 // the names are the chip manual's register names
    public enum ScriptsRegister : byte
    {
        SCNTL0, SCNTL1, SDID, SIEN, SCID, SXFER, SODL, SOCL, SFBR, SIDL, SBDL, SBCL,
        DSTAT, SSTAT0, SSTAT1, SSTAT2, DSA0, DSA1, DSA2, DSA3, CTEST0, CTEST1, CTEST2, CTEST3,
        CTEST4, CTEST5, CTEST6, CTEST7, TEMP0, TEMP1, TEMP2, TEMP3, DFIFO, ISTAT, CTEST8, LCRC,
        DBC0, DBC1, DBC2, DCMD, DNAD0, DNAD1, DNAD2, DNAD3, DSP0, DSP1, DSP2, DSP3,
        DSPS0, DSPS1, DSPS2, DSPS3, SCRATCH0, SCRATCH1, SCRATCH2, SCRATCH3, DMODE, DIEN, DWT, DCNTL,
        ADDER0, ADDER1, ADDER2, ADDER3,
    }
#pragma warning restore CS1591

    /// <summary>A transfer or block-move condition (built by <see cref="Scripts.When(ScsiPhase)"/> and friends). <c>default</c> means unconditional.</summary>
    public readonly struct ScriptsCondition { }

    /// <summary>A jump target: a label, absolute (<see cref="Scripts.At"/>) or relative (<see cref="Scripts.Rel"/>).</summary>
    public readonly struct ScriptsTarget { }

    /// <summary>A table-indirect operand: an offset from DSA (<see cref="Scripts.Dsa(string)"/>).</summary>
    public readonly struct ScriptsTable { }

    /// <summary>
    /// SCRIPTS intrinsics. Inside a <see cref="ScriptsAttribute"/> method each call is one ncr53cxxx
    /// statement (the remarks give the <c>.ss</c> form); operands must be compile-time constants.
    /// <see cref="Address"/>, <see cref="EntryOffset"/>, <see cref="Size"/>, <see cref="LabelPatchCount"/> and
    /// <see cref="LabelPatches"/> are for ordinary driver code. None of these
    /// run in .NET: they return defaults.
    /// </summary>
    /// <remarks>Use with <c>using static DriverCompiler.Dsl.Scripts;</c>.</remarks>
    public static class Scripts
    {
        private const string Intrinsic = "DRV_SCRIPTS_INTRINSIC";

        // ---- used by driver code ----

        /// <summary>The kernel virtual address of the assembled SCRIPTS array of the <see cref="ScriptsAttribute"/> method named <paramref name="script"/> (pass <c>nameof(Method)</c>). Lowers to the array's name.</summary>
        [CBinding(Intrinsic)] public static unsafe uint* Address(string script) => null;
        /// <summary>The byte offset of the label <paramref name="label"/>, which an <see cref="Entry"/> must name. Lowers to <c>Ent_label</c>.</summary>
        [CBinding(Intrinsic)] public static uint EntryOffset(string label) => 0;
        /// <summary>
        /// The size in bytes of the assembled program of the <see cref="ScriptsAttribute"/> method named <paramref name="script"/>
        /// (a multiple of 4). Lowers to the <c>ARRAY_SIZE</c> define of the program's header symbols. With
        /// <see cref="LabelPatchCount"/> and <see cref="LabelPatches"/> it lets a driver copy the program to
        /// memory it chose (e.g. a page from the kernel, so the chip fetches from a longword-aligned address)
        /// and relocate the copy.
        /// </summary>
        [CBinding(Intrinsic)] public static uint Size(string script) => 0;
        /// <summary>
        /// The number of label patches of the program named <paramref name="script"/>: words that hold a label's
        /// byte offset and need the program's bus address added (ncr53cxxx's <c>PATCHES</c>). Lowers to <c>ARRAY_PATCHES</c>.
        /// </summary>
        [CBinding(Intrinsic)] public static uint LabelPatchCount(string script) => 0;
        /// <summary>
        /// The word indexes of the label patches of the program named <paramref name="script"/> (ncr53cxxx's
        /// <c>LABELPATCHES[]</c>), <see cref="LabelPatchCount"/> of them; a null pointer when there are none.
        /// Lowers to the <c>ARRAY_LABELPATCHES</c> array.
        /// </summary>
        [CBinding(Intrinsic)] public static unsafe uint* LabelPatches(string script) => null;

        // ---- directives ----

        /// <summary><c>name:</c> — defines a label at the next instruction.</summary>
        [CBinding(Intrinsic)] public static void Label(string name) { }
        /// <summary><c>ENTRY name</c> — the label is emitted as <c>#define Ent_name</c>.</summary>
        [CBinding(Intrinsic)] public static void Entry(string name) { }
        /// <summary><c>ABSOLUTE name = value</c> — emitted as <c>#define A_name</c>.</summary>
        [CBinding(Intrinsic)] public static void Absolute(string name, uint value) { }
        /// <summary><c>EXTERNAL name</c> — a value the driver patches in at run time (<c>E_name_Used[]</c>).</summary>
        [CBinding(Intrinsic)] public static void External(string name) { }

        // ---- operands ----

        /// <summary>Table-indirect offset of the DSA struct field <paramref name="field"/> (pass <c>nameof(Dsa.Field)</c>); also defines <c>ABSOLUTE ds_Field</c>.</summary>
        [CBinding(Intrinsic)] public static ScriptsTable Dsa(string field) => default;
        /// <summary>Table-indirect offset given as a number of bytes from DSA.</summary>
        [CBinding(Intrinsic)] public static ScriptsTable Dsa(uint offset) => default;
        /// <summary><c>REL(label)</c>: a target relative to the next instruction (no load-time patch).</summary>
        [CBinding(Intrinsic)] public static ScriptsTarget Rel(string label) => default;
        /// <summary><c>label</c>: an absolute target; listed in LABELPATCHES (the driver adds the script's bus address).</summary>
        [CBinding(Intrinsic)] public static ScriptsTarget At(string label) => default;
        /// <summary><c>WHEN phase</c>: wait for REQ, then compare the phase.</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition When(ScsiPhase phase) => default;
        /// <summary><c>WITH phase</c>: block move without waiting (block moves only).</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition With(ScsiPhase phase) => default;
        /// <summary><c>IF phase</c>: compare the phase latched at the last REQ, without waiting (transfer instructions only; a block move takes <see cref="With"/>, DRV0308).</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition If(ScsiPhase phase) => default;
        /// <summary><c>WHEN NOT phase</c>.</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition WhenNot(ScsiPhase phase) => default;
        /// <summary><c>IF NOT phase</c>.</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition IfNot(ScsiPhase phase) => default;
        /// <summary><c>WHEN phase AND data [, AND MASK mask]</c>: phase and SFBR compare (mask bits set are ignored).</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition When(ScsiPhase phase, byte data, byte mask = 0) => default;
        /// <summary><c>IF data [, AND MASK mask]</c>: SFBR compare.</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition IfData(byte data, byte mask = 0) => default;
        /// <summary><c>IF NOT data [, AND MASK mask]</c>.</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition IfNotData(byte data, byte mask = 0) => default;
        /// <summary><c>WHEN data [, AND MASK mask]</c>.</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition WhenData(byte data, byte mask = 0) => default;
        /// <summary><c>IF FALSE</c>: never taken.</summary>
        [CBinding(Intrinsic)] public static ScriptsCondition IfFalse() => default;

        // ---- block moves ----

        /// <summary><c>MOVE count, address, WHEN|WITH phase</c>: <paramref name="phase"/> is <see cref="When(ScsiPhase)"/> or <see cref="With"/> (DRV0308).</summary>
        [CBinding(Intrinsic)] public static void Move(uint count, uint address, ScriptsCondition phase) { }
        /// <summary><c>MOVE count, PTR address, WHEN|WITH phase</c>: <paramref name="pointer"/> holds the data address.</summary>
        [CBinding(Intrinsic)] public static void MovePtr(uint count, uint pointer, ScriptsCondition phase) { }
        /// <summary><c>MOVE FROM table, WHEN|WITH phase</c>: count and address from the 8-byte DSA entry.</summary>
        [CBinding(Intrinsic)] public static void Move(ScriptsTable table, ScriptsCondition phase) { }
        /// <summary><c>MOVE MEMORY count, source, destination</c>.</summary>
        [CBinding(Intrinsic)] public static void MoveMemory(uint count, uint source, uint destination) { }

        // ---- I/O ----

        /// <summary><c>SELECT FROM table, alternate</c>: the DSA dword holds the one-hot ID (bits 23–16) and SXFER (15–8).</summary>
        [CBinding(Intrinsic)] public static void Select(ScriptsTable table, ScriptsTarget alternate) { }
        /// <summary><c>SELECT ATN FROM table, alternate</c>.</summary>
        [CBinding(Intrinsic)] public static void SelectAtn(ScriptsTable table, ScriptsTarget alternate) { }
        /// <summary><c>SELECT id, alternate</c> (one-hot ID on the 53C710).</summary>
        [CBinding(Intrinsic)] public static void Select(byte id, ScriptsTarget alternate) { }
        /// <summary><c>SELECT ATN id, alternate</c>.</summary>
        [CBinding(Intrinsic)] public static void SelectAtn(byte id, ScriptsTarget alternate) { }
        /// <summary><c>RESELECT FROM table, alternate</c> (target mode).</summary>
        [CBinding(Intrinsic)] public static void Reselect(ScriptsTable table, ScriptsTarget alternate) { }
        /// <summary><c>WAIT DISCONNECT</c>.</summary>
        [CBinding(Intrinsic)] public static void WaitDisconnect() { }
        /// <summary><c>WAIT RESELECT alternate</c>.</summary>
        [CBinding(Intrinsic)] public static void WaitReselect(ScriptsTarget alternate) { }
        /// <summary><c>WAIT SELECT alternate</c> (target mode).</summary>
        [CBinding(Intrinsic)] public static void WaitSelect(ScriptsTarget alternate) { }
        /// <summary><c>DISCONNECT</c> (target mode).</summary>
        [CBinding(Intrinsic)] public static void Disconnect() { }
        /// <summary><c>SET signals</c>.</summary>
        [CBinding(Intrinsic)] public static void Set(ScsiSignal signals) { }
        /// <summary><c>CLEAR signals</c>.</summary>
        [CBinding(Intrinsic)] public static void Clear(ScsiSignal signals) { }

        // ---- transfer control ----

        /// <summary><c>JUMP target [, condition]</c>.</summary>
        [CBinding(Intrinsic)] public static void Jump(ScriptsTarget target, ScriptsCondition condition = default) { }
        /// <summary><c>CALL target [, condition]</c> (return address in TEMP).</summary>
        [CBinding(Intrinsic)] public static void Call(ScriptsTarget target, ScriptsCondition condition = default) { }
        /// <summary><c>RETURN [, condition]</c>.</summary>
        [CBinding(Intrinsic)] public static void Return(ScriptsCondition condition = default) { }
        /// <summary><c>INT vector [, condition]</c>: halts with DSTAT.SIR and DSPS = vector.</summary>
        [CBinding(Intrinsic)] public static void Int(uint vector, ScriptsCondition condition = default) { }
        /// <summary><c>INTFLY vector [, condition]</c> (720+).</summary>
        [CBinding(Intrinsic)] public static void IntFly(uint vector, ScriptsCondition condition = default) { }
        /// <summary><c>NOP</c>.</summary>
        [CBinding(Intrinsic)] public static void Nop() { }

        // ---- register moves ----

        /// <summary><c>MOVE data TO register</c>.</summary>
        [CBinding(Intrinsic)] public static void MoveData(byte data, ScriptsRegister destination) { }
        /// <summary><c>MOVE source TO SFBR</c> or <c>MOVE SFBR TO destination</c> (one side must be SFBR).</summary>
        [CBinding(Intrinsic)] public static void MoveRegister(ScriptsRegister source, ScriptsRegister destination) { }
        /// <summary><c>MOVE source op data TO destination</c> (source and destination equal, or one of them SFBR); SHL/SHR ignore <paramref name="data"/>.</summary>
        [CBinding(Intrinsic)] public static void MoveRegister(ScriptsRegister source, ScriptsOperator op, byte data, ScriptsRegister destination) { }
    }
}
