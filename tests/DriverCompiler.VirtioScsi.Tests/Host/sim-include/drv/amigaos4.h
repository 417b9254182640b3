/*
 * The simulation's view of the runtime header: the emitted drv/amigaos4.h and drv/cpu.h, with the
 * memory-mapped register accesses routed to the simulated PCI function (device_sim.c), which
 * must see each register read and write to act on it as hardware does (feature select, status,
 * queue enable, notify, ISR read-to-clear). Everything else, and the driver's C, is as emitted.
 * Values cross in CPU order: the register's byte order is the accessor's business, as lwbrx's.
 */
#ifndef DRV_SIM_AMIGAOS4_H
#define DRV_SIM_AMIGAOS4_H

#include_next <drv/amigaos4.h>

uint32 sim_mmio_read(const volatile void *p, int bits);
void sim_mmio_write(volatile void *p, uint32 v, int bits);

#undef DRV_MMIO_READ8
#undef DRV_MMIO_READ16
#undef DRV_MMIO_READ32
#undef DRV_MMIO_WRITE8
#undef DRV_MMIO_WRITE16
#undef DRV_MMIO_WRITE32
#undef DRV_MMIO_READ_LE16
#undef DRV_MMIO_READ_LE32
#undef DRV_MMIO_READ_LE64
#undef DRV_MMIO_WRITE_LE16
#undef DRV_MMIO_WRITE_LE32
#undef DRV_MMIO_WRITE_LE64
#define DRV_MMIO_READ8(p) ((uint8)sim_mmio_read((p), 8))
#define DRV_MMIO_READ16(p) ((uint16)sim_mmio_read((p), 16))
#define DRV_MMIO_READ32(p) sim_mmio_read((p), 32)
#define DRV_MMIO_WRITE8(p, v) sim_mmio_write((p), (uint8)(v), 8)
#define DRV_MMIO_WRITE16(p, v) sim_mmio_write((p), (uint16)(v), 16)
#define DRV_MMIO_WRITE32(p, v) sim_mmio_write((p), (uint32)(v), 32)
#define DRV_MMIO_READ_LE16(p) ((uint16)sim_mmio_read((p), 16))
#define DRV_MMIO_READ_LE32(p) sim_mmio_read((p), 32)
#define DRV_MMIO_READ_LE64(p) ((uint64)sim_mmio_read((p), 32) | ((uint64)sim_mmio_read((const volatile uint8 *)(p) + 4, 32) << 32))
#define DRV_MMIO_WRITE_LE16(p, v) sim_mmio_write((p), (uint16)(v), 16)
#define DRV_MMIO_WRITE_LE32(p, v) sim_mmio_write((p), (uint32)(v), 32)
#define DRV_MMIO_WRITE_LE64(p, v) (sim_mmio_write((p), (uint32)(v), 32), sim_mmio_write((volatile uint8 *)(p) + 4, (uint32)((uint64)(v) >> 32), 32))

#endif /* DRV_SIM_AMIGAOS4_H */
