/*
 * sd.h (fallback): struct sdcom as the Amix sd.h declares it (the layout dd.c and every
 * sd.c queue function share), for builds before tests/include/amix provides it.
 */
#ifndef _SD_H
#define _SD_H
#define sdspl spl2
#define SDCARDS 2
#define SDUNITS 8
struct sdcom {
    volatile struct sdcom *next;
    bool reading, okay;
    uchar status, cdb[12];
    caddr_t addr;
    uint nbyte, card, unit;
    void (*intr)();
};
#endif
