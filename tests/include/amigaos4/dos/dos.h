/* dos/dos.h (test declaration, SDK names and values): return codes and break signals. */
#ifndef DOS_DOS_H
#define DOS_DOS_H

#include <exec/types.h>

#define RETURN_OK 0
#define RETURN_WARN 5
#define RETURN_ERROR 10
#define RETURN_FAIL 20

#define SIGBREAKB_CTRL_C 12
#define SIGBREAKF_CTRL_C (1L << 12)

#endif /* DOS_DOS_H */
