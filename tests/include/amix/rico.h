/*
 * rico.h: the Amix kernel's little language of types and keyword macros, as the stock
 * SCSI drivers (sd.c, dd.c) use them (written for the tests). The unsigned type names
 * come from sys/types.h. Note that "not", "and", "or", "unless", "loop" and "until" are
 * macros: emitted C must not use them as identifiers.
 */
#ifndef _RICO_H
#define _RICO_H

#include "sys/types.h"

typedef char bool;
#define TRUE (0 == 0)
#define FALSE (not TRUE)
#define not !
#define and &&
#define or ||
#define unless(c) if (not (c))
#define loop for (;;)
#define until(c) if (c) break
#define nel(a) (sizeof(a) / sizeof((a)[0]))
#define endof(a) ((a) + nel(a))

#endif /* _RICO_H */
