/*
 * Interrupt path self-test, before the driver runs: an INQUIRY (which, unlike most commands,
 * does not consume the power-on unit attention) on target 0 through the direct client with
 * used-buffer interrupts on, completed by the board's interrupt controller into a handler.
 */
#include "harness/cpu.h"
#include "harness/board.h"
#include "harness/irq.h"
#include "harness/check.h"
#include "harness/console.h"
#include "guest/vdirect.h"
#include "guest/tests.h"

static volatile uint32_t handler_calls, isr_bits;

static int on_irq(void *data)
{
    (void)data;
    uint8_t isr = vdirect_read_isr();
    handler_calls++;
    isr_bits |= isr;
    return isr != 0;
}

void irq_selftest(void)
{
    if (!check(vdirect_open(), "harness.irq.direct_client_opens", "the virtio-scsi function did not initialise")) return;
    kprintf("harness: direct client on the %s transport\n", vdirect_is_legacy() ? "legacy" : "modern");
    static struct irq_action action = { 0, on_irq, 0 };
    irq_attach(vdirect_irq(), &action);
    static uint8_t inquiry[36] __attribute__((aligned(64)));
    static const uint8_t cdb[6] = { 0x12, 0, 0, 0, 36, 0 };
    uint32_t before = irq_external_exceptions;
    vdirect_interrupts(1);
    vdirect_submit(0, 0, cdb, 6, inquiry, 36, 0);
    uint64_t t0 = cpu_timebase();
    while (!handler_calls && cpu_timebase() - t0 < (uint64_t)board.timebase_hz * 5) ;
    unsigned status = 0xffff;
    int slot = vdirect_poll(&status);
    check(handler_calls > 0 && (isr_bits & 1), "harness.irq.used_buffer_interrupt_delivered",
          "handler calls %u, ISR bits %x, external exceptions %u", handler_calls, isr_bits, irq_external_exceptions - before);
    check(slot == 0 && status == 0 && inquiry[0] == 0x00 && inquiry[8] == 'D', "harness.irq.inquiry_completed",
          "slot %d status %x peripheral %02x vendor '%c'", slot, status, inquiry[0], inquiry[8]);
    /* Once ISR is read the line must stay quiet: no further exceptions while idle. */
    uint32_t settled = irq_external_exceptions;
    t0 = cpu_timebase();
    while (cpu_timebase() - t0 < board.timebase_hz / 100) ;
    check(irq_external_exceptions == settled, "harness.irq.line_deasserts_after_isr_read",
          "%u exceptions after the ISR read", irq_external_exceptions - settled);
    irq_detach(vdirect_irq(), &action);
    vdirect_close();
}
