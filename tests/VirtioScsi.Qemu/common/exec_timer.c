/*
 * timer.device for the drivers under test (devices/timer.h, the timer.device autodoc): OpenDevice of
 * UNIT_MICROHZ or UNIT_VBLANK, TR_ADDREQUEST (reply after tr_time, measured on the timebase), AbortIO
 * (IOERR_ABORTED) and CloseDevice. Due requests are replied from the decrementer and external-interrupt
 * exceptions (irq.c calls exec_timer_tick), so a request ends at most about one decrementer period
 * (1 s) late. Only what a driver that bounds a wait needs: no TR_GETSYSTIME, no ITimer interface.
 */
#include <string.h>
#include <devices/timer.h>
#include "harness/exec.h"
#include "harness/board.h"
#include "harness/cpu.h"

static struct Device timer_device = {
    .dd_Library = { .lib_Node = { .ln_Type = NT_DEVICE, .ln_Name = (STRPTR)TIMERNAME }, .lib_Version = 53 },
};

#define TIMER_PENDING_MAX 16
static struct { struct TimeRequest *tr; uint64_t due; } pending[TIMER_PENDING_MAX];
static unsigned npending;

int exec_timer_is(const struct Device *dev) { return dev == &timer_device; }

int8 exec_timer_open(uint32 unit, struct IORequest *io)
{
    if (unit != UNIT_MICROHZ && unit != UNIT_VBLANK) { io->io_Device = 0; return io->io_Error = IOERR_OPENFAIL; }
    io->io_Device = &timer_device;
    io->io_Unit = 0;
    io->io_Error = 0;
    timer_device.dd_Library.lib_OpenCnt++;
    return 0;
}

void exec_timer_close(struct IORequest *io)
{
    if (timer_device.dd_Library.lib_OpenCnt) timer_device.dd_Library.lib_OpenCnt--;
    io->io_Device = 0;
}

/* Replies a request (interrupts off): not quick any more, on its reply port. */
static void finish(struct IORequest *io, int8 error)
{
    io->io_Error = error;
    io->io_Flags &= (UBYTE)~IOF_QUICK;
    IExec->ReplyMsg(&io->io_Message);
}

void exec_timer_begin_io(struct IORequest *io)
{
    uint32 ee = cpu_irq_save();
    io->io_Message.mn_Node.ln_Type = NT_MESSAGE;
    if (io->io_Command != TR_ADDREQUEST) finish(io, IOERR_NOCMD);
    else if (npending == TIMER_PENDING_MAX) finish(io, IOERR_UNITBUSY);
    else {
        struct TimeRequest *tr = (struct TimeRequest *)io;
        uint64_t us = (uint64_t)tr->Time.Seconds * 1000000u + tr->Time.Microseconds;
        pending[npending].tr = tr;
        pending[npending].due = cpu_timebase() + us * board.timebase_hz / 1000000u;
        npending++;
        io->io_Flags &= (UBYTE)~IOF_QUICK;
    }
    cpu_irq_restore(ee);
}

static void take(unsigned i)
{
    pending[i] = pending[--npending];
}

void exec_timer_abort_io(struct IORequest *io)
{
    uint32 ee = cpu_irq_save();
    for (unsigned i = 0; i < npending; i++) {
        if (&pending[i].tr->Request != io) continue;
        take(i);
        finish(io, IOERR_ABORTED);
        break;
    }
    cpu_irq_restore(ee);
}

void exec_timer_tick(void)
{
    uint32 ee = cpu_irq_save();
    uint64_t now = cpu_timebase();
    for (unsigned i = 0; i < npending;) {
        if (pending[i].due > now) { i++; continue; }
        struct IORequest *io = &pending[i].tr->Request;
        take(i);
        finish(io, 0);
    }
    cpu_irq_restore(ee);
}

unsigned exec_timer_pending(void) { return npending; }
