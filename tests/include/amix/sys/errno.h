/* sys/errno.h: the error numbers an Amix 2.1c driver returns (SVR4 values; written for the tests). */
#ifndef _SYS_ERRNO_H
#define _SYS_ERRNO_H

#define EIO 5
#define ENXIO 6
#define ENOMEM 12
#define EBUSY 16
#define EINVAL 22

#endif /* _SYS_ERRNO_H */
