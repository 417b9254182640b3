/* sys/stream.h: the STREAMS structures and utilities of SVR4.0 a driver uses (SVR4.0 names and member order, checked
 * against USL's head.sys:sys/stream.h 11.44.3.2, the definition without _STYPES; written for the tests). */
#ifndef _SYS_STREAM_H
#define _SYS_STREAM_H

#include "sys/types.h"

struct qband;
struct module_stat;
struct free_rtn;

struct module_info {
	ushort mi_idnum;
	char *mi_idname;
	long mi_minpsz;
	long mi_maxpsz;
	ulong mi_hiwat;
	ulong mi_lowat;
};

struct qinit {
	int (*qi_putp)();
	int (*qi_srvp)();
	int (*qi_qopen)();
	int (*qi_qclose)();
	int (*qi_qadmin)();
	struct module_info *qi_minfo;
	struct module_stat *qi_mstat;
};

struct streamtab {
	struct qinit *st_rdinit;
	struct qinit *st_wrinit;
	struct qinit *st_muxrinit;
	struct qinit *st_muxwinit;
};

typedef struct queue {
	struct qinit *q_qinfo;
	struct msgb *q_first;
	struct msgb *q_last;
	struct queue *q_next;
	struct queue *q_link;
	void *q_ptr;
	ulong q_count;
	ulong q_flag;
	long q_minpsz;
	long q_maxpsz;
	ulong q_hiwat;
	ulong q_lowat;
	struct qband *q_bandp;
	uchar q_nband;
	uchar q_pad1[3];
	long q_pad2[2];
} queue_t;

typedef struct datab {
	union {
		struct datab *freep;
		struct free_rtn *frtnp;
	} db_f;
	uchar *db_base;
	uchar *db_lim;
	uchar db_ref;
	uchar db_type;
	uchar db_iswhat;
	uint db_size;
	long db_filler;
	caddr_t db_msgaddr;
} dblk_t;

typedef struct msgb {
	struct msgb *b_next;
	struct msgb *b_prev;
	struct msgb *b_cont;
	uchar *b_rptr;
	uchar *b_wptr;
	struct datab *b_datap;
	uchar b_band;
	uchar b_pad1;
	ushort b_flag;
	long b_pad2;
} mblk_t;

#define INFPSZ (-1)

#define M_DATA 0x00
#define M_PROTO 0x01
#define M_IOCTL 0x0e
#define M_IOCACK 0x81
#define M_IOCNAK 0x82
#define M_FLUSH 0x86
#define M_ERROR 0x8a

#define FLUSHR 0x01
#define FLUSHW 0x02
#define FLUSHRW 0x03
#define FLUSHALL 1
#define FLUSHDATA 0

#define BPRI_LO 1
#define BPRI_MED 2
#define BPRI_HI 3

#define OTHERQ(q) ((q)->q_flag & QREADR ? (q) + 1 : (q) - 1)
#define WR(q) ((q) + 1)
#define RD(q) ((q) - 1)
#define QREADR 0x10
#define putnext(q, mp) ((*(q)->q_next->q_qinfo->qi_putp)((q)->q_next, (mp)))

extern mblk_t *allocb();
extern mblk_t *getq();
extern void freemsg();
extern int putq();
extern void qreply();
extern void flushq();
extern void qenable();
extern int canput();

#endif /* _SYS_STREAM_H */
