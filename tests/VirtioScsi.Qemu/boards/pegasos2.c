/*
 * QEMU pegasos2: MPC7447A, Marvell MV64361 system controller, VIA VT8231 south bridge.
 * VOF (QEMU's firmware) enters the image in real mode with MSR[IP] set; QEMU's reset has
 * programmed the MV64361 CPU->PCI windows: pci.1 memory 0x80000000 and I/O 0xfe000000
 * (the VT8231 and -device cards sit there), pci.0 memory 0xc0000000 and I/O 0xf8000000.
 * PCI INTA..D of pci.1 (after the slot swizzle) drive MV64361 GPP pins 12..15; the GPP
 * interrupt group 8..15 is main-cause bit 57 (CPU0 mask high, bit 25). The harness runs the
 * GPP interrupts level-sensitive (C-unit arbiter control bit 10).
 */
#include "harness/board.h"
#include "harness/pci.h"
#include "harness/irq.h"

#define MV_BASE                 0xf1000000u
#define MV_MAIN_CAUSE_HIGH      0x000c
#define MV_CPU0_MASK_LOW        0x0014
#define MV_CPU0_MASK_HIGH       0x001c
#define MV_GPP_IO_CONTROL       0xf100
#define MV_GPP_VALUE            0xf104
#define MV_GPP_INT_CAUSE        0xf108
#define MV_GPP_INT_MASK0        0xf10c
#define MV_GPP_LEVEL_CONTROL    0xf110
#define MV_CUNIT_ARBITER_CTRL   0xf300
#define MV_MAIN_HIGH_GPP8_15    (1u << (57 - 32))

#define VIA_DEV 12              /* VT8231 on pci.1 */
#define VIA_PIC1_CMD  0xfe000020u                       /* its 8259 pair, in pci.1 I/O space */
#define VIA_PIC1_DATA 0xfe000021u
#define VIA_PIC2_CMD  0xfe0000a0u
#define VIA_PIC2_DATA 0xfe0000a1u
#define PM_IO_BASE 0x0f00u

static const struct pci_host hosts[] = {
    { "mv64361 pci.1", 0xf1000c78u, 0xf1000c7cu, 0x80000000u, 0x80000000u, 0x40000000u, 0xfe000000u, 0 },
    { "mv64361 pci.0", 0xf1000cf8u, 0xf1000cfcu, 0xc0000000u, 0xc0000000u, 0x20000000u, 0xf8000000u, 0 },
};

static uint32_t gpp_enabled;

static void mv_write(uint32_t reg, uint32_t v) { mmio_write_le32(MV_BASE + reg, v); }
static uint32_t mv_read(uint32_t reg) { return mmio_read_le32(MV_BASE + reg); }

static void peg_early_init(void) {}

/*
 * Silence first, mask second. VOF's reset set-up leaves GPP 31 (the VT8231's 8259 INTR) open in
 * the GPP mask and in CPU0's mask, and the 8259 pair uninitialised with every input open, so the
 * PIT's first IRQ0 (55 ms after reset) raises the CPU's INT line. QEMU's MV64361 drives that line
 * only when a cause bit under the current CPU0 mask changes: had the masks been rewritten first,
 * the GPP 24..31 cause could never lower the line again and the CPU would take external
 * interrupts with nothing pending for ever (the hang of issue 9, after PCI enumeration, whenever
 * a loaded host made the boot outlast the PIT's first tick). So the 8259 pair is initialised
 * with every input masked while the firmware's masks still stand: its INTR falls, the cause
 * clears and the line drops; only then are the masks changed.
 */
static void via_pic_init_masked(void)
{
    /* ICW1 (ICW4 follows), ICW2 vector base, ICW3 cascade on IRQ 2, ICW4 8086 mode; OCW1 all masked. */
    mmio_write8(VIA_PIC1_CMD, 0x11); mmio_write8(VIA_PIC1_DATA, 0x20); mmio_write8(VIA_PIC1_DATA, 0x04); mmio_write8(VIA_PIC1_DATA, 0x01);
    mmio_write8(VIA_PIC2_CMD, 0x11); mmio_write8(VIA_PIC2_DATA, 0x28); mmio_write8(VIA_PIC2_DATA, 0x02); mmio_write8(VIA_PIC2_DATA, 0x01);
    mmio_write8(VIA_PIC1_DATA, 0xff);
    mmio_write8(VIA_PIC2_DATA, 0xff);
}

static void peg_irq_init(void)
{
    via_pic_init_masked();
    mv_write(MV_GPP_INT_MASK0, 0);
    mv_write(MV_GPP_IO_CONTROL, 0);                     /* all GPP pins inputs */
    mv_write(MV_GPP_LEVEL_CONTROL, 0);                  /* active high */
    mv_write(MV_CUNIT_ARBITER_CTRL, mv_read(MV_CUNIT_ARBITER_CTRL) | (1u << 10));
    mv_write(MV_GPP_INT_CAUSE, 0);
    mv_write(MV_CPU0_MASK_LOW, 0);
    mv_write(MV_CPU0_MASK_HIGH, MV_MAIN_HIGH_GPP8_15);
}

static unsigned peg_irq_route(const struct pci_host *host, unsigned bus, unsigned dev, unsigned fn, unsigned pin)
{
    (void)bus; (void)fn;
    if (host != &hosts[0] || pin < 1 || pin > 4) return IRQ_NONE;
    return 12 + (dev + pin - 1) % 4;                    /* pci.1 INTx -> GPP 12..15 */
}

static void peg_irq_dispatch(void);

static void peg_irq_enable(unsigned irq, int on)
{
    if (irq >= 32) return;
    if (on) gpp_enabled |= 1u << irq; else gpp_enabled &= ~(1u << irq);
    mv_write(MV_GPP_INT_MASK0, gpp_enabled);
    /* The chip raises an interrupt when a pending input is unmasked; QEMU's model only does so
     * on the input's next rising edge. A line already high (a device that completed work while
     * nobody listened) is therefore dispatched here, as the exception would have been. */
    if (on && (mv_read(MV_GPP_VALUE) & (1u << irq))) {
        uint32_t ee = cpu_irq_save();
        peg_irq_dispatch();
        cpu_irq_restore(ee);
    }
}

static void peg_irq_dispatch(void)
{
    uint32_t pending = mv_read(MV_GPP_VALUE) & gpp_enabled;
    if (!pending) { irq_unclaimed++; return; }
    mv_write(MV_GPP_INT_CAUSE, ~pending);
    for (unsigned pin = 0; pin < 32; pin++)
        if (pending & (1u << pin)) irq_deliver(pin);
}

static __attribute__((noreturn)) void peg_poweroff(void)
{
    const struct pci_host *h = &hosts[0];
    pci_cfg_write32(h, 0, VIA_DEV, 4, 0x48, PM_IO_BASE | 1);           /* PM I/O base */
    pci_cfg_write8(h, 0, VIA_DEV, 4, 0x41, pci_cfg_read8(h, 0, VIA_DEV, 4, 0x41) | 0x80);
    mmio_write_le16(h->io_cpu + PM_IO_BASE + 4, 0x2000);               /* PM1_CNT: SLP_EN, S0 type */
    for (;;) ;
}

const struct board board = {
    .name = "pegasos2", .timebase_hz = 33333333u, .uart = 0xfe0002f8u,
    .hosts = hosts, .nhosts = 2, .booke = 0,
    .early_init = peg_early_init, .irq_init = peg_irq_init, .irq_route = peg_irq_route,
    .irq_enable = peg_irq_enable, .irq_dispatch = peg_irq_dispatch, .poweroff = peg_poweroff,
};
