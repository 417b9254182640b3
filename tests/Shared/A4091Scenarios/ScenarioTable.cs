namespace DriverCompiler.Testing.A4091;

/// <summary>How the commands of a scenario complete: level-2 interrupts never taken (the driver polls), or taken.</summary>
public enum Completion
{
    /// <summary>Level-2 interrupts are never taken: every command completes by the driver's bounded poll inside a4091queue.</summary>
    Polled,
    /// <summary>Level-2 interrupts are taken (the clock runs): after the driver's probe callout, commands complete in a4091intr.</summary>
    Interrupts,
}

/// <summary>SCSI operations of a scenario step.</summary>
public enum Op
{
    /// <summary>INQUIRY with allocation length <see cref="Step.Count"/>.</summary>
    Inquiry,
    /// <summary>TEST UNIT READY.</summary>
    Tur,
    /// <summary>READ CAPACITY(10).</summary>
    ReadCapacity,
    /// <summary>READ(10) of <see cref="Step.Count"/> blocks at <see cref="Step.Lba"/>.</summary>
    Read10,
    /// <summary>WRITE(10) of <see cref="Step.Count"/> blocks at <see cref="Step.Lba"/>, data <see cref="Pattern"/>(<see cref="Step.Seed"/>).</summary>
    Write10,
}

/// <summary>What the target does with a step's command besides answering it as SCSI-2 says.</summary>
public enum Fault
{
    /// <summary>The target answers the command.</summary>
    None,
    /// <summary>
    /// The target takes the CDB and then never asserts REQ again: connected, the bus held, until a SCSI bus reset.
    /// Only the driver's watchdog (interrupt-driven) or its poll limit (polled) can end the command: okay = FALSE,
    /// status 0xff, and the bus reset that frees the target. The simulator's <c>--fault CARD:ID:hang@N</c>; FS-UAE's
    /// targets cannot do it (see <see cref="ScenarioTable.OnFsUae"/>).
    /// </summary>
    Hang,
}

/// <summary>
/// One command as dd.c issues it to SCSI ID <see cref="Id"/> of card 0. Steps with the same non-zero
/// <see cref="Group"/> (two at most, next to each other) are queued together at sdspl, the second while the
/// first is in flight, where the engine's harness can (FS-UAE); the simulator's test main issues them one after
/// the other.
/// </summary>
public sealed record Step(Op Op, int Id, long Lba = 0, int Count = 0, int Seed = 0, int Group = 0, Fault Fault = Fault.None)
{
    /// <summary>Bytes the command transfers.</summary>
    public int Bytes => Op switch { Op.Inquiry => Count, Op.ReadCapacity => 8, Op.Read10 or Op.Write10 => Count * Bench.BlockSize, _ => 0 };

    public override string ToString() => Op switch
    {
        Op.Read10 or Op.Write10 => $"{Op} id {Id} lba {Lba} x {Count}",
        Op.Inquiry => $"INQUIRY id {Id} ({Count} bytes)",
        _ => $"{Op} id {Id}",
    } + (Fault == Fault.None ? "" : $" (target fault: {Fault})");
}

/// <summary>A named list of commands run in one completion mode on the <see cref="Bench"/>.</summary>
public sealed record Scenario(string Name, Completion Mode, params Step[] Steps)
{
    /// <summary>Whether a step needs a target that misbehaves (<see cref="Fault"/>), which only the simulator's targets can.</summary>
    public bool NeedsTargetFaults => Steps.Any(t => t.Fault != Fault.None);

    public override string ToString() => Name;
}

/// <summary>
/// The disks both engines attach: card 0, disks of <see cref="Blocks"/> blocks on the IDs of
/// <see cref="Disks"/> (seeded contents), nothing on the others. Host ID 7.
/// </summary>
public static class Bench
{
    public const int BlockSize = 512;
    /// <summary>Every disk's size in blocks (1 MiB).</summary>
    public const int Blocks = 2048;
    /// <summary>SCSI ID → seed of the disk's contents.</summary>
    public static readonly IReadOnlyDictionary<int, int> Disks = new Dictionary<int, int> { [0] = 100, [2] = 102, [3] = 103, [5] = 105 };
    /// <summary>IDs with no device: selection times out.</summary>
    public static readonly int[] Absent = [1, 4, 6];

    /// <summary>The disk image of ID <paramref name="id"/> as it is before any scenario runs.</summary>
    public static byte[] Image(int id)
    {
        var b = new byte[Blocks * BlockSize];
        new Random(Disks[id]).NextBytes(b);
        return b;
    }
}

/// <summary>
/// The data of a WRITE: xorshift32 from the seed, one byte per step (the top byte). The FS-UAE harness
/// (tests/Amix.Uae/main.c) generates the same bytes in C; the host checks the image with this one.
/// </summary>
public static class Pattern
{
    public static byte[] Bytes(int length, int seed)
    {
        uint s = unchecked((uint)seed * 2654435761u + 1u);
        var b = new byte[length];
        for (int k = 0; k < length; k++)
        {
            s ^= s << 13;
            s ^= s >> 17;
            s ^= s << 5;
            b[k] = (byte)(s >> 24);
        }
        return b;
    }

    /// <summary>FNV-1a (32 bit), as the FS-UAE harness reports what a READ returned.</summary>
    public static uint Fnv(ReadOnlySpan<byte> data)
    {
        uint h = 2166136261u;
        foreach (var x in data) h = unchecked((h ^ x) * 16777619u);
        return h;
    }
}

/// <summary>
/// The scenario table of issue 12, one list for both engines: the 53C710 simulator (tests/Ncr53c710.Sim,
/// DriverCompiler.A4091.Sim.Tests) and FS-UAE's 53C710 (tests/Amix.Uae, DriverCompiler.A4091.Uae.Tests).
/// Polled scenarios come first (the FS-UAE harness runs them before it starts the clock). No scenario reads
/// a block another scenario writes, so each can run on fresh images (the simulator) or all in one boot on
/// the same images (FS-UAE).
/// </summary>
public static class ScenarioTable
{
    public static readonly Scenario[] All =
    [
        new("polled-inquiry-every-target", Completion.Polled,
            new(Op.Inquiry, 0, Count: 36), new(Op.Inquiry, 2, Count: 36), new(Op.Inquiry, 3, Count: 36), new(Op.Inquiry, 5, Count: 36)),
        new("polled-write-read-4k", Completion.Polled,
            new(Op.Write10, 2, 100, 8, Seed: 11), new(Op.Read10, 2, 100, 8), new(Op.Read10, 0, 0, 1)),
        new("polled-absent-target", Completion.Polled,
            new(Op.Tur, 4), new(Op.Inquiry, 3, Count: 36)),
        new("polled-read-past-the-end", Completion.Polled,
            new Step(Op.Read10, 5, Bench.Blocks + 10, 1)),
        new("inquiry-every-target", Completion.Interrupts,
            new(Op.Inquiry, 0, Count: 36), new(Op.Inquiry, 2, Count: 36), new(Op.Inquiry, 3, Count: 36), new(Op.Inquiry, 5, Count: 36),
            new(Op.ReadCapacity, 3)),
        new("absent-targets", Completion.Interrupts,
            new(Op.Tur, 1), new(Op.Inquiry, 4, Count: 36), new(Op.Tur, 6), new(Op.Inquiry, 0, Count: 36)),
        new("write-read-512", Completion.Interrupts,
            new(Op.Write10, 3, 200, 1, Seed: 21), new(Op.Read10, 3, 200, 1)),
        new("write-read-4k", Completion.Interrupts,
            new(Op.Write10, 5, 300, 8, Seed: 22), new(Op.Read10, 5, 300, 8)),
        new("write-read-16.5k", Completion.Interrupts,
            new(Op.Write10, 0, 400, 33, Seed: 23), new(Op.Read10, 0, 400, 33)),
        new("write-read-64k", Completion.Interrupts,
            new(Op.Write10, 2, 1000, 128, Seed: 24), new(Op.Read10, 2, 1000, 128)),
        new("read-past-the-end", Completion.Interrupts,
            new(Op.Read10, 3, Bench.Blocks + 100, 2), new(Op.Read10, 3, Bench.Blocks - 1, 1)),
        new("read-across-the-end", Completion.Interrupts,
            new Step(Op.Read10, 0, Bench.Blocks - 1, 2)),
        new("back-to-back", Completion.Interrupts,
            new(Op.Read10, 0, 10, 4), new(Op.Read10, 0, 14, 4), new(Op.Write10, 0, 600, 1, Seed: 31), new(Op.Read10, 5, 20, 2),
            new(Op.Tur, 2), new(Op.Inquiry, 3, Count: 36), new(Op.Read10, 0, 600, 1), new(Op.Read10, 3, 1500, 64)),
        new("queued-while-in-flight", Completion.Interrupts,
            new(Op.Write10, 3, 700, 16, Seed: 41, Group: 1), new(Op.Read10, 3, 700, 16, Group: 1),
            new(Op.Read10, 0, 50, 4, Group: 2), new(Op.Read10, 5, 60, 4, Group: 2),
            new(Op.Write10, 2, 800, 2, Seed: 42, Group: 3), new(Op.Tur, 4, Group: 3)),
        new("watchdog-hung-target", Completion.Interrupts,
            new(Op.Inquiry, 2, Count: 36), new(Op.Read10, 2, 900, 2, Fault: Fault.Hang), new(Op.Read10, 2, 900, 2), new(Op.Tur, 3)),
    ];

    /// <summary>
    /// The scenarios the FS-UAE tier runs: all but those that need a misbehaving target. FS-UAE 3.1.66's A4091
    /// targets cannot hang: its SCSI layer runs each command to completion inside the block move that sends the
    /// CDB (src/ncr_scsi.cpp: scsi710_req_enqueue and scsi710_req_continue call scsi_emulate_cmd and then
    /// lsi710_transfer_data or lsi710_command_complete at once), so src/qemuvga/lsi53c710.cpp's lsi_do_command always
    /// finds command_complete set and never takes its disconnect path, and an absent ID is a selection timeout at
    /// once (lsi_bad_selection). tests/Amix.Uae/README.md has the whole reading.
    /// </summary>
    public static IReadOnlyList<Scenario> OnFsUae => [.. All.Where(s => !s.NeedsTargetFaults)];

    /// <summary>The scenario called <paramref name="name"/>.</summary>
    public static Scenario Named(string name) => All.Single(s => s.Name == name);

    /// <summary>Scenario names for xunit theories.</summary>
    public static TheoryData<string> Names() => [.. All.Select(s => s.Name)];
}
