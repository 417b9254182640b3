/*
 * sys/inline.h: interrupt priority levels of the Amix 2.1c kernel (written for the tests). With
 * FAST_INTERRUPTS, spl5..spl7 and splhi are IPL 4; every spl returns the previous level for splx.
 */
#ifndef _SYS_INLINE_H
#define _SYS_INLINE_H

extern int spl0(), spl1(), spl2(), spl3(), spl4(), _spl4();
extern void splx();
#define spl5 _spl4
#define spl6 _spl4
#define spl7 _spl4
#define splhi _spl4

#endif /* _SYS_INLINE_H */
