/*
 * QEMU amigaone: MPC7457, MAI Articia S north bridge, VIA VT82C686B south bridge.
 * No firmware: QEMU imitates U-Boot and enters in real mode with MSR[IP] set.
 * PCI memory 0x80000000-0xfcffffff maps 1:1, PCI I/O at 0xfe000000. The VIA's 8259 pair
 * drives the CPU's INT pin directly; PCI INTA..D reach it through the VIA PIRQ router
 * (function 0 config 0x55-0x57), which is unprogrammed at reset. The harness routes every
 * PIRQ to ISA IRQ 10, level-triggered through the ELCR, and acknowledges by 8259 polling.
 */
#include "harness/board.h"
#include "harness/pci.h"
#include "harness/irq.h"

#define ISA_IO 0xfe000000u
#define PIC1_CMD (ISA_IO + 0x20)
#define PIC1_DATA (ISA_IO + 0x21)
#define PIC2_CMD (ISA_IO + 0xa0)
#define PIC2_DATA (ISA_IO + 0xa1)
#define ELCR1 (ISA_IO + 0x4d0)
#define ELCR2 (ISA_IO + 0x4d1)
#define PCI_IRQ 10u
#define VIA_DEV 7
#define PM_IO_BASE 0x0f00u

static const struct pci_host hosts[] = {
    { "articia-s pci.0", 0xfec00cf8u, 0xfee00cfcu, 0x80000000u, 0x80000000u, 0x7d000000u, 0xfe000000u, 0 },
};

static uint16_t pic_mask = 0xffff & ~(1u << 2);         /* cascade input always open */

static void pic_write_mask(void)
{
    mmio_write8(PIC1_DATA, (uint8_t)pic_mask);
    mmio_write8(PIC2_DATA, (uint8_t)(pic_mask >> 8));
}

static void a1_early_init(void) {}

static void a1_irq_init(void)
{
    /* ICW1 (edge/level per ELCR, ICW4 follows), ICW2 vector base, ICW3 cascade, ICW4 8086 mode. */
    mmio_write8(PIC1_CMD, 0x11); mmio_write8(PIC1_DATA, 0x20); mmio_write8(PIC1_DATA, 0x04); mmio_write8(PIC1_DATA, 0x01);
    mmio_write8(PIC2_CMD, 0x11); mmio_write8(PIC2_DATA, 0x28); mmio_write8(PIC2_DATA, 0x02); mmio_write8(PIC2_DATA, 0x01);
    pic_write_mask();
    mmio_write8(ELCR1, 0x00);
    mmio_write8(ELCR2, (uint8_t)(1u << (PCI_IRQ - 8)));  /* IRQ 10 level-triggered */
    /* VIA PIRQ router: PIRQA (0x55 high nibble), PIRQB/C (0x56), PIRQD (0x57 high nibble). */
    const struct pci_host *h = &hosts[0];
    pci_cfg_write8(h, 0, VIA_DEV, 0, 0x55, (uint8_t)((pci_cfg_read8(h, 0, VIA_DEV, 0, 0x55) & 0x0f) | (PCI_IRQ << 4)));
    pci_cfg_write8(h, 0, VIA_DEV, 0, 0x56, (uint8_t)(PCI_IRQ | (PCI_IRQ << 4)));
    pci_cfg_write8(h, 0, VIA_DEV, 0, 0x57, (uint8_t)((pci_cfg_read8(h, 0, VIA_DEV, 0, 0x57) & 0x0f) | (PCI_IRQ << 4)));
}

static unsigned a1_irq_route(const struct pci_host *host, unsigned bus, unsigned dev, unsigned fn, unsigned pin)
{
    (void)host; (void)bus; (void)dev; (void)fn;
    return pin >= 1 && pin <= 4 ? PCI_IRQ : IRQ_NONE;
}

static void a1_irq_enable(unsigned irq, int on)
{
    if (irq >= 16 || irq == 2) return;
    if (on) pic_mask &= (uint16_t)~(1u << irq); else pic_mask |= (uint16_t)(1u << irq);
    pic_write_mask();
}

/* OCW3 poll: the read returns 0x80 | level of the highest pending request and acknowledges it. */
static int pic_poll(uptr cmd)
{
    mmio_write8(cmd, 0x0c);
    uint8_t v = mmio_read8(cmd);
    return (v & 0x80) ? (v & 7) : -1;
}

static void a1_irq_dispatch(void)
{
    int irq = pic_poll(PIC1_CMD);
    if (irq < 0) { irq_unclaimed++; return; }
    if (irq == 2) {
        int slave = pic_poll(PIC2_CMD);
        if (slave >= 0) {
            irq_deliver(8u + (unsigned)slave);
            mmio_write8(PIC2_CMD, 0x20);                /* non-specific EOI */
        }
    } else {
        irq_deliver((unsigned)irq);
    }
    mmio_write8(PIC1_CMD, 0x20);
}

static __attribute__((noreturn)) void a1_poweroff(void)
{
    const struct pci_host *h = &hosts[0];
    pci_cfg_write32(h, 0, VIA_DEV, 4, 0x48, PM_IO_BASE | 1);           /* VIA PM function 00:07.4 */
    pci_cfg_write8(h, 0, VIA_DEV, 4, 0x41, pci_cfg_read8(h, 0, VIA_DEV, 4, 0x41) | 0x80);
    mmio_write_le16(h->io_cpu + PM_IO_BASE + 4, 0x2000);               /* PM1_CNT: SLP_EN */
    for (;;) ;
}

const struct board board = {
    .name = "amigaone", .timebase_hz = 25000000u, .uart = 0xfe0003f8u,
    .hosts = hosts, .nhosts = 1, .booke = 0,
    .early_init = a1_early_init, .irq_init = a1_irq_init, .irq_route = a1_irq_route,
    .irq_enable = a1_irq_enable, .irq_dispatch = a1_irq_dispatch, .poweroff = a1_poweroff,
};
