/* sys/buf.h: the block I/O request (SVR4.0 member order and types; written for the tests). */
#ifndef _SYS_BUF_H
#define _SYS_BUF_H

#include "sys/types.h"

struct proc;
struct page;
struct vnode;

typedef struct buf {
	uint b_flags;
	struct buf *b_forw;
	struct buf *b_back;
	struct buf *av_forw;
	struct buf *av_back;
	o_dev_t b_dev;
	unsigned b_bcount;
	union {
		caddr_t b_addr;
		int *b_words;
		daddr_t *b_daddr;
	} b_un;
	daddr_t b_blkno;
	char b_oerror;
	char b_res;
	ushort b_cylin;
	unsigned int b_resid;
	daddr_t b_sector;
	clock_t b_start;
	struct proc *b_proc;
	struct page *b_pages;
	clock_t b_reltime;
	long b_bufsize;
	int (*b_iodone)();
	struct vnode *b_vp;
	struct buf *b_chain;
	int b_reqcnt;
	int b_error;
	dev_t b_edev;
	char *b_private;
} buf_t;

#define paddr(X) (paddr_t)(X->b_un.b_addr)

#define B_WRITE 0x0000
#define B_READ 0x0001
#define B_DONE 0x0002
#define B_ERROR 0x0004
#define B_BUSY 0x0008
#define B_PHYS 0x0010
#define B_WANTED 0x0040
#define B_ASYNC 0x0100

void brelse();
struct buf *geteblk();
int biowait();
void biodone();

#endif /* _SYS_BUF_H */
