/*
 * sd.h: the Amix 2.1c SCSI disk glue between dd.c (the disk driver) and the host adapter
 * queue functions registered in sd.c's scsicard[] table (written for the tests, with the
 * layout of the kernel's struct sdcom).
 *
 * Contract of a queue function bool xxxqueue(c, cp): c is the per-product index sd.c
 * passes, cp the command. cp->addr is a physical address (dd.c converts it with vtop()).
 * On completion the adapter sets cp->status (SCSI status byte, 0xff when there is none)
 * and cp->okay (transport success) and calls (*cp->intr)(cp). okay == TRUE with a non-zero
 * status makes dd.c issue REQUEST SENSE and retry.
 */
#ifndef _SD_H
#define _SD_H

#include "rico.h"

#define sdspl spl2
#define SDCARDS 2
#define SDUNITS 8
#define MINOR(dev) ((dev) & 0xFF)
#define sdunit(dev) ((dev) >> 0 & 07)
#define sdcard(dev) ((dev) >> 3 & 01)
#define sdpart(dev) ((dev) >> 4 & 07)
#define sddev0p(dev) ((dev) & ~(07 << 4))
#define byte3(i) ((uint)(i) >> 3 * 8 & 0xFF)
#define byte2(i) ((uint)(i) >> 2 * 8 & 0xFF)
#define byte1(i) ((uint)(i) >> 1 * 8 & 0xFF)
#define byte0(i) ((uint)(i) >> 0 * 8 & 0xFF)

struct sdcom {
	volatile struct sdcom *next;
	bool reading, okay;
	uchar status, cdb[12];
	caddr_t addr;
	uint nbyte, card, unit;
	void (*intr)();
};

int sdopen(), sdpartition();
bool sdvalid();
uint sdblkno(), sddevsize();
char *sdhardwarename();

#endif /* _SD_H */
