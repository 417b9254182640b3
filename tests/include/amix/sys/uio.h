/* sys/uio.h: the read/write request of a character driver (SVR4.0 names and layout; written for the tests). */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include "sys/types.h"

typedef struct iovec {
	caddr_t iov_base;
	int iov_len;
} iovec_t;

typedef struct uio {
	iovec_t *uio_iov;
	int uio_iovcnt;
	off_t uio_offset;
	short uio_segflg;
	short uio_fmode;
	daddr_t uio_limit;
	int uio_resid;
} uio_t;

typedef enum uio_rw { UIO_READ, UIO_WRITE } uio_rw_t;
typedef enum uio_seg { UIO_USERSPACE, UIO_SYSSPACE, UIO_USERISPACE } uio_seg_t;

int uiomove();  /* (addr, n, rw, uio): 0 or an errno */
int ureadc();   /* (c, uio) */
int uwritec();  /* (uio): the next byte, -1 at the end */

#endif /* _SYS_UIO_H */
