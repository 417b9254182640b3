/* exec/memory.h (test declaration, SDK names and values): memory types, DMA and cache flags. */
#ifndef EXEC_MEMORY_H
#define EXEC_MEMORY_H

#include <exec/types.h>

#define MEMF_ANY 0L
#define MEMF_PUBLIC (1L << 0)
#define MEMF_CHIP (1L << 1)
#define MEMF_FAST (1L << 2)
#define MEMF_VIRTUAL (1L << 3)
#define MEMF_EXECUTABLE (1L << 4)
#define MEMF_LOCAL (1L << 8)
#define MEMF_24BITDMA (1L << 9)
#define MEMF_KICK (1L << 10)
#define MEMF_PRIVATE (1L << 11)
#define MEMF_SHARED (1L << 12)
#define MEMF_CLEAR (1L << 16)
#define MEMF_HWALIGNED (1L << 20)

/* One physically contiguous run of a buffer mapped with StartDMA() (GetDMAList() fills them). */
struct DMAEntry
{
    APTR PhysicalAddress;
    uint32 BlockLength;
};

/* StartDMA()/GetDMAList()/EndDMA() flags. 0: the device writes the memory. */
#define DMA_Continue (1L << 1)
#define DMA_NoModify (1L << 2)
#define DMA_ReadFromRAM (1L << 3)
#define DMAF_Continue (1L << 1)
#define DMAF_NoModify (1L << 2)
#define DMAF_ReadFromRAM (1L << 3)

/* CacheClearE() flags */
#define CACRF_ClearI (1L << 3)
#define CACRF_ClearD (1L << 11)
#define CACRF_InvalidateD (1L << 15)

#endif /* EXEC_MEMORY_H */
