/*
 * QEMU sam460ex: PowerPC 460EX (440 core, BookE MMU), PCI-X host bridge, two cascaded UICs.
 * Entered with only TLB entry 0 (EA 0 -> PA 0, 2 GiB, RAM); the harness adds entries for the
 * UART block, the PCI-X config/bridge registers, PCI I/O and a 256 MiB PCI memory window
 * (programmed as outbound POM0: PLB 0xd_80000000 -> PCI 0x80000000). Every PCI INTx drives
 * UIC1 input 0; UIC1's INT output is UIC0 input 30. QEMU's UIC numbers input n as status bit
 * (31 - n). Harness interrupt numbers: UIC0 inputs 0..31, UIC1 inputs 32..63.
 */
#include "harness/board.h"
#include "harness/pci.h"
#include "harness/irq.h"

#define UART_EA   0xef600300u       /* PA 0x4_ef600300 */
#define PCIX_REGS 0xcec80000u       /* PA 0xc_0ec80000 */

/* UIC DCRs: SR, SRS, ER, CR, PR, TR, MSR, VR, VCR at base + 0..8 */
#define UIC0_SR 0xc0
#define UIC0_ER 0xc2
#define UIC0_CR 0xc3
#define UIC0_PR 0xc4
#define UIC0_TR 0xc5
#define UIC0_MSR 0xc6
#define UIC1_SR 0xd0
#define UIC1_ER 0xd2
#define UIC1_CR 0xd3
#define UIC1_PR 0xd4
#define UIC1_TR 0xd5
#define UIC1_MSR 0xd6
#define UIC_BIT(n) (1u << (31 - (n)))
#define UIC0_CASCADE_UIC1 30
#define PCI_INTX_IRQ 32u            /* UIC1 input 0 */

static const struct pci_host hosts[] = {
    { "ppc440-pcix pci.0", 0xcec00000u, 0xcec00004u, 0x80000000u, 0x80000000u, 0x10000000u, 0xc8000000u, 1 },
};

static uint32_t uic1_enabled;

/* 440 TLB: word 0 EPN|V|TS|SIZE, word 1 RPN|ERPN, word 2 storage attributes and permissions. */
static void tlb_write(uint32_t index, uint32_t w0, uint32_t w1, uint32_t w2)
{
    __asm__ volatile("tlbwe %0,%3,0\n\ttlbwe %1,%3,1\n\ttlbwe %2,%3,2\n\tisync"
                     :: "r"(w0), "r"(w1), "r"(w2), "r"(index) : "memory");
}
#define TLB_VALID 0x200u
#define TLB_1M   (5u << 4)
#define TLB_16M  (7u << 4)
#define TLB_256M (9u << 4)
#define TLB_IO   (0x400u | 0x100u | 0x2u | 0x1u)   /* I, G, SW, SR */

static void sam_early_init(void)
{
    tlb_write(1, 0xef000000u | TLB_VALID | TLB_16M, 0xef000000u | 0x4, TLB_IO);   /* UART, GPIO... */
    tlb_write(2, 0xcec00000u | TLB_VALID | TLB_1M, 0x0ec00000u | 0xc, TLB_IO);    /* PCI-X cfg + regs */
    tlb_write(3, 0xc8000000u | TLB_VALID | TLB_1M, 0x08000000u | 0xc, TLB_IO);    /* PCI I/O */
    tlb_write(4, 0x80000000u | TLB_VALID | TLB_256M, 0x80000000u | 0xd, TLB_IO);  /* PCI memory */
    /* Outbound POM0 (registers little-endian): PLB 0xd_80000000, 256 MiB -> PCI 0x80000000. */
    mmio_write_le32(PCIX_REGS + 0x68, 0x80000000u);
    mmio_write_le32(PCIX_REGS + 0x6c, 0x0000000du);
    mmio_write_le32(PCIX_REGS + 0x74, 0x80000000u);
    mmio_write_le32(PCIX_REGS + 0x78, 0);
    mmio_write_le32(PCIX_REGS + 0x70, 0xf0000001u);
}

static void sam_irq_init(void)
{
    mtdcr(UIC1_ER, 0);
    mtdcr(UIC1_CR, 0);                                  /* non-critical */
    mtdcr(UIC1_TR, 0);                                  /* level-sensitive */
    mtdcr(UIC1_PR, 0xffffffffu);                        /* active high */
    mtdcr(UIC1_SR, 0xffffffffu);
    mtdcr(UIC0_CR, 0);
    mtdcr(UIC0_TR, mfdcr(UIC0_TR) & ~UIC_BIT(UIC0_CASCADE_UIC1));
    mtdcr(UIC0_PR, mfdcr(UIC0_PR) | UIC_BIT(UIC0_CASCADE_UIC1));
    mtdcr(UIC0_SR, 0xffffffffu);
    mtdcr(UIC0_ER, UIC_BIT(UIC0_CASCADE_UIC1));
}

static unsigned sam_irq_route(const struct pci_host *host, unsigned bus, unsigned dev, unsigned fn, unsigned pin)
{
    (void)host; (void)bus; (void)dev; (void)fn;
    return pin >= 1 && pin <= 4 ? PCI_INTX_IRQ : IRQ_NONE;
}

static void sam_irq_enable(unsigned irq, int on)
{
    if (irq < 32 || irq >= 64) return;
    uint32_t bit = UIC_BIT(irq - 32);
    if (on) uic1_enabled |= bit; else uic1_enabled &= ~bit;
    mtdcr(UIC1_ER, uic1_enabled);
}

static void sam_irq_dispatch(void)
{
    if (!(mfdcr(UIC0_MSR) & UIC_BIT(UIC0_CASCADE_UIC1))) { irq_unclaimed++; return; }
    uint32_t pending = mfdcr(UIC1_MSR);
    for (unsigned n = 0; n < 32; n++)
        if (pending & UIC_BIT(n)) irq_deliver(32 + n);
    mtdcr(UIC1_SR, pending);                            /* level inputs re-latch if still high */
    mtdcr(UIC0_SR, UIC_BIT(UIC0_CASCADE_UIC1));
}

static __attribute__((noreturn)) void sam_poweroff(void)
{
    /* DBCR0[RST] = system reset; QEMU runs with -no-reboot, so the reset ends the process. */
    mtspr(0x134, 0x30000000u);
    for (;;) ;
}

const struct board board = {
    .name = "sam460ex", .timebase_hz = 1150000000u, .uart = UART_EA,
    .hosts = hosts, .nhosts = 1, .booke = 1,
    .early_init = sam_early_init, .irq_init = sam_irq_init, .irq_route = sam_irq_route,
    .irq_enable = sam_irq_enable, .irq_dispatch = sam_irq_dispatch, .poweroff = sam_poweroff,
};
