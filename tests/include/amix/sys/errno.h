/* sys/errno.h: the error numbers an Amix 2.1c driver returns (SVR4 values; written for the tests). */
#ifndef _SYS_ERRNO_H
#define _SYS_ERRNO_H

#define EPERM 1
#define ENOENT 2
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define ENODEV 19
#define EINVAL 22
#define ENOTTY 25
#define ENOSPC 28
#define EROFS 30
#define ENOSYS 89

#endif /* _SYS_ERRNO_H */
