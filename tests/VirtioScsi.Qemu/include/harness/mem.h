/*
 * Physical memory allocator over the RAM above the image: first fit over an address-ordered
 * free list with coalescing, any power-of-two alignment. CPU address == physical == PCI bus
 * address on all three boards (no IOMMU), which the DMA emulation relies on.
 */
#ifndef HARNESS_MEM_H
#define HARNESS_MEM_H

#include <stddef.h>
#include <stdint.h>

void mem_init(void);
/* Returns NULL when no block fits. align: power of two, 0 or 1 for the default 16. */
void *mem_alloc(size_t size, size_t align);
void mem_free(void *p);
/* Usable size of an allocated block. */
size_t mem_size(const void *p);
size_t mem_free_bytes(void);
/* Consistency walk of the heap; returns 0 if corrupt (guard words, ordering). */
int mem_check(void);

#endif
