/* sys/param.h: sleep priorities and the clock rate of Amix 2.1c (SVR4 values; written for the tests). */
#ifndef _SYS_PARAM_H
#define _SYS_PARAM_H

#define PRIBIO 20
#define PZERO 25
#define PWAIT 30
#define PSLEP 39
#define PMASK 0177
#define PCATCH 0400 /* or'ed into sleep's priority: return 1 on a signal */
#define HZ 60       /* CIA-A timer A */

#endif /* _SYS_PARAM_H */
