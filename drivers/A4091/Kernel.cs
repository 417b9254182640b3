using DriverCompiler.Dsl;

namespace A4091;

/// <summary>
/// The Amix 2.1c kernel interfaces the driver uses. Types and macros come from the kernel's
/// headers (sys/immu.h: PG_V, phystopfn; sd.h: struct sdcom, SDCARDS); the functions the
/// kernel's headers do not declare are declared K&amp;R-style by drv/amix_kernel.h, as the stock
/// drivers declare them locally. The .NET bodies only exist so the C# compiles; they never run.
/// </summary>
[CHeader("sys/immu.h", Local = true)]
[CHeader("sd.h", Local = true)]
[CHeader("drv/amix_kernel.h")]
public static unsafe class Kernel
{
    /// <summary>Page-valid PTE bit (sys/immu.h). Amix's sptalloc ignores its mode argument; dd.c's siblings pass PG_V.</summary>
    [CConstant("PG_V")] public const int PgV = 1;
    /// <summary>Host adapters sd.c can register (sd.h).</summary>
    [CConstant("SDCARDS")] public const int SdCards = 2;

    /// <summary><c>caddr_t sptalloc(size, mode, base, flag)</c>: maps <paramref name="pages"/> pages of physical page frames from <paramref name="pfn"/> into kernel virtual space; null when out of space.</summary>
    [CBinding("sptalloc")] public static byte* SptAlloc(int pages, int mode, uint pfn, int flag) => null;
    /// <summary><c>phystopfn(pa)</c> (sys/immu.h): the page frame number of a physical address (2 KB pages on the 68030).</summary>
    [CBinding("phystopfn")] public static uint PhysToPfn(uint pa) => pa >> 11;
    /// <summary><c>paddr_t vtop(vaddr, proc)</c>: the physical address of a kernel (proc == 0) virtual address.</summary>
    [CBinding("vtop")] public static uint Vtop(byte* va, void* proc) => 0;
    /// <summary><c>char *sdcardbase(card)</c> (added to sd.c by the kernel patch): the AutoConfig base sd.c's init() found for a card, or 0.</summary>
    [CBinding("sdcardbase")] public static byte* SdCardBase(uint card) => null;
}

/// <summary>
/// <c>struct sdcom</c> (sd.h): one SCSI command from dd.c. <see cref="Addr"/> is a physical address
/// (dd.c applies vtop). On completion the adapter sets <see cref="Status"/> (SCSI status byte, 0xff
/// when there is none) and <see cref="Okay"/> (transport success), then calls <see cref="Intr"/>.
/// dd.c treats okay with a non-zero status as "issue REQUEST SENSE and retry".
/// </summary>
[CType("struct sdcom")]
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
    public delegate* unmanaged<SdCom*, void> Intr;
}
