/* sys/poll.h: poll(2) events and the kernel's poll head (SVR4 values; written for the tests). */
#ifndef _SYS_POLL_H
#define _SYS_POLL_H

#define POLLIN 0x0001
#define POLLPRI 0x0002
#define POLLOUT 0x0004
#define POLLERR 0x0008
#define POLLHUP 0x0010
#define POLLNVAL 0x0020
#define POLLRDNORM 0x0040
#define POLLRDBAND 0x0080
#define POLLWRBAND 0x0100
#define POLLWRNORM POLLOUT

struct polldat;

struct pollhead {
	struct polldat *ph_list;
	struct polldat *ph_dummy;
	short ph_events;
};

#endif /* _SYS_POLL_H */
