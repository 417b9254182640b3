/*
 * Boot sequence shared by the three boards: board set-up, console, exception vectors,
 * interrupt controller, PCI enumeration, then the guest program; finally power off so the
 * QEMU process ends with status 0 (the xunit side judges the serial log, not the status).
 */
#include "harness/board.h"
#include "harness/console.h"
#include "harness/pci.h"
#include "harness/irq.h"
#include "harness/check.h"
#include "harness/guest.h"
#include "harness/mem.h"
#include "harness/sched.h"
#include "harness/exec.h"
#include "harness/layout.h"

/* Timebase (since reset) the boot lets pass before the board's irq_init; see harness_main. */
#define BOOT_SETTLE_MS 100

uint32_t boot_regs[5] __attribute__((section(".data")));

void harness_main(void);
void harness_main(void)
{
    board.early_init();
    kprintf("\nharness: board %s, PVR %08x, entry MSR %08x, timebase %u Hz\n",
            board.name, cpu_pvr(), boot_regs[4], board.timebase_hz);
    /* Before anything reads a shared struct: one header version across all objects. */
    if (harness_layouts_check()) panic("the image mixes objects compiled against different versions of a header; rebuild it");
    exc_install();
    mem_init();
    sched_init();
    /* Interrupt sources the firmware left running fire before the board takes the interrupt
     * controller over in every run, not only when a loaded host makes the boot slow: pegasos2's
     * 8259 PIT tick, for one, comes 55 ms after reset. A board whose irq_init cannot silence
     * what is already pending then fails every run instead of one run in thirty. */
    while (cpu_timebase() < (uint64_t)board.timebase_hz * BOOT_SETTLE_MS / 1000) ;
    board.irq_init();
    pci_enumerate();
    for (unsigned i = 0; i < pci_function_count; i++) {
        const struct pci_function *f = &pci_functions[i];
        kprintf("pci: %s %02x:%02x.%u %04x:%04x class %06x", f->host->name, f->bus, f->dev, f->fn,
                f->vendor, f->device, f->class_rev >> 8);
        for (unsigned b = 0; b < PCI_MAX_BARS; b++)
            if (f->bar[b].size) kprintf(" bar%u=%s%08x/%x", b, f->bar[b].io ? "io:" : "", f->bar[b].cpu, f->bar[b].size);
        if (f->irq != IRQ_NONE) kprintf(" irq %u", f->irq);
        kprintf("\n");
    }
    exec_init();
    cpu_mtmsr(cpu_mfmsr() | MSR_EE);
    guest_main();
    cpu_irq_save();
    check_summary();
    kprintf("harness: power off\n");
    board.poweroff();
}
