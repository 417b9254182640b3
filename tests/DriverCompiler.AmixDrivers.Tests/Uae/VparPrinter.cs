using System.Runtime.InteropServices;
using System.Text;

namespace DriverCompiler.AmixDrivers.Tests.Uae;

/// <summary>
/// A Centronics printer on FS-UAE's emulated parallel port, on the host. FS-UAE 3.1.66 (src/od-fs/vpar.cpp) opens the
/// file named by <c>parallel_port = raw:&lt;path&gt;</c> and speaks its "vpar" protocol over it: two-byte messages
/// (control, data). From FS-UAE: 0x40 INIT (first message), 0x80 EXIT, 0x10 REPLY (the state after a command of ours),
/// 0x08 STROBE with the data byte (each write of CIA-A PRB), the low three bits BUSY, POUT, SEL. To FS-UAE: 0x20|lines
/// sets BUSY/POUT/SEL, 0x08 pulses /ACK (FS-UAE sets CIA-A's FLAG at its next horizontal line, src/cia.cpp
/// CIA_hsync_prehandler → vpar_update → cia_parallelack).
/// <para>
/// The path is a pseudo-terminal's slave in raw mode (no echo, no line editing, no CR/LF or XON/XOFF processing):
/// FS-UAE both reads and writes it, so a regular file or a FIFO would hand FS-UAE its own messages back. This printer
/// raises SEL (on line) when FS-UAE opens the port, records every strobed byte, and acknowledges each one, except
/// <see cref="Jam"/>: that byte it takes and never acknowledges, the lost /ACK a driver's watchdog must catch.
/// </para>
/// </summary>
public sealed class VparPrinter : IDisposable
{
    /// <summary>The byte the printer takes without acknowledging it.</summary>
    public const byte Jam = 0xFF;

    private const byte Sel = 0x04, Strobe = 0x08, Reply = 0x10, SetLines = 0x20, Init = 0x40, Exit = 0x80;
    private const byte AckCommand = 0x08;

    private readonly int master, slave;
    private readonly Thread reader;
    private volatile bool stopping;
    private readonly List<byte> printed = [];
    private readonly StringBuilder log = new();
    private int acks, inits, exits, replies;

    /// <summary>The slave's path, for <c>parallel_port = raw:&lt;path&gt;</c>.</summary>
    public string Path { get; }

    /// <summary>Opens a pseudo-terminal pair in raw mode and starts serving it.</summary>
    public VparPrinter()
    {
        master = posix_openpt(ORdwr | ONoctty);
        if (master < 0) throw new InvalidOperationException($"posix_openpt failed (errno {Marshal.GetLastPInvokeError()})");
        if (grantpt(master) != 0 || unlockpt(master) != 0) throw new InvalidOperationException("grantpt/unlockpt failed");
        var name = new byte[128];
        if (ptsname_r(master, name, name.Length) != 0) throw new InvalidOperationException("ptsname_r failed");
        Path = Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0));
        // held open by us too, so that the pair does not hang up before FS-UAE opens it or after it closes it
        slave = open(Path, ORdwr | ONoctty);
        if (slave < 0) throw new InvalidOperationException($"open {Path} failed (errno {Marshal.GetLastPInvokeError()})");
        var termios = new byte[256];     // struct termios is 60 bytes on glibc; cfmakeraw edits it in place
        if (tcgetattr(slave, termios) != 0) throw new InvalidOperationException("tcgetattr failed");
        cfmakeraw(termios);
        if (tcsetattr(slave, 0 /* TCSANOW */, termios) != 0) throw new InvalidOperationException("tcsetattr failed");
        reader = new Thread(Serve) { IsBackground = true, Name = "vpar printer" };
        reader.Start();
    }

    /// <summary>Every byte strobed into the printer, in order (the jammed ones included).</summary>
    public byte[] Printed { get { lock (printed) return [.. printed]; } }

    /// <summary>/ACK pulses sent.</summary>
    public int Acks => Volatile.Read(ref acks);

    /// <summary>INIT messages seen (FS-UAE opened the port).</summary>
    public int Inits => Volatile.Read(ref inits);

    /// <summary>EXIT messages seen (FS-UAE closed the port).</summary>
    public int Exits => Volatile.Read(ref exits);

    /// <summary>REPLY messages seen (FS-UAE's answers to our commands).</summary>
    public int Replies => Volatile.Read(ref replies);

    /// <summary>The message log (for failure reports): one line per message, "&lt; ctl data" from FS-UAE, "&gt;" to it.</summary>
    public string Log { get { lock (log) return log.ToString(); } }

    private void Serve()
    {
        var buf = new byte[4096];
        var pending = new List<byte>();
        var fds = new PollFd[1];
        while (!stopping)
        {
            fds[0] = new PollFd { Fd = master, Events = PollIn };
            int r = poll(fds, 1, 50);
            if (r <= 0 || (fds[0].Revents & PollIn) == 0) continue;
            nint n = read(master, buf, buf.Length);
            if (n <= 0) { Thread.Sleep(10); continue; }
            for (int i = 0; i < n; i++) pending.Add(buf[i]);
            int k = 0;
            for (; k + 1 < pending.Count; k += 2) Handle(pending[k], pending[k + 1]);
            pending.RemoveRange(0, k);
        }
    }

    private void Handle(byte ctl, byte data)
    {
        lock (log) log.Append("< ").Append(ctl.ToString("x2")).Append(' ').Append(data.ToString("x2")).Append('\n');
        if ((ctl & Init) != 0)
        {
            Interlocked.Increment(ref inits);
            Send(SetLines | Sel, 0);                       // on line, not busy, paper in
        }
        else if ((ctl & Exit) != 0) Interlocked.Increment(ref exits);
        else if ((ctl & Reply) != 0) Interlocked.Increment(ref replies);
        else if ((ctl & Strobe) != 0)
        {
            lock (printed) printed.Add(data);
            if (data != Jam)
            {
                Interlocked.Increment(ref acks);
                Send(AckCommand, 0);
            }
        }
    }

    private void Send(byte ctl, byte data)
    {
        lock (log) log.Append("> ").Append(ctl.ToString("x2")).Append(' ').Append(data.ToString("x2")).Append('\n');
        var msg = new[] { ctl, data };
        int off = 0;
        while (off < 2)
        {
            nint w = write(master, msg[off..], 2 - off);
            if (w <= 0) return;
            off += (int)w;
        }
    }

    /// <summary>Stops serving and closes both ends.</summary>
    public void Dispose()
    {
        stopping = true;
        reader.Join(2000);
        _ = close(slave);
        _ = close(master);
    }

    private const int ORdwr = 2, ONoctty = 0x100;
    private const short PollIn = 1;

    [StructLayout(LayoutKind.Sequential)]
    private struct PollFd { public int Fd; public short Events; public short Revents; }

    [DllImport("libc", SetLastError = true)] private static extern int posix_openpt(int flags);
    [DllImport("libc", SetLastError = true)] private static extern int grantpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int unlockpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int ptsname_r(int fd, byte[] buf, nint len);
    [DllImport("libc", SetLastError = true)] private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
    [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int tcgetattr(int fd, byte[] termios);
    [DllImport("libc", SetLastError = true)] private static extern void cfmakeraw(byte[] termios);
    [DllImport("libc", SetLastError = true)] private static extern int tcsetattr(int fd, int action, byte[] termios);
    [DllImport("libc", SetLastError = true)] private static extern nint read(int fd, byte[] buf, nint count);
    [DllImport("libc", SetLastError = true)] private static extern nint write(int fd, byte[] buf, nint count);
    [DllImport("libc", SetLastError = true)] private static extern int poll([In, Out] PollFd[] fds, nuint nfds, int timeout);
}
