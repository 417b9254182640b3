/*
 * PCI configuration access through a host bridge's CONFIG_ADDRESS/CONFIG_DATA pair
 * (PCI Local Bus Specification 3.0, 3.2.2.3.2, configuration mechanism #1) and the
 * harness's enumeration: every function on bus 0 of every host, BARs sized and assigned
 * inside the host's windows, command = I/O | memory | bus master, INTx routed.
 */
#ifndef HARNESS_PCI_H
#define HARNESS_PCI_H

#include "harness/board.h"

uint32_t pci_cfg_read32(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off);
uint16_t pci_cfg_read16(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off);
uint8_t pci_cfg_read8(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off);
void pci_cfg_write32(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off, uint32_t v);
void pci_cfg_write16(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off, uint16_t v);
void pci_cfg_write8(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off, uint8_t v);

#define PCI_MAX_BARS 6

/* One assigned BAR: CPU-visible base (what a driver dereferences) and bus address. */
struct pci_bar {
    uint32_t cpu;           /* CPU address (memory window or I/O window + port) */
    uint32_t bus;           /* address on the PCI bus (port number for I/O) */
    uint32_t size;          /* 0 = unimplemented */
    uint8_t io, is64, prefetch;
};

struct pci_function {
    const struct pci_host *host;
    uint8_t bus, dev, fn;
    uint16_t vendor, device;
    uint32_t class_rev;     /* class code << 8 | revision */
    uint8_t header_type, int_pin;
    unsigned irq;           /* harness interrupt number, IRQ_NONE without INTx */
    struct pci_bar bar[PCI_MAX_BARS];
};

#define PCI_MAX_FUNCTIONS 32
extern struct pci_function pci_functions[PCI_MAX_FUNCTIONS];
extern unsigned pci_function_count;

/* Scans all hosts and assigns resources. Call once, after board.early_init. */
void pci_enumerate(void);
/* Finds the index-th function with vendor:device, or NULL. */
struct pci_function *pci_find(uint16_t vendor, uint16_t device, unsigned index);

static inline uint32_t pci_read32(const struct pci_function *f, unsigned off) { return pci_cfg_read32(f->host, f->bus, f->dev, f->fn, off); }
static inline uint16_t pci_read16(const struct pci_function *f, unsigned off) { return pci_cfg_read16(f->host, f->bus, f->dev, f->fn, off); }
static inline uint8_t pci_read8(const struct pci_function *f, unsigned off) { return pci_cfg_read8(f->host, f->bus, f->dev, f->fn, off); }
static inline void pci_write32(const struct pci_function *f, unsigned off, uint32_t v) { pci_cfg_write32(f->host, f->bus, f->dev, f->fn, off, v); }
static inline void pci_write16(const struct pci_function *f, unsigned off, uint16_t v) { pci_cfg_write16(f->host, f->bus, f->dev, f->fn, off, v); }
static inline void pci_write8(const struct pci_function *f, unsigned off, uint8_t v) { pci_cfg_write8(f->host, f->bus, f->dev, f->fn, off, v); }

HARNESS_LAYOUT(pci_function, struct pci_function);

#endif
