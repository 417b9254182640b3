/*
 * rico.h (fallback): the Amix <rico.h> names the simulator's request code uses, for builds
 * before tests/include/amix provides the real declarations (that folder comes first on the
 * include path and wins).
 */
#ifndef _RICO_H
#define _RICO_H
typedef char bool;
#define TRUE (0 == 0)
#define FALSE (!TRUE)
#endif
