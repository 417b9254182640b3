/* Harness self-tests (timebase, PCI, interrupts) and, later, the device tests. */
#include "harness/board.h"
#include "harness/console.h"
#include "harness/check.h"
#include "harness/pci.h"
#include "guest/tests.h"

static void selftest_timebase(void)
{
    uint64_t t0 = cpu_timebase();
    for (volatile int i = 0; i < 100000; i++) ;
    uint64_t t1 = cpu_timebase();
    check(t1 > t0, "harness.timebase.advances", "t0=%llu t1=%llu", t0, t1);
}

static void selftest_pci(void)
{
    struct pci_function *f = pci_find(0x1af4, 0x1004, 0);
    if (!f) f = pci_find(0x1af4, 0x1048, 0);
    if (!check(f != 0, "harness.pci.virtio_scsi_found", "no 1af4:1004 or 1af4:1048 function")) return;
    check((pci_read16(f, 0x04) & 7) == 7, "harness.pci.command_enabled", "command=%04x", pci_read16(f, 0x04));
    /* Every implemented BAR got an address inside its window that reads back. */
    unsigned assigned = 0, bad = 0;
    for (unsigned i = 0; i < PCI_MAX_BARS; i++) {
        if (!f->bar[i].size) continue;
        assigned++;
        uint32_t raw = pci_read32(f, 0x10 + 4 * i) & (f->bar[i].io ? ~3u : ~15u);
        if (raw != f->bar[i].bus) { bad++; kprintf("BAR%u reads %08x, assigned %08x\n", i, raw, f->bar[i].bus); }
    }
    check(assigned > 0 && bad == 0, "harness.pci.bars_assigned", "%u BARs, %u wrong", assigned, bad);
    check(f->irq != 0xff && pci_read8(f, 0x3c) == f->irq, "harness.pci.interrupt_line", "irq=%u line=%u", f->irq, pci_read8(f, 0x3c));
}

void guest_main(void)
{
    selftest_timebase();
    selftest_pci();
    exec_selftest();
    irq_selftest();
#ifdef HARNESS_WITH_DRIVER
    device_tests();
    benchmark();
#endif
#ifdef HARNESS_WITH_BLK
    blk_tests();
    blk_benchmark();
#endif
}
