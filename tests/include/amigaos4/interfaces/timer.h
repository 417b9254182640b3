/*
 * interfaces/timer.h (test declaration): timer.device's "main" interface, declared without
 * Self as interfaces/exec.h explains; only the methods the bindings name, in the SDK's order.
 */
#ifndef TIMER_INTERFACE_DEF_H
#define TIMER_INTERFACE_DEF_H

#include <exec/interfaces.h>
#include <devices/timer.h>

struct TimerIFace
{
    struct InterfaceData Data;

    uint32 (*Obtain)(void);
    uint32 (*Release)(void);
    void (*Expunge)(void);
    struct Interface *(*Clone)(void);

    void (*AddTime)(struct TimeVal *dest, struct TimeVal *src);
    void (*SubTime)(struct TimeVal *dest, struct TimeVal *src);
    int32 (*CmpTime)(struct TimeVal *dest, struct TimeVal *src);
    uint32 (*ReadEClock)(struct EClockVal *dest);
    void (*GetSysTime)(struct TimeVal *dest);
    void (*GetUpTime)(struct TimeVal *dest);
};

#endif /* TIMER_INTERFACE_DEF_H */
