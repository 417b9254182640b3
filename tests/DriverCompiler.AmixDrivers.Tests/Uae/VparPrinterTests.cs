using System.Runtime.InteropServices;

namespace DriverCompiler.AmixDrivers.Tests.Uae;

/// <summary>
/// The host's printer speaks FS-UAE's side of the vpar protocol as src/od-fs/vpar.cpp (v3.1.66) does: this test plays
/// FS-UAE on the pseudo-terminal's slave with the messages vpar.cpp writes (INIT at open: <c>vpar_write_state(VPAR_INIT)</c>,
/// 0x40; each CIA-A PRB write: <c>vpar_write_state(VPAR_STROBE)</c>, 0x08 with the data; a REPLY, 0x10, after each command)
/// and reads what the printer answers, as vpar_read_state would parse it.
/// </summary>
public sealed class VparPrinterTests
{
    [Fact]
    public void The_printer_goes_on_line_at_init_acknowledges_each_strobe_and_not_the_jam_byte()
    {
        using var printer = new VparPrinter();
        int fd = open(printer.Path, 2 /* O_RDWR */ | 0x100 /* O_NOCTTY */);
        Assert.True(fd >= 0, $"open {printer.Path}");
        try
        {
            Send(fd, 0x40, 0x00);                                // INIT, every line low
            Assert.Equal([0x24, 0x00], Receive(fd, 2));          // 0x20 set lines absolutely: SEL only
            Send(fd, 0x14, 0x00);                                // FS-UAE's REPLY: not a strobe
            Send(fd, 0x0C, 0x0A);                                // STROBE with SEL, data 0x0A (a raw tty would turn it into CR LF)
            Assert.Equal([0x08, 0x00], Receive(fd, 2));          // /ACK
            Send(fd, 0x1C, 0x0A);                                // REPLY to the /ACK (pctl still has bit 3): not a strobe
            Send(fd, 0x0C, 0x41);                                // STROBE, 'A'
            Assert.Equal([0x08, 0x00], Receive(fd, 2));
            Send(fd, 0x0C, VparPrinter.Jam);                     // STROBE of the jam byte: no answer
            Assert.Empty(Receive(fd, 2, TimeSpan.FromMilliseconds(300)));
            // nothing else: with echo on, the printer would read its own /ACKs back as strobes of 0x00
            Assert.Equal([0x0A, 0x41, VparPrinter.Jam], printer.Printed);
            Assert.Equal(2, printer.Acks);
            Assert.Equal(1, printer.Inits);
        }
        finally { _ = close(fd); }
    }

    private static void Send(int fd, byte ctl, byte data) => Assert.Equal(2, (int)write(fd, [ctl, data], 2));

    private static byte[] Receive(int fd, int n, TimeSpan? wait = null)
    {
        var got = new List<byte>();
        var until = DateTime.UtcNow + (wait ?? TimeSpan.FromSeconds(5));
        var buf = new byte[16];
        while (got.Count < n && DateTime.UtcNow < until)
        {
            var fds = new[] { new PollFd { Fd = fd, Events = 1 } };
            if (poll(fds, 1, 50) > 0 && (fds[0].Revents & 1) != 0)
            {
                nint r = read(fd, buf, n - got.Count);
                for (int i = 0; i < r; i++) got.Add(buf[i]);
            }
        }
        return [.. got];
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd { public int Fd; public short Events; public short Revents; }

    [DllImport("libc", SetLastError = true)] private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
    [DllImport("libc", SetLastError = true)] private static extern nint read(int fd, byte[] buf, nint count);
    [DllImport("libc", SetLastError = true)] private static extern nint write(int fd, byte[] buf, nint count);
    [DllImport("libc", SetLastError = true)] private static extern int poll([In, Out] PollFd[] fds, nuint nfds, int timeout);
}

/// <summary>The ROM's tables.c: init_tbl[] and int2_tbl[] as the generated lines ask, with the kernel's own handler first.</summary>
public sealed class RomTablesTests
{
    [Fact]
    public void Generated_table_entries_join_the_kernels_own_in_one_definition_each()
    {
        // a driver with an [InterruptHandler], as templates/amix/driver/kernel.c.hbs writes its int2_tbl line
        const string withInterrupt = "extern void xxintr();\n/* The level-2 interrupt chain: add xxintr to int2_tbl[], in front of the terminating 0. */\n" +
                                     "void (*int2_tbl[])() = { /* ... the existing handlers ..., */ xxintr, 0 };\n";
        var c = Drivers.Tables(AmixUae.StockLevel2, Drivers.Read(Drivers.Par.Value, "patches/kernel.c.txt"), withInterrupt);
        Assert.Contains("void (*int2_tbl[])() = { aciaaintr, xxintr, 0 };", c);
        Assert.Contains("void (*init_tbl[])() = { parinit, 0 };", c);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(c, @"\(\*int2_tbl\[\]\)"));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(c, @"\(\*init_tbl\[\]\)"));
    }
}
