/*
 * sys/conf.h: the device switch tables of the Amix 2.1c kernel (SVR4.0 member order, as the stock
 * master.d/kernel.c fills them column by column; written for the tests).
 */
#ifndef _SYS_CONF_H
#define _SYS_CONF_H

struct tty;
struct streamtab;

struct bdevsw {
	int (*d_open)();
	int (*d_close)();
	int (*d_strategy)();
	int (*d_print)();
	int (*d_size)();
	int (*d_xpoll)();
	int (*d_xhalt)();
	int *d_flag;
};

struct cdevsw {
	int (*d_open)();
	int (*d_close)();
	int (*d_read)();
	int (*d_write)();
	int (*d_ioctl)();
	int (*d_mmap)();
	int (*d_segmap)();
	int (*d_poll)();
	int (*d_xpoll)();
	int (*d_xhalt)();
	struct tty *d_ttys;
	struct streamtab *d_str;
	int *d_flag;
};

extern struct bdevsw bdevsw[];
extern struct cdevsw cdevsw[];

#define D_NEW 0x00
#define D_OLD 0x01

#endif /* _SYS_CONF_H */
