/* sys/cmn_err.h: console messages (SVR4 values; written for the tests). */
#ifndef _SYS_CMN_ERR_H
#define _SYS_CMN_ERR_H

#define CE_CONT 0
#define CE_NOTE 1
#define CE_WARN 2
#define CE_PANIC 3

void cmn_err();  /* (level, fmt, ...) */

#endif /* _SYS_CMN_ERR_H */
