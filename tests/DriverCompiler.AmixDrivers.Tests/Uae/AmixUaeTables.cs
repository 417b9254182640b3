using System.Globalization;
using System.Text;

namespace DriverCompiler.AmixDrivers.Tests.Uae;

/// <summary>What a row of the par table does (tests/Amix.Uae/drivers.c, <c>enum par_kind</c>).</summary>
public enum ParKind
{
    /// <summary>open, write <see cref="ParRow.Bytes"/> bytes of text, close (which waits for the last /ACK).</summary>
    Write,
    /// <summary>open, poll(POLLOUT|POLLIN) with nothing queued, close.</summary>
    PollIdle,
    /// <summary>PIOCSETCTL/PIOCGETCTL, an unknown ioctl, the nodev read column, minor 1, an open for reading.</summary>
    Ioctl,
    /// <summary>A write whose first byte jams the printer; a signal <see cref="ParRow.SignalTicks"/> ticks later; poll on the
    /// full queue; close, ended by a second signal.</summary>
    Signal,
    /// <summary>A write whose first byte jams the printer, ended by the driver's watchdog.</summary>
    LostAck,
}

/// <summary>One row of the par table.</summary>
public sealed record ParRow(string Name, ParKind Kind, int Bytes = 0, int Seed = 0, int SignalTicks = 0);

/// <summary>One request of the RAM disk table: 'w'/'r' through bdevsw's strategy (At = block), 'W'/'R' through the raw
/// cdevsw twin's write/read (At = byte offset); requests of one non-zero Batch are queued together before waiting.</summary>
public sealed record RdStep(char Op, int Batch, long At, int Count, int Seed = 0);

/// <summary>
/// The scenario tables the two Amix driver ROMs run on FS-UAE, written into the ROM as C (par_table.h, rd_table.h),
/// and what they must leave: the bytes the printer must receive, the RAM disk's contents after each request.
/// </summary>
public static class AmixUaeTables
{
    /// <summary>The driver's watchdog for this tier: 2 s at HZ 60 (the build option PAR_PAR_ACK_TIMEOUT; the driver's
    /// default is 60 s, Ditto's, too long for a test boot).</summary>
    public const int AckTimeoutTicks = 120;

    /// <summary>The par scenarios, in the order the ROM runs them.</summary>
    public static readonly ParRow[] Par =
    [
        new("order", ParKind.Write, 100, 1),
        new("larger-than-the-buffer", ParKind.Write, 3000, 2),   // the ring holds 512; the writer sleeps above 400
        new("poll-idle", ParKind.PollIdle),
        new("ioctl", ParKind.Ioctl),
        new("signal", ParKind.Signal, 1000, 4, SignalTicks: 10),
        new("lost-ack", ParKind.LostAck, 1000, 5),
        new("after-the-error", ParKind.Write, 50, 6),
    ];

    /// <summary>The text a row writes: printable bytes (0x20..0x7E), so only <see cref="VparPrinter.Jam"/> stops the printer.
    /// The ROM's <c>text()</c> computes the same; for Signal and LostAck rows the first byte is the jam.</summary>
    public static byte[] Text(ParRow r)
    {
        var b = new byte[r.Bytes];
        for (int i = 0; i < r.Bytes; i++) b[i] = (byte)(0x20 + (i * 7 + r.Seed * 13 + i / 95) % 95);
        if (r.Kind is ParKind.Signal or ParKind.LostAck && r.Bytes > 0) b[0] = VparPrinter.Jam;
        return b;
    }

    /// <summary>
    /// What the printer must receive, in order: every byte of each Write row; of a Signal or LostAck row only the first
    /// (the jammed byte on the port; the rest is in the driver's queue, dropped by the signal at close or the watchdog).
    /// </summary>
    public static byte[] ExpectedPrinted() =>
        [.. Par.SelectMany(r => r.Kind switch
        {
            ParKind.Write => Text(r),
            ParKind.Signal or ParKind.LostAck => Text(r).Take(1),
            _ => [],
        })];

    /// <summary>
    /// A file system's pattern on the 128-block disk: superblock, inode table, free map, a batch of scattered data blocks
    /// queued together, a directory, a 4 KB file, an inode rewritten, then everything read back (in other sizes and
    /// orders), a block past the end, a request across the end, and the raw device at byte offsets.
    /// </summary>
    public static readonly RdStep[] Rd = BuildRd();

    private static RdStep[] BuildRd()
    {
        var s = new List<RdStep>
        {
            new('w', 0, 1, 512, 1),        // superblock
            new('w', 0, 2, 2048, 2),       // inode table, blocks 2-5
            new('w', 0, 6, 512, 3),        // free map
        };
        int[] scattered = [7, 0, 120, 33, 127, 90, 15, 16, 41, 100];
        for (int i = 0; i < scattered.Length; i++) s.Add(new('w', 1, scattered[i], 512, 10 + i));
        s.Add(new('w', 0, 40, 512, 4));     // root directory
        s.Add(new('w', 0, 64, 4096, 5));    // a 4 KB file, blocks 64-71
        s.Add(new('w', 0, 3, 512, 6));      // an inode block rewritten
        s.Add(new('r', 0, 1, 512));
        s.Add(new('r', 0, 2, 1024));
        s.Add(new('r', 0, 4, 1024));
        foreach (var b in scattered.Reverse()) s.Add(new('r', 2, b, 512));
        s.Add(new('r', 0, 64, 4096));
        s.Add(new('r', 0, 40, 1024));       // the directory and block 41
        s.Add(new('r', 0, 200, 512));       // past the end: ENXIO at once
        s.Add(new('r', 0, 127, 1024));      // across the end: the last block, 512 left in b_resid
        s.Add(new('W', 0, 50 * 512 + 7, 300, 7));
        s.Add(new('R', 0, 50 * 512, 1024));
        s.Add(new('r', 0, 50, 512));        // the raw write seen through the block device
        s.Add(new('R', 0, 64 * 512 + 100, 1000));
        s.Add(new('R', 0, 128 * 512, 100)); // at the end: nothing, no error
        return [.. s];
    }

    /// <summary>The byte a write of <paramref name="seed"/> puts at its offset <paramref name="i"/> (the ROM's pattern_byte).</summary>
    public static byte Pattern(int seed, long i) => (byte)(seed * 31 + i * 3 + (i >> 8));

    /// <summary>par_table.h.</summary>
    public static string ParHeader()
    {
        var sb = new StringBuilder("/* Generated by the xunit side (AmixUaeTables.Par). */\nstatic const struct par_row par_rows[] = {\n");
        foreach (var r in Par)
            sb.Append(CultureInfo.InvariantCulture, $"    {{ \"{r.Name}\", PAR_{Snake(r.Kind)}, {r.Bytes}, {r.Seed}, {r.SignalTicks} }},\n");
        sb.Append("    { 0, PAR_WRITE, 0, 0, 0 }\n};\n");
        return sb.ToString();
    }

    /// <summary>rd_table.h.</summary>
    public static string RdHeader()
    {
        var sb = new StringBuilder("/* Generated by the xunit side (AmixUaeTables.Rd). */\nstatic const struct rd_step rd_steps[] = {\n");
        foreach (var r in Rd)
            sb.Append(CultureInfo.InvariantCulture, $"    {{ '{r.Op}', {r.Batch}, {r.At}L, {r.Count}u, {r.Seed} }},\n");
        sb.Append("    { 0, 0, 0L, 0u, 0 }\n};\n");
        return sb.ToString();
    }

    private static string Snake(ParKind k) => k switch
    {
        ParKind.Write => "WRITE",
        ParKind.PollIdle => "POLL_IDLE",
        ParKind.Ioctl => "IOCTL",
        ParKind.Signal => "SIGNAL",
        _ => "LOST_ACK",
    };

    /// <summary>FNV-1a 32, as the ROM hashes a buffer.</summary>
    public static uint Fnv(ReadOnlySpan<byte> p)
    {
        uint h = 2166136261;
        foreach (var b in p) { h ^= b; h *= 16777619; }
        return h;
    }
}
