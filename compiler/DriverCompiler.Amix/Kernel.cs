// Bindings of the Amix 2.1c kernel (Commodore's SVR4.0 for the 68030) that drivers call: the SVR4 DDI/DKI
// services and the Amix-specific ones (sptalloc, autocon, the sd.c glue). Functions the kernel's headers
// do not declare are declared K&R-style by drv/amix_kernel.h, as the stock drivers (dd.c, sd.c) declare
// them locally; the return types matter on the 68030 (pointers and integers come back in different
// registers). Sources: UNIX System V Release 4 Device Driver Interface/Driver-Kernel Interface Reference
// Manual (section D3DK, cited per call), Amix facts (shared/facts/a4091-amix-scripts.md §1.3, from the
// stock sd.c/dd.c and the kernel's binary), Mike Ditto's Amix driver paper for the autoconfig calls.
// The .NET bodies only exist so the C# compiles; they never run.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace Amix;

/// <summary>
/// Kernel services: memory mapping (sptalloc, sptfree, vtop), sleep/wakeup, callouts (timeout, untimeout), moving data
/// between user and kernel space (copyin, copyout, uiomove, ureadc, uwritec), polling (pollwakeup), the cdevsw fillers
/// (nodev, nulldev) and the autoconfig lookup. Declared by drv/amix_kernel.h. The other fillers of the switch tables are
/// master.d/kernel.c's own: <c>notty</c> (<c>(struct tty *)0</c>, d_ttys), <c>nostr</c> (<c>(struct streamtab *)0</c>, d_str)
/// and <c>nullflag</c> (<c>static int nullflag[1] = {0}</c>, d_flag); the driver model (<c>[AmixCharDriver]</c>...) writes them
/// into the rows it generates, nothing calls them.
/// </summary>
[CHeader("drv/amix_kernel.h")]
public static unsafe class Kernel
{
    /// <summary>
    /// <c>caddr_t sptalloc(size, mode, base, flag)</c>: maps <paramref name="pages"/> pages of physical page frames from
    /// <paramref name="pfn"/> into kernel virtual space, or with <paramref name="pfn"/> 0 allocates that many pages of RAM;
    /// returns the page-aligned kernel virtual address, null when out of space. Amix ignores the mode; flag bit 0 is
    /// NOSLEEP (facts §1.3).
    /// </summary>
    [CBinding("sptalloc")] public static byte* SptAlloc(int pages, int mode, uint pfn, int flag) => null;
    /// <summary><c>sptfree(va, npages, freeflag)</c>: unmaps what <see cref="SptAlloc"/> mapped (freeflag 1 also frees
    /// allocated RAM) (facts §1.3).</summary>
    [CBinding("sptfree")] public static void SptFree(byte* va, int pages, int freeFlag) { }
    /// <summary><c>paddr_t vtop(vaddr, proc)</c>: the physical address of a kernel (proc == 0) virtual address (SVR4 D3DK vtop).</summary>
    [CBinding("vtop")] public static uint Vtop(byte* va, void* proc) => 0;
    /// <summary>
    /// <c>int timeout(fn, arg, ticks)</c>: calls <c>fn(arg)</c> from the clock interrupt (CIA-A timer A, a level-2
    /// interrupt, HZ 60) after <paramref name="ticks"/> ticks; returns an id for <see cref="Untimeout"/> (SVR4 D3DK
    /// timeout). Callouts run at the clock's level (facts §2.3), so a running callout proves level-2 interrupts are taken.
    /// </summary>
    [CBinding("timeout")] public static int Timeout(delegate*<byte*, void> fn, byte* arg, int ticks) => 0;
    /// <summary><c>untimeout(id)</c>: cancels a callout <see cref="Timeout"/> armed that has not run yet (SVR4 D3DK untimeout).</summary>
    [CBinding("untimeout")] public static void Untimeout(int id) { }
    /// <summary><c>int sleep(chan, pri)</c>: sleeps on the address <paramref name="chan"/> until <see cref="Wakeup"/>;
    /// with <see cref="Param.PCATCH"/> in <paramref name="pri"/> a signal ends the sleep and it returns 1, else 0
    /// (SVR4 D3DK sleep). Priorities above <see cref="Param.PZERO"/> are interruptible by signals.</summary>
    [CBinding("sleep")] public static int Sleep(byte* chan, int pri) => 0;
    /// <summary><c>wakeup(chan)</c>: wakes every process sleeping on <paramref name="chan"/> (SVR4 D3DK wakeup).</summary>
    [CBinding("wakeup")] public static void Wakeup(byte* chan) { }
    /// <summary><c>int copyin(from, to, count)</c>: copies from user space; -1 on a bad user address (SVR4 D3DK copyin).</summary>
    [CBinding("copyin")] public static int CopyIn(byte* userSource, byte* kernelDest, uint count) => 0;
    /// <summary><c>int copyout(from, to, count)</c>: copies to user space; -1 on a bad user address (SVR4 D3DK copyout).</summary>
    [CBinding("copyout")] public static int CopyOut(byte* kernelSource, byte* userDest, uint count) => 0;
    /// <summary><c>bcopy(from, to, count)</c>: copies kernel memory (SVR4 D3DK bcopy).</summary>
    [CBinding("bcopy")] public static void BCopy(byte* from, byte* to, uint count) { }
    /// <summary><c>pollwakeup(php, event)</c>: tells poll(2) sleepers on <paramref name="php"/> that
    /// <paramref name="events"/> (<see cref="Poll"/>) happened (SVR4 D3DK pollwakeup).</summary>
    [CBinding("pollwakeup")] public static void PollWakeup(PollHead* php, short events) { }
    /// <summary><c>int nodev()</c>: the cdevsw/bdevsw filler for an entry point a driver lacks; fails with ENODEV (SVR4 D3DK nodev).</summary>
    [CBinding("nodev")] public static int NoDev() => 0;
    /// <summary><c>int nulldev()</c>: the filler for an entry point that does nothing and succeeds (SVR4 D3DK nulldev).</summary>
    [CBinding("nulldev")] public static int NullDev() => 0;
    /// <summary>
    /// <c>int autocon(pc, index, &amp;base, &amp;size)</c>: the Amix AutoConfig lookup: the <paramref name="index"/>-th
    /// Zorro board whose (manufacturer &lt;&lt; 16 | product) is <paramref name="pc"/>; 1 with its base and size, 0 when
    /// there is none (facts §1.3, sd.c init(); Ditto).
    /// </summary>
    [CBinding("autocon")] public static int AutoCon(uint pc, int index, byte** baseAddress, uint* size) => 0;
    /// <summary><c>char *sdcardbase(card)</c> (added to sd.c by the kernel patch): the AutoConfig base sd.c's init() found for a card, or 0.</summary>
    [CBinding("sdcardbase")] public static byte* SdCardBase(uint card) => null;
}

/// <summary>Page mapping names (sys/immu.h).</summary>
[CHeader("sys/immu.h", Local = true)]
public static class Immu
{
    /// <summary>Page-valid PTE bit. Amix's sptalloc ignores its mode argument; dd.c's siblings pass PG_V.</summary>
    [CConstant("PG_V")] public const int PG_V = 1;
    /// <summary>Bytes per page (NBPP: 2 KB on the 68030); sptalloc hands out whole, page-aligned pages.</summary>
    [CConstant("NBPP")] public const uint NBPP = 2048;
    /// <summary><c>phystopfn(pa)</c>: the page frame number of a physical address (2 KB pages on the 68030).</summary>
    [CBinding("phystopfn")] public static uint PhysToPfn(uint pa) => pa >> 11;
}

/// <summary>Sleep priorities and the clock rate (sys/param.h; SVR4 D3DK sleep).</summary>
[CHeader("sys/param.h", Local = true)]
public static class Param
{
    /// <summary>Sleeps at a priority above PZERO are broken by signals.</summary>
    [CConstant("PZERO")] public const int PZERO = 25;
    /// <summary>Or'ed into sleep's priority: return 1 on a signal instead of longjmp'ing out of the system call.</summary>
    [CConstant("PCATCH")] public const int PCATCH = 0x100;
    [CConstant("PRIBIO")] public const int PRIBIO = 20;
    [CConstant("PWAIT")] public const int PWAIT = 30;
    [CConstant("PSLEP")] public const int PSLEP = 39;
    /// <summary>Clock ticks per second (Amix: 60, CIA-A timer A; facts §2.3).</summary>
    [CConstant("HZ")] public const int HZ = 60;
}

/// <summary>Interrupt priority levels (sys/inline.h). On Amix spl5..spl7 and splhi are macros for IPL 4
/// (FAST_INTERRUPTS, facts §1.3); each returns the previous level for <see cref="Splx"/>.</summary>
[CHeader("sys/inline.h", Local = true)]
public static class Spl
{
    [CBinding("spl0")] public static int Spl0() => 0;
    [CBinding("spl1")] public static int Spl1() => 0;
    /// <summary>IPL 2: masks the level-2 chain (the clock, CIA-A, the SCSI cards); sd.h's sdspl.</summary>
    [CBinding("spl2")] public static int Spl2() => 0;
    [CBinding("spl3")] public static int Spl3() => 0;
    [CBinding("spl4")] public static int Spl4() => 0;
    [CBinding("spl5")] public static int Spl5() => 0;
    [CBinding("spl6")] public static int Spl6() => 0;
    [CBinding("spl7")] public static int Spl7() => 0;
    [CBinding("splhi")] public static int SplHi() => 0;
    /// <summary><c>splx(s)</c>: back to the level an spl call returned (SVR4 D3DK spl).</summary>
    [CBinding("splx")] public static void Splx(int s) { }
}

/// <summary>Device numbers (sys/ddi.h: the DDI function forms; SVR4 D3DK getmajor, getminor, makedevice).</summary>
[CHeader("sys/ddi.h", Local = true)]
public static class Ddi
{
    [CBinding("getmajor")] public static uint GetMajor(uint dev) => 0;
    [CBinding("getminor")] public static uint GetMinor(uint dev) => 0;
    [CBinding("makedevice")] public static uint MakeDevice(uint major, uint minor) => 0;
}

/// <summary>Error numbers a driver returns (sys/errno.h, SVR4 values).</summary>
[CHeader("sys/errno.h", Local = true)]
public static class Errno
{
    [CConstant("EPERM")] public const int EPERM = 1;
    [CConstant("ENOENT")] public const int ENOENT = 2;
    [CConstant("EINTR")] public const int EINTR = 4;
    [CConstant("EIO")] public const int EIO = 5;
    [CConstant("ENXIO")] public const int ENXIO = 6;
    [CConstant("EAGAIN")] public const int EAGAIN = 11;
    [CConstant("ENOMEM")] public const int ENOMEM = 12;
    [CConstant("EACCES")] public const int EACCES = 13;
    [CConstant("EFAULT")] public const int EFAULT = 14;
    [CConstant("EBUSY")] public const int EBUSY = 16;
    [CConstant("ENODEV")] public const int ENODEV = 19;
    [CConstant("EINVAL")] public const int EINVAL = 22;
    [CConstant("ENOTTY")] public const int ENOTTY = 25;
    [CConstant("ENOSPC")] public const int ENOSPC = 28;
    [CConstant("EROFS")] public const int EROFS = 30;
    [CConstant("ENOSYS")] public const int ENOSYS = 89;
}

/// <summary>poll(2) events (sys/poll.h, SVR4 values) for <see cref="Kernel.PollWakeup"/> and a chpoll entry point.</summary>
[CHeader("sys/poll.h", Local = true)]
public static class Poll
{
    [CConstant("POLLIN")] public const short POLLIN = 0x0001;
    [CConstant("POLLPRI")] public const short POLLPRI = 0x0002;
    [CConstant("POLLOUT")] public const short POLLOUT = 0x0004;
    [CConstant("POLLERR")] public const short POLLERR = 0x0008;
    [CConstant("POLLHUP")] public const short POLLHUP = 0x0010;
    [CConstant("POLLNVAL")] public const short POLLNVAL = 0x0020;
    [CConstant("POLLRDNORM")] public const short POLLRDNORM = 0x0040;
    [CConstant("POLLRDBAND")] public const short POLLRDBAND = 0x0080;
    [CConstant("POLLWRBAND")] public const short POLLWRBAND = 0x0100;
}

/// <summary>struct pollhead (sys/poll.h): the kernel's list of poll(2) sleepers on one device; only handled by pointer.</summary>
[CHeader("sys/poll.h", Local = true)]
[CType("struct pollhead")]
public struct PollHead { }

/// <summary>struct iovec (sys/uio.h), 8 bytes: one user buffer of a read/write.</summary>
[CHeader("sys/uio.h", Local = true)]
[CType("struct iovec", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct IoVec
{
    [CType(Types.caddr_t)] public byte* iov_base;
    public int iov_len;
}

/// <summary>struct uio (sys/uio.h), 24 bytes: a read or write request a character driver's read/write entry point
/// gets; <see cref="Uio.UioMove"/> moves data and updates uio_resid and uio_offset (SVR4 D4DK uio).</summary>
[CHeader("sys/uio.h", Local = true)]
[CType("struct uio", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct UioT
{
    public IoVec* uio_iov;
    public int uio_iovcnt;
    public int uio_offset;
    public short uio_segflg;
    public short uio_fmode;
    public int uio_limit;
    public int uio_resid;
}

/// <summary>uiomove and friends (sys/uio.h; SVR4 D3DK uiomove, ureadc, uwritec).</summary>
[CHeader("sys/uio.h", Local = true)]
public static unsafe class Uio
{
    /// <summary>enum uio_rw: the data goes to the user (a read).</summary>
    [CConstant("UIO_READ")] public const int UIO_READ = 0;
    /// <summary>enum uio_rw: the data comes from the user (a write).</summary>
    [CConstant("UIO_WRITE")] public const int UIO_WRITE = 1;
    [CConstant("UIO_USERSPACE")] public const short UIO_USERSPACE = 0;
    [CConstant("UIO_SYSSPACE")] public const short UIO_SYSSPACE = 1;
    /// <summary><c>int uiomove(addr, n, rw, uio)</c>: moves <paramref name="count"/> bytes between <paramref name="address"/>
    /// and the request's buffers; 0 or an errno.</summary>
    [CBinding("uiomove")] public static int UioMove(byte* address, int count, int rw, UioT* uio) => 0;
    /// <summary><c>int ureadc(c, uio)</c>: gives the reader one byte; 0 or an errno.</summary>
    [CBinding("ureadc")] public static int UReadC(int c, UioT* uio) => 0;
    /// <summary><c>int uwritec(uio)</c>: the writer's next byte, -1 when there is none or on a fault.</summary>
    [CBinding("uwritec")] public static int UWriteC(UioT* uio) => 0;
}

/// <summary>struct cred (sys/cred.h), 32 bytes: the credentials an open/ioctl entry point gets (SVR4 D4DK cred).</summary>
[CHeader("sys/cred.h", Local = true)]
[CType("struct cred", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Cred
{
    public ushort cr_ref;
    public ushort cr_ngroups;
    public int cr_uid;
    public int cr_gid;
    public int cr_ruid;
    public int cr_rgid;
    public int cr_suid;
    public int cr_sgid;
    public fixed int cr_groups[1];
}

/// <summary>The union in struct buf (sys/buf.h) that holds the transfer's kernel address; its C name is b_un.b_addr.</summary>
public unsafe struct BufUn
{
    /// <summary>The kernel virtual address of the data (<c>paddr(bp)</c>), a <c>caddr_t</c>.</summary>
    [CType(Types.caddr_t)] public byte* b_addr;
}

/// <summary>struct buf (sys/buf.h), 94 bytes on the 68030: a block I/O request a strategy routine gets (SVR4 D4DK buf;
/// member order of SVR4.0's sys/buf.h). Finish it with <see cref="Buf.BioDone"/>, b_error/B_ERROR set on failure.</summary>
[CHeader("sys/buf.h", Local = true)]
[CType("struct buf", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct BufT
{
    public uint b_flags;
    public BufT* b_forw;
    public BufT* b_back;
    public BufT* av_forw;
    public BufT* av_back;
    public short b_dev;
    public uint b_bcount;
    public BufUn b_un;
    public int b_blkno;
    public byte b_oerror;
    public byte b_res;
    public ushort b_cylin;
    public uint b_resid;
    public int b_sector;
    public int b_start;
    public void* b_proc;
    public void* b_pages;
    public int b_reltime;
    public int b_bufsize;
    public void* b_iodone;
    public void* b_vp;
    public BufT* b_chain;
    public int b_reqcnt;
    public int b_error;
    public uint b_edev;
    public byte* b_private;
}

/// <summary>Block I/O: the b_flags bits and the buffer calls (sys/buf.h; SVR4 D3DK biodone, biowait, brelse, geteblk).</summary>
[CHeader("sys/buf.h", Local = true)]
public static unsafe class Buf
{
    [CConstant("B_WRITE")] public const uint B_WRITE = 0x0000;
    [CConstant("B_READ")] public const uint B_READ = 0x0001;
    [CConstant("B_DONE")] public const uint B_DONE = 0x0002;
    [CConstant("B_ERROR")] public const uint B_ERROR = 0x0004;
    [CConstant("B_BUSY")] public const uint B_BUSY = 0x0008;
    [CConstant("B_PHYS")] public const uint B_PHYS = 0x0010;
    [CConstant("B_WANTED")] public const uint B_WANTED = 0x0040;
    [CConstant("B_ASYNC")] public const uint B_ASYNC = 0x0100;
    /// <summary><c>biodone(bp)</c>: the transfer is over (B_DONE; wakes biowait or calls b_iodone).</summary>
    [CBinding("biodone")] public static void BioDone(BufT* bp) { }
    /// <summary><c>int biowait(bp)</c>: waits for biodone; 0 or the transfer's errno.</summary>
    [CBinding("biowait")] public static int BioWait(BufT* bp) => 0;
    [CBinding("brelse")] public static void BRelse(BufT* bp) { }
    /// <summary><c>struct buf *geteblk()</c>: an empty buffer of the kernel's block size, for driver-made I/O.</summary>
    [CBinding("geteblk")] public static BufT* GetEBlk() => null;
}

/// <summary>Console messages (sys/cmn_err.h; SVR4 D3DK cmn_err): the levels and <c>cmn_err(level, fmt, ...)</c>.</summary>
[CHeader("sys/cmn_err.h", Local = true)]
public static class CmnErr
{
    [CConstant("CE_CONT")] public const int CE_CONT = 0;
    [CConstant("CE_NOTE")] public const int CE_NOTE = 1;
    [CConstant("CE_WARN")] public const int CE_WARN = 2;
    [CConstant("CE_PANIC")] public const int CE_PANIC = 3;
    [CBinding("cmn_err")] public static void Message(int level, string format, params uint[] args) { }
}

/// <summary>The Amix SCSI disk glue (sd.h): how many host adapters sd.c registers.</summary>
[CHeader("sd.h", Local = true)]
public static class Sd
{
    /// <summary>Host adapters sd.c can register.</summary>
    [CConstant("SDCARDS")] public const int SDCARDS = 2;
}

/// <summary>
/// <c>struct sdcom</c> (sd.h), 40 bytes: one SCSI command from dd.c. <see cref="Addr"/> is a physical address
/// (dd.c applies vtop). On completion the adapter sets <see cref="Status"/> (SCSI status byte, 0xff
/// when there is none) and <see cref="Okay"/> (transport success), then calls <see cref="Intr"/>.
/// dd.c treats okay with a non-zero status as "issue REQUEST SENSE and retry" (facts §1.3, Amix sd.h).
/// </summary>
[CHeader("sd.h", Local = true)]
[CType("struct sdcom", Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct SdCom
{
    public SdCom* Next;
    public byte Reading;
    public byte Okay;
    public byte Status;
    public fixed byte Cdb[12];
    public byte* Addr;
    public uint Nbyte;
    public uint Card;
    public uint Unit;
    public delegate*<SdCom*, void> Intr;
}

/// <summary>
/// The SVR4 scalar typedefs of sys/types.h, for <c>[CType(Types.dev_t)]</c> on a parameter or field of the C# integer of
/// the same size (the emitted header checks the size). Amix is ILP32: <c>long</c> and pointers are 4 bytes.
/// Source: SVR4 DDI/DKI Reference Manual, D4DK types, and the Amix 2.1c <c>sys/types.h</c>.
/// </summary>
[CHeader("sys/types.h", Local = true)]
public static class Types
{
    /// <summary><c>dev_t</c> (ulong, 4 bytes): an external device number, major &lt;&lt; 18 | minor on Amix; use on <c>uint</c>.
    /// Split it with <see cref="Ddi.GetMajor"/>/<see cref="Ddi.GetMinor"/>.</summary>
    public const string dev_t = "dev_t";
    /// <summary><c>caddr_t</c> (char *, 4 bytes): a kernel or user address; use on <c>byte*</c>.</summary>
    public const string caddr_t = "caddr_t";
    /// <summary><c>off_t</c> (long, 4 bytes): a byte offset in a file or device (uio_offset, mmap's off); use on <c>int</c>.</summary>
    public const string off_t = "off_t";
    /// <summary><c>daddr_t</c> (long, 4 bytes): a disk block number (b_blkno); use on <c>int</c>.</summary>
    public const string daddr_t = "daddr_t";
    /// <summary><c>paddr_t</c> (long, 4 bytes): a physical address (<see cref="Kernel.Vtop"/>); use on <c>int</c>.</summary>
    public const string paddr_t = "paddr_t";
    /// <summary><c>clock_t</c> (long, 4 bytes): clock ticks (HZ 60); use on <c>int</c>.</summary>
    public const string clock_t = "clock_t";
    /// <summary><c>major_t</c>, <c>minor_t</c> (ulong, 4 bytes): what getmajor/getminor return; use on <c>uint</c>.</summary>
    public const string major_t = "major_t", minor_t = "minor_t";
}

/// <summary>
/// <c>struct queue</c> (<c>queue_t</c>, sys/stream.h), 64 bytes: one side of a STREAMS module or driver instance, as the
/// put and service procedures get it (SVR4 D4DK queue; member order of SVR4.0's sys/stream.h). <c>q_ptr</c> is the
/// driver's per-stream data, which open sets on both queues of the pair.
/// </summary>
[CHeader("sys/stream.h", Local = true)]
[CType("queue_t", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Queue
{
    public void* q_qinfo;
    public Mblk* q_first;
    public Mblk* q_last;
    public Queue* q_next;
    public Queue* q_link;
    public byte* q_ptr;
    public uint q_count;
    public uint q_flag;
    public int q_minpsz;
    public int q_maxpsz;
    public uint q_hiwat;
    public uint q_lowat;
    public void* q_bandp;
    public byte q_nband;
    public fixed byte q_pad1[3];
    public fixed int q_pad2[2];
}

/// <summary><c>struct msgb</c> (<c>mblk_t</c>, sys/stream.h), 32 bytes: a message block; the data are
/// <c>b_rptr</c>..<c>b_wptr</c> of the data block <c>b_datap</c> (SVR4 D4DK msgb).</summary>
[CHeader("sys/stream.h", Local = true)]
[CType("mblk_t", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Mblk
{
    public Mblk* b_next;
    public Mblk* b_prev;
    public Mblk* b_cont;
    public byte* b_rptr;
    public byte* b_wptr;
    public DataB* b_datap;
    public byte b_band;
    public byte b_pad1;
    public ushort b_flag;
    public int b_pad2;
}

/// <summary><c>struct datab</c> (<c>dblk_t</c>, sys/stream.h), 28 bytes: the data block under one or more message blocks;
/// <c>db_type</c> is the message type (<see cref="Streams.M_DATA"/>...) (SVR4 D4DK datab). Member order of SVR4.0's
/// sys/stream.h (USL "head.sys:sys/stream.h 11.44.3.2", the definition without _STYPES): one byte of padding after
/// <c>db_iswhat</c> (no member), <c>db_filler</c> before <c>db_msgaddr</c>.</summary>
[CHeader("sys/stream.h", Local = true)]
[CType("dblk_t", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct DataB
{
    public void* db_f;
    public byte* db_base;
    public byte* db_lim;
    public byte db_ref;
    public byte db_type;
    public byte db_iswhat;
    public uint db_size;
    public int db_filler;
    public byte* db_msgaddr;
}

/// <summary>STREAMS utilities a driver calls (sys/stream.h; SVR4 D3DK allocb, freemsg, putq, getq, qreply, putnext,
/// flushq, qenable, canput) and the message types and flush flags (SVR4 D5DK messages).</summary>
[CHeader("sys/stream.h", Local = true)]
public static unsafe class Streams
{
    [CConstant("M_DATA")] public const byte M_DATA = 0x00;
    [CConstant("M_PROTO")] public const byte M_PROTO = 0x01;
    [CConstant("M_IOCTL")] public const byte M_IOCTL = 0x0e;
    [CConstant("M_IOCACK")] public const byte M_IOCACK = 0x81;
    [CConstant("M_IOCNAK")] public const byte M_IOCNAK = 0x82;
    [CConstant("M_FLUSH")] public const byte M_FLUSH = 0x86;
    [CConstant("M_ERROR")] public const byte M_ERROR = 0x8a;
    /// <summary>M_FLUSH's first byte: flush the read side, the write side, or both.</summary>
    [CConstant("FLUSHR")] public const byte FLUSHR = 0x01;
    [CConstant("FLUSHW")] public const byte FLUSHW = 0x02;
    [CConstant("FLUSHRW")] public const byte FLUSHRW = 0x03;
    /// <summary>flushq's flag: every message (FLUSHDATA: only data messages).</summary>
    [CConstant("FLUSHALL")] public const int FLUSHALL = 1;
    [CConstant("FLUSHDATA")] public const int FLUSHDATA = 0;
    /// <summary>allocb's priority hint.</summary>
    [CConstant("BPRI_LO")] public const int BPRI_LO = 1;
    [CConstant("BPRI_MED")] public const int BPRI_MED = 2;
    [CConstant("BPRI_HI")] public const int BPRI_HI = 3;
    /// <summary><c>mblk_t *allocb(int size, uint pri)</c>: a message with a data block of at least <paramref name="size"/> bytes, null when there is none.</summary>
    [CBinding("allocb")] public static Mblk* AllocB(int size, uint pri) => null;
    /// <summary><c>freemsg(mp)</c>: frees every block of a message.</summary>
    [CBinding("freemsg")] public static void FreeMsg(Mblk* mp) { }
    /// <summary><c>int putq(q, mp)</c>: queues a message for the service procedure (and schedules it).</summary>
    [CBinding("putq")] public static int PutQ(Queue* q, Mblk* mp) => 0;
    /// <summary><c>mblk_t *getq(q)</c>: the next queued message, null when the queue is empty.</summary>
    [CBinding("getq")] public static Mblk* GetQ(Queue* q) => null;
    /// <summary><c>qreply(q, mp)</c>: sends a message back up (or down) the other queue of the pair.</summary>
    [CBinding("qreply")] public static void QReply(Queue* q, Mblk* mp) { }
    /// <summary><c>putnext(q, mp)</c>: passes a message to the next queue's put procedure.</summary>
    [CBinding("putnext")] public static void PutNext(Queue* q, Mblk* mp) { }
    /// <summary><c>flushq(q, flag)</c>: frees the queue's messages (<see cref="FLUSHALL"/> or <see cref="FLUSHDATA"/>).</summary>
    [CBinding("flushq")] public static void FlushQ(Queue* q, int flag) { }
    /// <summary><c>qenable(q)</c>: schedules the queue's service procedure.</summary>
    [CBinding("qenable")] public static void QEnable(Queue* q) { }
    /// <summary><c>int canput(q)</c>: 0 when the queue is full (flow control).</summary>
    [CBinding("canput")] public static int CanPut(Queue* q) => 0;
    /// <summary><c>OTHERQ(q)</c>: the other queue of the pair (a macro).</summary>
    [CBinding("OTHERQ")] public static Queue* OtherQ(Queue* q) => null;
    /// <summary><c>WR(q)</c>: the write queue of a read queue (a macro).</summary>
    [CBinding("WR")] public static Queue* WR(Queue* q) => null;
    /// <summary><c>RD(q)</c>: the read queue of a write queue (a macro).</summary>
    [CBinding("RD")] public static Queue* RD(Queue* q) => null;
}

/// <summary>The open mode bits an open/close/ioctl entry point gets in <c>oflag</c>/<c>mode</c> (sys/file.h; SVR4 D2DK open).</summary>
[CHeader("sys/file.h", Local = true)]
public static class FileMode
{
    /// <summary>Open for reading.</summary>
    [CConstant("FREAD")] public const int FREAD = 0x01;
    /// <summary>Open for writing.</summary>
    [CConstant("FWRITE")] public const int FWRITE = 0x02;
    /// <summary>Non-blocking I/O (O_NDELAY).</summary>
    [CConstant("FNDELAY")] public const int FNDELAY = 0x04;
    /// <summary>Non-blocking I/O (POSIX O_NONBLOCK).</summary>
    [CConstant("FNONBLOCK")] public const int FNONBLOCK = 0x80;
}

/// <summary>Open types an open/close entry point gets in <c>otyp</c> (sys/open.h; SVR4 D2DK open).</summary>
[CHeader("sys/open.h", Local = true)]
public static class OpenType
{
    [CConstant("OTYP_BLK")] public const int OTYP_BLK = 0;
    [CConstant("OTYP_MNT")] public const int OTYP_MNT = 1;
    [CConstant("OTYP_CHR")] public const int OTYP_CHR = 2;
    [CConstant("OTYP_SWP")] public const int OTYP_SWP = 3;
    [CConstant("OTYP_LYR")] public const int OTYP_LYR = 4;
}
