/* sys/open.h: the open types of an open/close entry point (SVR4 values; written for the tests). */
#ifndef _SYS_OPEN_H
#define _SYS_OPEN_H

#define OTYP_BLK 0
#define OTYP_MNT 1
#define OTYP_CHR 2
#define OTYP_SWP 3
#define OTYP_LYR 4

#endif /* _SYS_OPEN_H */
