using System;

namespace DriverCompiler.Dsl
{
    /// <summary>
    /// The roles of an Amix 2.1c (SVR4.0) driver's entry points: the columns of <c>cdevsw[]</c>/<c>bdevsw[]</c> in
    /// <c>master.d/kernel.c</c>, the put and service procedures of a STREAMS driver's <c>qinit</c>s, and the two
    /// tables of functions the kernel calls without a device (<c>init_tbl[]</c>, <c>int2_tbl[]</c>). Each role has
    /// one SVR4 DDI/DKI signature (UNIX System V Release 4 DDI/DKI Reference Manual, section D2DK), which the
    /// compiler checks (DRV0320); the C name is the driver's prefix followed by the role's suffix
    /// (<c>paropen</c>, <c>parwrite</c>), as Ditto's paper and every stock driver name them.
    /// </summary>
    public enum AmixEntryPoint
    {
        /// <summary><c>int open(dev_t *devp, int oflag, int otyp, cred_t *crp)</c> (char and block; D2DK open).
        /// A STREAMS driver's: <c>int open(queue_t *q, dev_t *devp, int oflag, int sflag, cred_t *crp)</c>.</summary>
        Open = 1,
        /// <summary><c>int close(dev_t dev, int oflag, int otyp, cred_t *crp)</c> (D2DK close). A STREAMS driver's:
        /// <c>int close(queue_t *q, int oflag, cred_t *crp)</c>.</summary>
        Close = 2,
        /// <summary><c>int read(dev_t dev, struct uio *uiop, cred_t *crp)</c> (D2DK read).</summary>
        Read = 3,
        /// <summary><c>int write(dev_t dev, struct uio *uiop, cred_t *crp)</c> (D2DK write).</summary>
        Write = 4,
        /// <summary><c>int ioctl(dev_t dev, int cmd, int arg, int mode, cred_t *crp, int *rvalp)</c> (D2DK ioctl).</summary>
        Ioctl = 5,
        /// <summary><c>int mmap(dev_t dev, off_t off, int prot)</c>: the page frame number at <c>off</c>, or -1 (D2DK mmap).</summary>
        Mmap = 6,
        /// <summary><c>int chpoll(dev_t dev, short events, int anyyet, short *reventsp, struct pollhead **phpp)</c>
        /// (D2DK chpoll; the <c>d_poll</c> column, <c>parpoll</c> in Ditto's paper).</summary>
        Poll = 7,
        /// <summary><c>int strategy(struct buf *bp)</c>: queues a block request, finished by <c>biodone</c> (D2DK strategy).</summary>
        Strategy = 8,
        /// <summary><c>int print(dev_t dev, char *str)</c>: reports a problem with the device on the console (D2DK print).</summary>
        Print = 9,
        /// <summary><c>int size(dev_t dev)</c>: the partition's size in 512-byte blocks, -1 when unknown (D2DK size).</summary>
        Size = 10,
        /// <summary><c>void init()</c>: called once at boot from <c>init_tbl[]</c>, before any open (D2DK init).</summary>
        Init = 11,
        /// <summary>STREAMS write-side put procedure <c>int put(queue_t *q, mblk_t *mp)</c> (D2DK put).</summary>
        WritePut = 12,
        /// <summary>STREAMS write-side service procedure <c>int srv(queue_t *q)</c> (D2DK srv).</summary>
        WriteService = 13,
        /// <summary>STREAMS read-side put procedure <c>int put(queue_t *q, mblk_t *mp)</c> (D2DK put).</summary>
        ReadPut = 14,
        /// <summary>STREAMS read-side service procedure <c>int srv(queue_t *q)</c> (D2DK srv).</summary>
        ReadService = 15,
    }

    /// <summary>
    /// Marks a static method as an Amix driver entry point, e.g. <c>[AmixEntry(AmixEntryPoint.Write)]</c>. The driver
    /// must declare its kind (<see cref="AmixCharDriverAttribute"/>, <see cref="AmixBlockDriverAttribute"/> or
    /// <see cref="AmixStreamsDriverAttribute"/>); the method's C name is the prefix and the role (<c>parwrite</c>), it
    /// is never <c>static</c>, and its kernel table row names it. An <see cref="InterruptHandlerAttribute"/> method of
    /// such a driver is added to <c>int2_tbl[]</c> (<c>void intr()</c>, named prefix + <c>intr</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class AmixEntryAttribute : Attribute
    {
        /// <param name="role">Which entry point the method implements.</param>
        public AmixEntryAttribute(AmixEntryPoint role) { Role = role; }
        /// <summary>The entry point.</summary>
        public AmixEntryPoint Role { get; }
    }

    /// <summary>
    /// Declares an Amix character driver at <c>cdevsw[Major]</c> (Ditto's <c>par</c> is <c>cdevsw[21]</c>):
    /// <c>drvc build</c> renders the row with <c>nodev</c>/<c>notty</c>/<c>nostr</c>/<c>nullflag</c> in the columns the
    /// driver does not implement, the externs, the <c>init_tbl[]</c>/<c>int2_tbl[]</c> entries, the alien Makefile row
    /// and an INSTALL with the <c>mknod</c> lines (patches/ of the output). Columns (SVR4.0 <c>struct cdevsw</c>, as the
    /// stock <c>master.d/kernel.c</c> lays them out): open close read write ioctl mmap segmap poll xpoll xhalt ttys str flag.
    /// </summary>
    /// <remarks>A major a stock Amix 2.1c driver holds (cdevsw 0–41, 46, 50; the reserved rows 7, 38, 39, 44, 45)
    /// is DRV0321 unless <see cref="Replaces"/> names that stock driver; 70 and above are past the stock table.</remarks>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class AmixCharDriverAttribute : Attribute
    {
        /// <param name="major">The <c>cdevsw[]</c> index (character major number).</param>
        public AmixCharDriverAttribute(int major) { Major = major; }
        /// <summary>The character major number.</summary>
        public int Major { get; }
        /// <summary>The prefix of the entry points' C names (<c>par</c> → <c>paropen</c>); default: the driver's prefix.</summary>
        public string? Prefix { get; set; }
        /// <summary>The <c>d_flag</c> bits (sys/conf.h: <c>D_OLD</c> 1 for a pre-SVR4 interface); 0 is the stock <c>nullflag</c>.</summary>
        public int Flags { get; set; }
        /// <summary>The stock driver this one replaces at its major, by the name of the kernel.c row (<c>"par"</c>); a
        /// replacement is not a clash (DRV0321), and the INSTALL says which row and externs to take out.</summary>
        public string? Replaces { get; set; }
        /// <summary>The node under /dev the INSTALL's <c>mknod</c> creates (default: the driver's name).</summary>
        public string? Node { get; set; }
        /// <summary>Minor numbers 0..Minors-1 get a node each (<c>/dev/name</c>, then <c>/dev/name1</c>...).</summary>
        public int Minors { get; set; } = 1;
    }

    /// <summary>
    /// Declares an Amix block driver at <c>bdevsw[Major]</c>, with its raw character twin at <c>cdevsw[RawMajor]</c>
    /// (0: none). Columns of <c>struct bdevsw</c>: open close strategy print size xpoll xhalt flag; the raw row takes
    /// the driver's open, close, read, write and ioctl. Nodes: <c>/dev/dsk/name</c> (b) and <c>/dev/rdsk/name</c> (c).
    /// </summary>
    /// <remarks>Stock block majors: 16 fd, 17 hd, 18 dd (SCSI disk), 19 dummydisk, 20 ramdisk (DRV0321).</remarks>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class AmixBlockDriverAttribute : Attribute
    {
        /// <param name="major">The <c>bdevsw[]</c> index (block major number, below 32).</param>
        public AmixBlockDriverAttribute(int major) { Major = major; }
        /// <summary>The block major number.</summary>
        public int Major { get; }
        /// <summary>The character major of the raw twin; 0: no raw device.</summary>
        public int RawMajor { get; set; }
        /// <summary>The prefix of the entry points' C names; default: the driver's prefix.</summary>
        public string? Prefix { get; set; }
        /// <summary>The <c>d_flag</c> bits; 0 is the stock <c>nullflag</c>.</summary>
        public int Flags { get; set; }
        /// <summary>The stock block driver this one replaces at its major (<c>"ramdisk"</c>).</summary>
        public string? Replaces { get; set; }
        /// <summary>The node name under /dev/dsk and /dev/rdsk (default: the driver's name).</summary>
        public string? Node { get; set; }
        /// <summary>Minor numbers 0..Minors-1 get a node each.</summary>
        public int Minors { get; set; } = 1;
    }

    /// <summary>
    /// Declares an Amix STREAMS driver at <c>cdevsw[Major]</c>: the row's <c>d_str</c> points at the driver's
    /// <c>streamtab</c> (prefix + <c>info</c>), which <c>drvc build</c> emits with its read and write <c>qinit</c>s and
    /// <c>module_info</c> from the driver's <see cref="AmixEntryPoint.Open"/>, <see cref="AmixEntryPoint.Close"/>, put and
    /// service procedures; every other column is <c>nodev</c> (SVR4 STREAMS Programmer's Guide, "Driver Declarations").
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class AmixStreamsDriverAttribute : Attribute
    {
        /// <param name="major">The <c>cdevsw[]</c> index.</param>
        public AmixStreamsDriverAttribute(int major) { Major = major; }
        /// <summary>The character major number.</summary>
        public int Major { get; }
        /// <summary>The prefix of the entry points' C names and of the streamtab; default: the driver's prefix.</summary>
        public string? Prefix { get; set; }
        /// <summary>The <c>d_flag</c> bits; 0 is the stock <c>nullflag</c>.</summary>
        public int Flags { get; set; }
        /// <summary>The stock driver this one replaces at its major.</summary>
        public string? Replaces { get; set; }
        /// <summary>The node under /dev (default: the driver's name).</summary>
        public string? Node { get; set; }
        /// <summary>Minor numbers 0..Minors-1 get a node each.</summary>
        public int Minors { get; set; } = 1;
        /// <summary><c>module_info.mi_idnum</c>: the module id (default: the major).</summary>
        public int ModuleId { get; set; }
        /// <summary><c>module_info.mi_hiwat</c>: the queue's high-water mark in bytes.</summary>
        public int HighWater { get; set; } = 4096;
        /// <summary><c>module_info.mi_lowat</c>: the queue's low-water mark in bytes.</summary>
        public int LowWater { get; set; } = 1024;
        /// <summary><c>module_info.mi_maxpsz</c>: the largest message the stream head sends down (-1: any, INFPSZ).</summary>
        public int MaxPacket { get; set; } = -1;
    }
}
