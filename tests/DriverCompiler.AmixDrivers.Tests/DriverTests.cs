namespace DriverCompiler.AmixDrivers.Tests;

/// <summary>What drvc emits for drivers/AmixPar and drivers/AmixRamDisk, and that it compiles as the Amix kernel's C.</summary>
public class EmissionTests
{
    private static string ParKernelC => Drivers.Read(Drivers.Par.Value, "patches/kernel.c.txt");
    private static string RamKernelC => Drivers.Read(Drivers.RamDisk.Value, "patches/kernel.c.txt");

    /// <summary>
    /// The par row in the stock column order (kernel.c_1.2: open close read write ioctl mmap segmap poll xpoll xhalt ttys
    /// str flag), at the stock par's row 21: the stock row is "paropen,parclose,parread,parwrite,parioctl, ND,ND,parpoll,
    /// ND,ND,notty,nostr,nullflag"; this driver has no read (output only), so that column is nodev.
    /// </summary>
    [Fact]
    public void Par_takes_cdevsw_21_with_nodev_in_the_columns_it_does_not_implement()
    {
        var (rows, _) = Drivers.Split(ParKernelC);
        var row = Assert.Single(rows);
        Assert.Equal(("cdevsw", 21), (row.Table, row.Major));
        Assert.Equal("paropen, parclose, nodev, parwrite, parioctl,\n\t\tnodev, nodev, parpoll, nodev, nodev, notty, nostr, nullflag,\t/*21=amixpar*/", row.Row);
        Assert.Contains("extern int paropen(), parclose(), parwrite(), parioctl(), parpoll();", ParKernelC);
        Assert.Contains("extern void parinit();", ParKernelC);
        Assert.Contains("void (*init_tbl[])() = { /* ... the existing functions ..., */ parinit, 0 };", ParKernelC);
        // parintr is called by aciaaintr (the CIA-A dispatch, which owns the ICR), not from int2_tbl[]
        Assert.DoesNotContain("int2_tbl", ParKernelC);
        var install = Drivers.Read(Drivers.Par.Value, "patches/INSTALL");
        Assert.Contains("mknod /dev/par c 21 0", install);
        Assert.Contains("replaces the stock par driver", install);
    }

    /// <summary>bdevsw columns (kernel.c_1.2): open close strategy print size xpoll xhalt flag; the raw twin's cdevsw row takes
    /// the character entry points (the stock dd pair: bdevsw[18] ddopen, ddclose, ddstrategy, ddprint, ddsize and cdevsw[40]
    /// ddopen, ddclose, ddread, ddwrite, ddioctl).</summary>
    [Fact]
    public void The_ram_disk_takes_bdevsw_24_and_its_raw_twin_cdevsw_51()
    {
        var (rows, _) = Drivers.Split(RamKernelC);
        Assert.Equal(2, rows.Count);
        Assert.Contains(("bdevsw", 24, "rdopen, rdclose, rdstrategy, rdprint, rdsize, nodev, nodev, nullflag,\t/*24=amixrd*/"), rows);
        Assert.Contains(("cdevsw", 51, "rdopen, rdclose, rdread, rdwrite, nodev,\n\t\tnodev, nodev, nodev, nodev, nodev, notty, nostr, nullflag,\t/*51=amixrd*/"), rows);
        Assert.Contains("extern int rdopen(), rdclose(), rdread(), rdwrite(), rdstrategy(), rdprint(), rdsize();", RamKernelC);
        var install = Drivers.Read(Drivers.RamDisk.Value, "patches/INSTALL");
        Assert.Contains("mknod /dev/dsk/rd0 b 24 0", install);
        Assert.Contains("mknod /dev/rdsk/rd0 c 51 0", install);
    }

    /// <summary>
    /// The generated rows and externs, in tables like the stock kernel.c's, compile with the drivers against the binding
    /// headers: C89, pedantic, nothing from the host's headers, for the host and for the 68030. The tables are
    /// brace-elided row by row as the stock kernel.c writes them (C89 allows it), hence -Wno-missing-braces there.
    /// </summary>
    [Theory]
    [InlineData("gcc", "gcc", new string[0])]
    [InlineData("m68k-linux-gnu-gcc", "gcc-m68k-linux-gnu", new[] { "-m68030" })]
    public void The_rows_compile_with_the_drivers_as_c89_without_host_headers(string gcc, string package, string[] cpu)
    {
        string dir = RepoRoot.NewTempDir("amixrows");
        File.WriteAllText(Path.Combine(dir, "tables.c"), Drivers.Tables(ParKernelC, RamKernelC));
        string[] strict = [.. cpu, "-std=c89", "-pedantic", "-Wall", "-Wextra", "-Werror", "-nostdinc", "-I" + Drivers.Include];
        var t = Drivers.Run(gcc, package, [.. strict, "-Wno-missing-braces", "-c", "tables.c", "-o", "tables.o"], dir);
        Assert.True(t.Ok, t.Describe("tables.c"));
        foreach (var (d, c) in new[] { (Drivers.Par.Value, "par.c"), (Drivers.RamDisk.Value, "rd.c") })
        {
            var r = Drivers.Run(gcc, package, [.. strict, "-I" + d, "-c", Path.Combine(d, c), "-o", Path.ChangeExtension(c, ".o")], dir);
            Assert.True(r.Ok, r.Describe(c));
        }
    }
}

/// <summary>
/// The drivers at work under qemu-m68k, called only through the cdevsw/bdevsw rows drvc generated, against a model of
/// the kernel (one process, callouts on a tick clock, sleep/wakeup with signals, level-2 interrupts at spl &lt; 2), the
/// CIAs and a printer (Harness/amix_model.c). FS-UAE is not used here: the printer side is modelled, as the issue
/// allows, and the model also counts any read of CIA-A's ICR by the driver.
/// </summary>
public class SimulationTests
{
    private static string Run(string scenario)
    {
        var r = Drivers.Run("qemu-m68k", "qemu-user", [Drivers.Simulator.Value, scenario], Path.GetDirectoryName(Drivers.Simulator.Value)!, 120);
        Assert.True(r.Ok, r.Describe("amix_model " + scenario));
        Assert.Contains(scenario + ": 0 failures", r.Stdout);
        return r.Stdout;
    }

    [Fact]
    public void Every_byte_written_reaches_the_printer_in_order() =>
        Assert.Contains("printed 100 of 100, first difference at -1", Run("order"));

    /// <summary>3000 bytes through a 512-byte ring with a high-water mark of 400: the writer sleeps and is woken by the /ACKs.</summary>
    [Fact]
    public void A_write_larger_than_the_buffer_sleeps_and_arrives_whole()
    {
        var o = Run("large");
        Assert.Contains("printed 3000 of 3000, first difference at -1", o);
        Assert.Matches(@"write 3000 -> rc 0 resid 0 sleeps [1-9]", o);
    }

    /// <summary>No /ACK from a ready printer: EIO (5) after the 60 s watchdog (3600 ticks at HZ 60); resid = 1000 - 401,
    /// the bytes beyond the high-water mark (400 queued) and the one on the port.</summary>
    [Fact]
    public void A_lost_ack_ends_in_the_watchdogs_eio() =>
        Assert.Contains("write 1000 -> rc 5 resid 599 after 3600 ticks", Run("lostack"));

    /// <summary>A signal at tick 10 of a sleeping write: EINTR (4), resid counting the 599 bytes the driver did not take.</summary>
    [Fact]
    public void A_signal_during_a_write_gives_eintr_with_the_residual() =>
        Assert.Contains("write 1000 -> rc 4 resid 599 at tick 10", Run("signal"));

    [Fact]
    public void Poll_reports_pollout_when_idle_and_the_pollhead_when_full()
    {
        var o = Run("poll");
        Assert.Contains("idle poll -> rc 0 revents 0x4 php null", o);
        Assert.Contains("full poll -> rc 0 revents 0x0 php set", o);
    }

    [Fact]
    public void Ioctl_open_checks_and_the_nodev_read() => Run("ioctl");

    [Fact]
    public void The_ram_disk_serves_a_filesystem_like_pattern_through_strategy() =>
        Assert.Contains("ramdisk: 26 requests, 0 bytes differ, 26 biodone calls", Run("ramdisk"));
}

/// <summary>The drivers <c>drvc new --kind</c> starts compile as they are emitted, the STREAMS one with its streamtab.</summary>
public class ScaffoldTests
{
    [Theory]
    [InlineData("char")]
    [InlineData("block")]
    [InlineData("streams")]
    public void Each_kind_emits_c_that_compiles_for_the_68030_without_host_headers(string kind)
    {
        string dir = RepoRoot.NewTempDir("amixnew");
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.Equal(0, DriverCompiler.Cli.Drvc.Run(["new", "Kx", "--target", "amix", "--kind", kind, "--output", Path.Combine(dir, "Kx")], o, e));
        Assert.True(DriverCompiler.Cli.Drvc.Run(["build", Path.Combine(dir, "Kx"), "--out", Path.Combine(dir, "out")], o, e) == 0, e.ToString());
        string outDir = Path.Combine(dir, "out");
        var sources = Directory.GetFiles(outDir, "*.c").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        // Driver.cs is driver.c (one C file per C# file); the streamtab has its own
        Assert.Equal(kind == "streams" ? ["driver.c", "kx_streamtab.c"] : ["driver.c"], sources);
        foreach (var c in sources)
        {
            var r = Drivers.Run("m68k-linux-gnu-gcc", "gcc-m68k-linux-gnu",
                ["-m68030", "-std=c89", "-pedantic", "-Wall", "-Wextra", "-Werror", "-nostdinc", "-I.", "-I" + Drivers.Include, "-c", c!, "-o", Path.ChangeExtension(c!, ".o")], outDir);
            Assert.True(r.Ok, r.Describe(c!));
        }
        if (kind == "streams")
        {
            // the row points d_str at the streamtab the driver's C defines
            Assert.Contains("notty, &kxinfo, nullflag,", File.ReadAllText(Path.Combine(outDir, "patches", "kernel.c.txt")));
            Assert.Contains("struct streamtab kxinfo = { &kxrinit, &kxwinit, 0, 0 };", File.ReadAllText(Path.Combine(outDir, "kx_streamtab.c")));
            Assert.Contains("static struct qinit kxwinit = { kxwput, 0, 0, 0, 0, &kxminfo, 0 };", File.ReadAllText(Path.Combine(outDir, "kx_streamtab.c")));
        }
    }
}

/// <summary>Issue 10.2: a scalar typedef on a parameter or field is the C type, under the pointers, with its size checked.</summary>
public class ScalarTypedefTests
{
    private static (Proc.Result Result, string Header, string C) Build(string type)
    {
        string dir = RepoRoot.NewTempDir("amixtypedef");
        Directory.CreateDirectory(Path.Combine(dir, "src"));
        File.WriteAllText(Path.Combine(dir, "src", "Sz.cs"), $$"""
            using DriverCompiler.Dsl;
            [assembly: Driver("sz", DriverTarget.Amix)]
            public unsafe struct Req { [CType("off_t")] public int Offset; public uint Count; }
            public static unsafe class S
            {
                public static int Minor([CType("dev_t")] {{type}}* devp, Req* r) => (int)(*devp & 7) + r->Offset;
            }
            """);
        var o = new StringWriter();
        var e = new StringWriter();
        Assert.True(DriverCompiler.Cli.Drvc.Run(["build", Path.Combine(dir, "src"), "--out", Path.Combine(dir, "out")], o, e) == 0, e.ToString());
        string outDir = Path.Combine(dir, "out");
        var r = Drivers.Run("m68k-linux-gnu-gcc", "gcc-m68k-linux-gnu",
            ["-m68030", "-std=c89", "-pedantic", "-Wall", "-Wextra", "-Werror", "-nostdinc", "-I.", "-I" + Drivers.Include, "-c", "sz.c", "-o", "sz.o"], outDir);
        return (r, File.ReadAllText(Path.Combine(outDir, "sz.h")), File.ReadAllText(Path.Combine(outDir, "sz.c")));
    }

    [Fact]
    public void Dev_t_and_off_t_are_the_c_types_and_their_sizes_are_checked()
    {
        var (r, h, c) = Build("uint");
        Assert.True(r.Ok, r.Describe("sz.c"));
        Assert.Contains("dev_t *devp;", c);            // K&R parameter declaration
        Assert.Contains("off_t offset;", h);           // the struct's field
        Assert.Contains("DRV_LAYOUT_CHECK(mirror_dev_t_sizeof, sizeof(dev_t) == 4);", h);
        Assert.Contains("DRV_LAYOUT_CHECK(mirror_off_t_sizeof, sizeof(off_t) == 4);", h);
    }

    /// <summary>dev_t is 4 bytes on Amix (sys/types.h: ulong): a ushort standing for it fails the C build at the check.</summary>
    [Fact]
    public void A_c_sharp_integer_of_another_size_fails_the_c_build_at_the_check()
    {
        var (r, h, _) = Build("ushort");
        Assert.Contains("DRV_LAYOUT_CHECK(mirror_dev_t_sizeof, sizeof(dev_t) == 2);", h);
        Assert.False(r.Ok);
        Assert.Contains("drv_check_mirror_dev_t_sizeof", r.Stderr);
    }
}
