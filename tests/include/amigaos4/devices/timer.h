/* devices/timer.h (test declaration, SDK names, values and layout): timer.device. */
#ifndef DEVICES_TIMER_H
#define DEVICES_TIMER_H

#include <exec/io.h>

#define TIMERNAME "timer.device"

#define UNIT_MICROHZ 0
#define UNIT_VBLANK 1
#define UNIT_ECLOCK 2
#define UNIT_WAITUNTIL 3
#define UNIT_WAITECLOCK 4

#define TR_ADDREQUEST (CMD_NONSTD)
#define TR_GETSYSTIME (CMD_NONSTD + 1)
#define TR_SETSYSTIME (CMD_NONSTD + 2)

#pragma pack(push, 2)

/* 8 bytes */
struct TimeVal
{
    uint32 Seconds;
    uint32 Microseconds;
};

/* 8 bytes */
struct EClockVal
{
    uint32 ev_hi;
    uint32 ev_lo;
};

/* 40 bytes */
struct TimeRequest
{
    struct IORequest Request;
    struct TimeVal Time;
};

#pragma pack(pop)

#endif /* DEVICES_TIMER_H */
