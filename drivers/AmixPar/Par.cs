using Amix;
using DriverCompiler.Dsl;

// The parallel port driver of Mike Ditto's "Writing Amix Device Drivers" (1990), written in the DSL: output only,
// Centronics handshake on the Amiga's 8520 CIAs, interrupt-driven with a watchdog. It takes the stock par row,
// cdevsw[21], and the stock names (paropen ... parintr), so the kernel's level-2 dispatch calls this parintr.
[assembly: Driver("amixpar", DriverTarget.Amix, Prefix = "par", Version = 1)]
[assembly: CSourceFile("par.c")]
[assembly: AmixCharDriver(21, Replaces = "par", Node = "par")]

namespace AmixPar;

/// <summary>
/// The output queue: a ring of <see cref="Par.QueueSize"/> bytes between the writer and the interrupt.
/// Its address is also the sleep channel of writers and closers (Ditto's <c>&amp;par_outq</c>).
/// </summary>
public unsafe struct OutQueue
{
    /// <summary>The bytes.</summary>
    public fixed byte Data[512];
    /// <summary>Index of the next byte to send.</summary>
    public int Head;
    /// <summary>Bytes queued.</summary>
    public int Count;
}

/// <summary>
/// <c>/dev/par</c>: a write queues bytes and sleeps while the queue is above its high-water mark; the first byte goes
/// to the port at once, every /ACK (the CIA-A FLAG interrupt, dispatched by the kernel's aciaaintr) sends the next one.
/// A watchdog callout reports a printer that is ready but never acknowledges as EIO; a signal ends a waiting write
/// with EINTR, and uio_resid counts exactly the bytes the driver did not take.
/// </summary>
public static unsafe class Par
{
    /// <summary>Size of the output ring.</summary>
    public const int QueueSize = 512;
    /// <summary>A writer sleeps while more than this many bytes are queued (Ditto: PAR_HIWAT).</summary>
    public const int HighWater = 400;
    /// <summary>Sleeping writers are woken when the queue drains to this (Ditto: PAR_LOWAT).</summary>
    public const int LowWater = 100;
    /// <summary>Sleep priority: above PZERO, so a signal can end the sleep (Ditto: PAROPRI).</summary>
    public const int SleepPriority = Param.PZERO + 4;
    /// <summary>Ticks without an /ACK from a ready printer before the write fails with EIO (Ditto: 60 s).</summary>
    [BuildOption] public const int AckTimeout = Param.HZ * 60;
    /// <summary>Ticks between two looks at a printer that is not ready (Ditto: TRYAGAIN, 1 s).</summary>
    [BuildOption] public const int RetryTicks = Param.HZ;

    /// <summary>ioctl: the status lines that decide "ready" (PC_BUSY | PC_POUT | PC_SEL) are returned in *rvalp.</summary>
    [CExport("PIOCGETCTL")] public const int GetControl = ('p' << 8) | 1;
    /// <summary>ioctl: arg selects the status lines that decide "ready"; a 0 bit ignores that line.</summary>
    [CExport("PIOCSETCTL")] public const int SetControl = ('p' << 8) | 2;
    /// <summary>The BUSY line, for PIOCSETCTL.</summary>
    [CExport("PC_BUSY")] public const int ControlBusy = Hw.Busy;
    /// <summary>The POUT line, for PIOCSETCTL.</summary>
    [CExport("PC_POUT")] public const int ControlPOut = Hw.POut;
    /// <summary>The SEL line, for PIOCSETCTL.</summary>
    [CExport("PC_SEL")] public const int ControlSel = Hw.Sel;

    // flags (Ditto's parflags)
    private const int Output = 0x02;       // open for output
    private const int OutSleep = 0x08;     // a writer sleeps for room
    private const int Flushing = 0x10;     // close sleeps until the queue is empty
    private const int OutPending = 0x20;   // a byte is on the port, its /ACK is awaited
    private const int OutError = 0x80;     // the watchdog fired: the next write or close fails with EIO

    private static Cia* CiaA = (Cia*)Hw.CiaABase;
    private static Cia* CiaB = (Cia*)Hw.CiaBBase;
    private static Custom* Chips = (Custom*)Hw.CustomBase;

    private static volatile int flags;
    private static int controlBits = Hw.StatusLines;
    private static OutQueue queue;
    private static PollHead pollHead;
    private static int timeoutId;
    private static byte current;

    /// <summary>Boot: the port quiet until the first open (status lines and data in, no FLAG interrupt).</summary>
    [AmixEntry(AmixEntryPoint.Init)]
    public static void Init()
    {
        CiaB->Ddra = (byte)(CiaB->Ddra & ~Hw.StatusLines);
        CiaA->Ddrb = 0;
        CiaA->Icr = Hw.IcrFlag;
    }

    /// <summary>open(2): minor 0 only, write only; the first open drives the data lines and enables the /ACK interrupt.</summary>
    [AmixEntry(AmixEntryPoint.Open)]
    public static int Open([CType(Types.dev_t)] uint* devp, int oflag, int otyp, Cred* crp)
    {
        if (Ddi.GetMinor(*devp) > 0) return Errno.ENODEV;
        if ((oflag & FileMode.FREAD) != 0) return Errno.EIO;
        if ((flags & Output) == 0)
        {
            int s = Spl.Spl2();
            CiaB->Ddra = (byte)(CiaB->Ddra & ~Hw.StatusLines);
            CiaA->Ddrb = 0xFF;
            CiaA->Icr = Hw.IcrSet | Hw.IcrFlag;
            Chips->Intena = Hw.IntenaSet | Hw.IntPorts;
            flags = Output;
            Spl.Splx(s);
        }
        return 0;
    }

    /// <summary>close(2), last close: waits until every queued byte is sent; a signal drops what is left.</summary>
    [AmixEntry(AmixEntryPoint.Close)]
    public static int Close([CType(Types.dev_t)] uint dev, int oflag, int otyp, Cred* crp)
    {
        int s = Spl.Spl2();
        while ((flags & OutPending) != 0 && (flags & OutError) == 0)
        {
            flags |= Flushing;
            if (Kernel.Sleep((byte*)Addr.Of(ref queue), SleepPriority | Param.PCATCH) != 0)
            {
                Drop();
                break;
            }
        }
        flags = 0;
        Spl.Splx(s);
        CiaB->Ddra = (byte)(CiaB->Ddra & ~Hw.StatusLines);
        CiaA->Ddrb = 0;
        CiaA->Icr = Hw.IcrFlag;
        return 0;
    }

    /// <summary>
    /// write(2): takes bytes while the queue has room, sleeping above the high-water mark. EIO when the watchdog
    /// fired; EINTR when a signal ends a sleep, with uio_resid counting the bytes not taken.
    /// </summary>
    [AmixEntry(AmixEntryPoint.Write)]
    public static int Write([CType(Types.dev_t)] uint dev, UioT* uiop, Cred* crp)
    {
        int error = 0;
        int s = Spl.Spl2();
        while (uiop->uio_resid > 0)
        {
            while ((flags & OutError) == 0 && queue.Count >= HighWater)
            {
                flags |= OutSleep;
                if (Kernel.Sleep((byte*)Addr.Of(ref queue), SleepPriority | Param.PCATCH) != 0)
                {
                    error = Errno.EINTR;
                    break;
                }
            }
            if (error != 0) break;
            if ((flags & OutError) != 0)
            {
                flags &= ~OutError;
                error = Errno.EIO;
                break;
            }
            int c = Uio.UWriteC(uiop);
            if (c < 0)
            {
                error = Errno.EFAULT;
                break;
            }
            if ((flags & OutPending) == 0) Start((byte)c);
            else Put((byte)c);
        }
        Spl.Splx(s);
        return error;
    }

    /// <summary>ioctl(2): PIOCGETCTL and PIOCSETCTL; anything else is EINVAL.</summary>
    [AmixEntry(AmixEntryPoint.Ioctl)]
    public static int Ioctl([CType(Types.dev_t)] uint dev, int cmd, int arg, int mode, Cred* crp, int* rvalp)
    {
        if (cmd == GetControl) *rvalp = controlBits;
        else if (cmd == SetControl) controlBits = arg & Hw.StatusLines;
        else return Errno.EINVAL;
        return 0;
    }

    /// <summary>poll(2): POLLOUT while the queue is below its high-water mark or an error waits to be reported.</summary>
    [AmixEntry(AmixEntryPoint.Poll)]
    public static int Poll([CType(Types.dev_t)] uint dev, short events, int anyyet, short* reventsp, PollHead** phpp)
    {
        int s = Spl.Spl2();
        short revents = 0;
        if ((flags & OutError) != 0 || queue.Count < HighWater) revents = (short)(events & (Amix.Poll.POLLOUT | Amix.Poll.POLLWRBAND));
        *reventsp = revents;
        if (revents == 0 && anyyet == 0) *phpp = Addr.Of(ref pollHead);
        Spl.Splx(s);
        return 0;
    }

    /// <summary>
    /// The /ACK: called by the kernel's level-2 dispatch (aciaaintr reads and clears CIA-A's ICR, then calls parintr
    /// when FLAG was set), so it never reads the ICR itself. Sends the next byte, wakes writers at the low-water mark
    /// and the closer when the queue is empty.
    /// </summary>
    [CExport("parintr")]
    public static void Interrupt()
    {
        if ((flags & OutPending) == 0) return;
        Kernel.Untimeout(timeoutId);
        if (queue.Count > 0) Start(Take());
        else flags &= ~OutPending;
        if (queue.Count <= LowWater)
        {
            WakeWaiters();
            Kernel.PollWakeup(Addr.Of(ref pollHead), Amix.Poll.POLLOUT);
        }
    }

    private static void WakeWaiters()
    {
        if ((flags & OutSleep) != 0 || ((flags & Flushing) != 0 && queue.Count == 0))
        {
            flags &= ~(OutSleep | Flushing);
            Kernel.Wakeup((byte*)Addr.Of(ref queue));
        }
    }

    /// <summary>Puts <paramref name="c"/> on the port if the printer is ready, else looks again in <see cref="RetryTicks"/>;
    /// arms the watchdog for its /ACK.</summary>
    private static void Start(byte c)
    {
        current = c;
        flags |= OutPending;
        if (((CiaB->Pra ^ Hw.Sel) & controlBits) != 0)
            timeoutId = Kernel.Timeout(&Retry, null, RetryTicks);
        else
        {
            CiaA->Prb = c;
            timeoutId = Kernel.Timeout(&Watchdog, null, AckTimeout);
        }
    }

    private static void Retry(byte* unused) => Start(current);

    /// <summary>No /ACK within <see cref="AckTimeout"/>: a printer that says it is ready has lost the byte (EIO for the
    /// writer, the queue dropped); one that is not ready is looked at again.</summary>
    private static void Watchdog(byte* unused)
    {
        if (((CiaB->Pra ^ Hw.Sel) & controlBits) != 0)
        {
            Start(current);
            return;
        }
        Drop();
        flags |= OutError;
        if ((flags & (OutSleep | Flushing)) != 0)
        {
            flags &= ~(OutSleep | Flushing);
            Kernel.Wakeup((byte*)Addr.Of(ref queue));
        }
        Kernel.PollWakeup(Addr.Of(ref pollHead), Amix.Poll.POLLOUT);
    }

    /// <summary>Forgets the queued bytes and the one on the port, and the callout waiting for it.</summary>
    private static void Drop()
    {
        if ((flags & OutPending) != 0) Kernel.Untimeout(timeoutId);
        flags &= ~OutPending;
        queue.Count = 0;
        queue.Head = 0;
    }

    private static void Put(byte c)
    {
        queue.Data[(queue.Head + queue.Count) % QueueSize] = c;
        queue.Count++;
    }

    private static byte Take()
    {
        byte c = queue.Data[queue.Head];
        queue.Head = (queue.Head + 1) % QueueSize;
        queue.Count--;
        return c;
    }
}
