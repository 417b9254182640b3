using Amix;
using DriverCompiler.Dsl;

// A RAM disk for Amix 2.1c: a block device at bdevsw[24] whose strategy routine queues struct buf requests and
// completes them from a callout, as a disk driver completes them from its interrupt, and its raw character twin at
// cdevsw[51] (read and write straight between the disk and the user's buffers). 24 and 51 are free rows of the stock
// master.d/kernel.c (the stock ramdisk holds bdevsw[20]).
[assembly: Driver("amixrd", DriverTarget.Amix, Prefix = "rd", Version = 1)]
[assembly: CSourceFile("rd.c")]
[assembly: AmixBlockDriver(24, RawMajor = 51, Node = "rd0")]

namespace AmixRamDisk;

/// <summary>The disk's memory: <see cref="RamDisk.Blocks"/> blocks of <see cref="RamDisk.BlockSize"/> bytes.</summary>
public unsafe struct Store
{
    /// <summary>The bytes of the disk.</summary>
    public fixed byte Data[65536];
}

/// <summary>
/// The driver: one unit (minor 0). Block requests wait on a FIFO (linked through av_forw) until the callout
/// <see cref="Complete"/> moves their data and hands them back with biodone; the raw device moves data with uiomove.
/// </summary>
public static unsafe class RamDisk
{
    /// <summary>Bytes per block: the unit of b_blkno and of the size entry point (SVR4 D2DK size: 512-byte blocks).</summary>
    public const int BlockSize = 512;
    /// <summary>Blocks on the disk (64 KB).</summary>
    public const int Blocks = 128;
    /// <summary>Ticks between a strategy call and the completion of its request (1: the next clock tick).</summary>
    [BuildOption] public const int CompletionTicks = 1;

    private static Store disk;
    private static BufT* head;
    private static BufT* tail;
    private static int calloutArmed;

    /// <summary>open(2) of /dev/dsk/rd0 or /dev/rdsk/rd0, and mounts: minor 0 only.</summary>
    [AmixEntry(AmixEntryPoint.Open)]
    public static int Open([CType(Types.dev_t)] uint* devp, int oflag, int otyp, Cred* crp) =>
        Ddi.GetMinor(*devp) == 0 ? 0 : Errno.ENXIO;

    /// <summary>Last close: nothing to release (the data stay until the next boot).</summary>
    [AmixEntry(AmixEntryPoint.Close)]
    public static int Close([CType(Types.dev_t)] uint dev, int oflag, int otyp, Cred* crp) => 0;

    /// <summary>
    /// Queues a block request: b_blkno (512-byte blocks) and b_bcount bytes at the kernel address b_un.b_addr,
    /// B_READ in b_flags for a read. A request that starts past the end fails with ENXIO at once; one that runs over
    /// the end moves what fits and leaves the rest in b_resid.
    /// </summary>
    [AmixEntry(AmixEntryPoint.Strategy)]
    public static int Strategy(BufT* bp)
    {
        if (Ddi.GetMinor(bp->b_edev) != 0 || bp->b_blkno < 0 || bp->b_blkno >= Blocks)
        {
            bp->b_error = Errno.ENXIO;
            bp->b_flags |= Buf.B_ERROR;
            bp->b_resid = bp->b_bcount;
            Buf.BioDone(bp);
            return 0;
        }
        int s = Spl.Spl2();
        bp->av_forw = null;
        if (tail == null) head = bp;
        else tail->av_forw = bp;
        tail = bp;
        if (calloutArmed == 0)
        {
            calloutArmed = 1;
            Kernel.Timeout(&Complete, null, CompletionTicks);
        }
        Spl.Splx(s);
        return 0;
    }

    /// <summary>The callout: moves the data of every queued request and completes it, in the order they came.</summary>
    private static void Complete(byte* unused)
    {
        int s = Spl.Spl2();
        calloutArmed = 0;
        while (head != null)
        {
            BufT* bp = head;
            head = bp->av_forw;
            if (head == null) tail = null;
            uint offset = (uint)bp->b_blkno * BlockSize;
            uint count = bp->b_bcount;
            if (count > Blocks * BlockSize - offset) count = Blocks * BlockSize - offset;
            if ((bp->b_flags & Buf.B_READ) != 0) Kernel.BCopy(Addr.Of(ref disk)->Data + offset, bp->b_un.b_addr, count);
            else Kernel.BCopy(bp->b_un.b_addr, Addr.Of(ref disk)->Data + offset, count);
            bp->b_resid = bp->b_bcount - count;
            Buf.BioDone(bp);
        }
        Spl.Splx(s);
    }

    /// <summary>A problem report from the kernel (a failed request): one console line naming the unit.</summary>
    [AmixEntry(AmixEntryPoint.Print)]
    public static int Print([CType(Types.dev_t)] uint dev, byte* str)
    {
        CmnErr.Message(CmnErr.CE_NOTE, "rd%d: %s", Ddi.GetMinor(dev), (uint)str);
        return 0;
    }

    /// <summary>The disk's size in 512-byte blocks (mkfs and swap read it).</summary>
    [AmixEntry(AmixEntryPoint.Size)]
    public static int Size([CType(Types.dev_t)] uint dev) => Ddi.GetMinor(dev) == 0 ? Blocks : -1;

    /// <summary>read(2) of /dev/rdsk/rd0: straight from the disk at uio_offset; 0 bytes at the end.</summary>
    [AmixEntry(AmixEntryPoint.Read)]
    public static int Read([CType(Types.dev_t)] uint dev, UioT* uiop, Cred* crp) => Move(uiop, Uio.UIO_READ);

    /// <summary>write(2) of /dev/rdsk/rd0: straight to the disk at uio_offset; ENOSPC past the end.</summary>
    [AmixEntry(AmixEntryPoint.Write)]
    public static int Write([CType(Types.dev_t)] uint dev, UioT* uiop, Cred* crp) => Move(uiop, Uio.UIO_WRITE);

    private static int Move(UioT* uiop, int rw)
    {
        int offset = uiop->uio_offset;
        if (offset < 0) return Errno.EINVAL;
        if (offset >= Blocks * BlockSize) return rw == Uio.UIO_WRITE && uiop->uio_resid > 0 ? Errno.ENOSPC : 0;
        int count = uiop->uio_resid;
        if (count > Blocks * BlockSize - offset) count = Blocks * BlockSize - offset;
        return Uio.UioMove(Addr.Of(ref disk)->Data + offset, count, rw, uiop);
    }
}
