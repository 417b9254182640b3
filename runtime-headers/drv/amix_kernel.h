/*
 * drv/amix_kernel.h: Amix 2.1c kernel services a driver calls that the kernel's headers do not
 * declare. K&R declarations, as the stock drivers (dd.c, sd.c) declare them locally; the return
 * types matter on the 68030 (pointers and integers come back in different registers).
 */
#ifndef DRV_AMIX_KERNEL_H
#define DRV_AMIX_KERNEL_H

extern caddr_t sptalloc();  /* (npages, mode, pfn, flag): map page frames into kernel space */
extern paddr_t vtop();      /* (vaddr, proc): physical address; proc == 0 for kernel addresses */
extern char *sdcardbase();  /* (card): sd.c's AutoConfig base of a card (added by the sd.c patch) */

#endif /* DRV_AMIX_KERNEL_H */
