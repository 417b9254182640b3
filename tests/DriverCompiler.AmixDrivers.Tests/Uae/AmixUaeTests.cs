namespace DriverCompiler.AmixDrivers.Tests.Uae;

/// <summary>
/// drivers/AmixPar on FS-UAE's emulated A3000: its CIAs, its level-2 interrupts, and its parallel port wired (vpar) to a
/// printer on the host (<see cref="VparPrinter"/>), which acknowledges every byte but the jam byte. The driver is called
/// only through cdevsw[21], parinit through init_tbl[], parintr through aciaaintr in int2_tbl[]. SVR4 errno values:
/// EINTR 4, EIO 5, ENODEV 19, EINVAL 22.
/// </summary>
[Collection("amix-uae")]
public sealed class ParOnFsUaeTests(AmixUaeFixture fx)
{
    private string Serial => fx.Par.Value.Boot.Serial;
    private string[] Section(string name) => AmixUae.Section(Serial, name);

    private string Context => $"--- serial ---\n{Serial}";

    [Fact]
    public void Every_byte_written_reaches_the_hosts_printer_in_order()
    {
        var expected = AmixUaeTables.ExpectedPrinted();
        var printed = fx.Par.Value.Printed;
        int first = Enumerable.Range(0, Math.Min(expected.Length, printed.Length)).FirstOrDefault(i => expected[i] != printed[i], -1);
        Assert.True(first < 0 && printed.Length == expected.Length,
            $"printed {printed.Length} of {expected.Length} bytes, first difference at {first}\n{Context}");
        var w = AmixUae.Fields(Section("order"), "write");
        Assert.Equal((0, 0, 0), (w.Num("rc"), w.Num("resid"), w.Num("iov")));
        var c = AmixUae.Fields(Section("order"), "close");
        Assert.Equal((0, 0), (c.Num("rc"), c.Num("callouts")));
        // one FLAG interrupt per byte, each sending the next: during the write, and while close drains the queue
        Assert.Equal(100, w.Num("acks") + c.Num("acks"));
    }

    /// <summary>3000 bytes through the 512-byte ring (high-water mark 400): the writer sleeps, /ACKs wake it, all arrive.</summary>
    [Fact]
    public void A_write_larger_than_the_buffer_sleeps_and_arrives_whole()
    {
        var w = AmixUae.Fields(Section("larger-than-the-buffer"), "write");
        Assert.True(w.Num("rc") == 0 && w.Num("resid") == 0 && w.Num("iov") == 0, Context);
        Assert.True(w.Num("sleeps") >= 1, $"the writer never slept\n{Context}");
        Assert.Equal(0, w.Num("interrupted"));
        var c = AmixUae.Fields(Section("larger-than-the-buffer"), "close");
        Assert.Equal(0, c.Num("callouts"));
        Assert.Equal(3000, w.Num("acks") + c.Num("acks"));
    }

    [Fact]
    public void Poll_reports_pollout_when_idle_and_not_pollin()
    {
        var p = AmixUae.Fields(Section("poll-idle"), "poll");
        Assert.Equal(0, p.Num("rc"));
        Assert.Equal(0x4, p.Num("revents"));           // POLLOUT of POLLOUT|POLLIN
        Assert.Equal("null", p["php"]);
    }

    /// <summary>
    /// The jammed first byte stays on the port; 400 more fill the queue to its high-water mark and the writer sleeps; the
    /// signal 10 ticks later ends the sleep: EINTR, uio_resid 1000 - 401 = 599 (the iovecs agree). poll on the full queue
    /// hands back the pollhead; close waits for the jammed byte until a second signal drops the queue.
    /// </summary>
    [Fact]
    public void A_signal_during_a_write_gives_eintr_with_the_residual()
    {
        var s = Section("signal");
        var w = AmixUae.Fields(s, "write");
        Assert.True(w.Num("rc") == 4 && w.Num("resid") == 599 && w.Num("iov") == 599, Context);
        Assert.Equal(1, w.Num("interrupted"));
        Assert.InRange(w.Num("ticks"), 10, AmixUaeTables.AckTimeoutTicks - 1);   // the signal, not the watchdog
        var p = AmixUae.Fields(s, "poll");
        Assert.Equal((0x0, "set"), (p.Num("revents"), p["php"]));
        var c = AmixUae.Fields(s, "close");
        Assert.Equal((0, 0), (c.Num("rc"), c.Num("callouts")));
    }

    /// <summary>A printer that is ready (SEL, not BUSY) but never acknowledges: the watchdog (120 ticks in this build) fails
    /// the write with EIO, uio_resid 599; close does not hang; the next write goes through.</summary>
    [Fact]
    public void A_lost_ack_ends_in_the_watchdogs_eio_and_the_port_recovers()
    {
        var s = Section("lost-ack");
        var w = AmixUae.Fields(s, "write");
        Assert.True(w.Num("rc") == 5 && w.Num("resid") == 599, Context);
        Assert.Equal(0, w.Num("interrupted"));
        Assert.InRange(w.Num("ticks"), AmixUaeTables.AckTimeoutTicks, AmixUaeTables.AckTimeoutTicks + 30);
        var c = AmixUae.Fields(s, "close");
        Assert.Equal((0, 0), (c.Num("rc"), c.Num("callouts")));
        var after = AmixUae.Fields(Section("after-the-error"), "write");
        var afterClose = AmixUae.Fields(Section("after-the-error"), "close");
        Assert.Equal((0, 0, 50), (after.Num("rc"), after.Num("resid"), after.Num("acks") + afterClose.Num("acks")));
    }

    [Fact]
    public void Ioctl_open_checks_and_the_nodev_read_column()
    {
        var f = AmixUae.Fields(Section("ioctl"), "ioctl");
        Assert.Equal((0, 0), (f.Num("set"), f.Num("get")));
        Assert.Equal(0x05, f.Num("rval"));             // PC_BUSY | PC_SEL set; 0x40 is no status line
        Assert.Equal((22, 19, 19, 5), (f.Num("unknown"), f.Num("read"), f.Num("minor1"), f.Num("fread")));
    }

    [Fact]
    public void The_hosts_printer_was_on_line_before_the_first_byte()
    {
        var f = AmixUae.Fields(Serial.Split('\n'), "printer");
        Assert.Equal(0x04, f.Num("status"));           // SEL, not BUSY, not POUT
    }
}

/// <summary>
/// drivers/AmixRamDisk on FS-UAE: requests through bdevsw[24]'s strategy completed by the driver's callout from the
/// emulated clock (CIA-A timer A), waited for with biowait (sleep/wakeup); the raw twin cdevsw[51] through uio. The ROM
/// checks every read against what it wrote; here each request's outcome and data hash are checked against the host's
/// own model of the disk (128 blocks of 512 bytes, zero at boot). ENXIO 6, ENOSPC 28.
/// </summary>
[Collection("amix-uae")]
public sealed class RamDiskOnFsUaeTests(AmixUaeFixture fx)
{
    private string Serial => fx.RamDisk.Value.Serial;

    private const int DiskBytes = 128 * 512;

    [Fact]
    public void A_filesystem_like_pattern_through_strategy_and_the_raw_device_reads_back_what_was_written()
    {
        var lines = AmixUae.Section(Serial, "ramdisk");
        var disk = new byte[DiskBytes];
        int bio = 0, raw = 0, strategies = 0;
        for (int k = 0; k < AmixUaeTables.Rd.Length; k++)
        {
            var s = AmixUaeTables.Rd[k];
            bool block = s.Op is 'r' or 'w';
            long off = block ? s.At * 512 : s.At;
            bool past = off >= DiskBytes;
            int moved = past ? 0 : (int)Math.Min(s.Count, DiskBytes - off);
            bool writing = s.Op is 'w' or 'W';
            if (writing) for (int i = 0; i < moved; i++) disk[off + i] = AmixUaeTables.Pattern(s.Seed, i);
            var f = AmixUae.Fields(lines, block ? "bio" : "raw", block ? bio++ : raw++);
            string what = $"request {k + 1} ({s})\n--- serial ---\n{Serial}";
            Assert.True(f.Num("differ") == 0, what);
            if (block)
            {
                strategies++;
                Assert.True(f.Num("error") == (past ? 6 : 0), what);
                Assert.True(f.Num("resid") == s.Count - moved, what);
                Assert.True(f.Num("queued") == (past ? 0 : 1), what);        // strategy only queues; the callout completes
                Assert.True(f.Hex("fnv") == AmixUaeTables.Fnv(disk.AsSpan((int)Math.Min(off, DiskBytes), moved)), what);
            }
            else
            {
                Assert.True(f.Num("rc") == (past && writing ? 28 : 0), what);
                Assert.True(f.Num("resid") == s.Count - moved, what);
            }
        }
        var sum = AmixUae.Fields(lines, "ramdisk");
        Assert.Equal(AmixUaeTables.Rd.Length, sum.Num("requests"));
        Assert.Equal(0, sum.Num("differ"));
        Assert.Equal(strategies, sum.Num("biodone"));
        Assert.Equal(strategies - 1, sum.Num("callout"));       // all but the one past the end, failed in strategy itself
        Assert.Equal(128, sum.Num("size"));
        Assert.Equal(6, sum.Num("open1"));
    }

    [Fact]
    public void Print_reports_through_cmn_err() =>
        Assert.Contains("cmn_err 1 rd0: a report through bdevsw's print", Serial);
}
