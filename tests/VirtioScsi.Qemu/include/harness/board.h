/*
 * What differs between QEMU's pegasos2, amigaone and sam460ex: the console UART, PCI host
 * bridges and their windows, the interrupt controller in front of PCI INTx, the timebase
 * frequency and how to power off. One boards/<name>.c defines `board` for each image.
 * Addresses: ../shared facts on the three machines, verified against QEMU 10.0.
 */
#ifndef HARNESS_BOARD_H
#define HARNESS_BOARD_H

#include "harness/cpu.h"
#include "harness/layout.h"

/* A PCI host bridge with a type-1 CONFIG_ADDRESS/CONFIG_DATA pair (both little-endian). */
struct pci_host {
    const char *name;
    uptr cfg_addr;          /* CPU address of CONFIG_ADDRESS */
    uptr cfg_data;          /* CPU address of CONFIG_DATA */
    uptr mem_cpu;           /* CPU address of the memory window ... */
    uint32_t mem_bus;       /* ... and the PCI bus address it decodes to */
    uint32_t mem_size;
    uptr io_cpu;            /* CPU address of PCI I/O port 0 */
    int cfg_write32_only;   /* sub-dword config writes must be read-modify-write */
};

struct board {
    const char *name;
    uint32_t timebase_hz;       /* timebase ticks per second */
    uptr uart;                  /* 16550 register base (effective address) */
    const struct pci_host *hosts;
    unsigned nhosts;
    int booke;                  /* PowerPC 440 (IVPR/IVORs) rather than 74xx vectors */
    /* Board set-up before the UART is touched (TLB entries, bridge windows). */
    void (*early_init)(void);
    /* Programs the interrupt controller so that PCI INTx lines reach the CPU (masked). */
    void (*irq_init)(void);
    /* Routes INTx pin (1 = INTA) of a function and returns the harness interrupt number. */
    unsigned (*irq_route)(const struct pci_host *host, unsigned bus, unsigned dev, unsigned fn, unsigned pin);
    /* Unmasks / masks one harness interrupt number at the controller. */
    void (*irq_enable)(unsigned irq, int on);
    /* External-interrupt exception: find the sources, irq_deliver() each, acknowledge. */
    void (*irq_dispatch)(void);
    /* Ends the QEMU process with exit status 0; does not return. */
    void (*poweroff)(void) __attribute__((noreturn));
};

extern const struct board board;

HARNESS_LAYOUT(board, struct board);
HARNESS_LAYOUT(pci_host, struct pci_host);

#endif
