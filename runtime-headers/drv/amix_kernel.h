/*
 * drv/amix_kernel.h: Amix 2.1c kernel services a driver calls that the kernel's headers do not
 * declare. K&R declarations, as the stock drivers (dd.c, sd.c) declare them locally; the return
 * types matter on the 68030 (pointers and integers come back in different registers). The C#
 * side is Amix.Kernel in the DriverCompiler.Amix binding library (each call's source cited there).
 */
#ifndef DRV_AMIX_KERNEL_H
#define DRV_AMIX_KERNEL_H

struct pollhead;

extern caddr_t sptalloc();  /* (npages, mode, pfn, flag): map page frames into kernel space */
extern void sptfree();      /* (va, npages, freeflag): undo sptalloc */
extern paddr_t vtop();      /* (vaddr, proc): physical address; proc == 0 for kernel addresses */
extern char *sdcardbase();  /* (card): sd.c's AutoConfig base of a card (added by the sd.c patch) */
extern int autocon();       /* (pc, index, &base, &size): the index-th Zorro board of manufacturer<<16|product */
extern int timeout();       /* (fn, arg, ticks): fn(arg) from the clock interrupt after ticks (HZ 60); returns an id */
extern void untimeout();    /* (id): cancels a callout that has not run */
extern int sleep();         /* (chan, pri): 1 when PCATCH is set and a signal ended the sleep */
extern void wakeup();       /* (chan) */
extern int copyin();        /* (user from, kernel to, count): -1 on a fault */
extern int copyout();       /* (kernel from, user to, count): -1 on a fault */
extern void bcopy();        /* (from, to, count) */
extern void pollwakeup();   /* (struct pollhead *, short events) */
extern int nodev();         /* cdevsw/bdevsw filler: ENODEV */
extern int nulldev();       /* cdevsw/bdevsw filler: succeeds, does nothing */

#endif /* DRV_AMIX_KERNEL_H */
