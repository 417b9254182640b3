// Memory a device reads or writes by DMA on AmigaOS 4 (exec.library autodoc: AllocVecTags, StartDMA,
// GetDMAList, EndDMA): contiguous allocations and the bus address of one.
using AmigaOS;

namespace AmigaDevice;

public static unsafe class DmaMemory
{
    /// <summary>Allocates <paramref name="size"/> bytes of cleared, shared, physically contiguous memory
    /// aligned to <paramref name="align"/> bytes, or null. Free with FreeVec.</summary>
    public static byte* Alloc(uint size, uint align) =>
        (byte*)Exec.AllocVecTags(size, Exec.AVT_Type, Exec.MEMF_SHARED, Exec.AVT_Contiguous, 1, Exec.AVT_Alignment, align,
            Exec.AVT_ClearWithValue, 0, Exec.TAG_DONE);

    /// <summary>The bus address of a buffer that must be one physical run (StartDMA / GetDMAList);
    /// 0 when it is not. With <paramref name="keepMapped"/> false the mapping is ended again, leaving
    /// ordinary cacheable memory whose cache the driver maintains itself.</summary>
    public static ulong BusAddress(void* buffer, uint size, bool keepMapped)
    {
        uint entries = Exec.StartDMA(buffer, size, Exec.DMA_ReadFromRAM);
        if (entries == 0)
            return 0;
        ulong phys = 0;
        if (entries == 1)
        {
            DMAEntry* list = stackalloc DMAEntry[1];
            Exec.GetDMAList(buffer, size, Exec.DMA_ReadFromRAM, list);
            phys = (uint)list[0].PhysicalAddress;
        }
        if (!keepMapped || phys == 0)
            Exec.EndDMA(buffer, size, Exec.DMA_ReadFromRAM | Exec.DMAF_NoModify);
        return phys;
    }
}
