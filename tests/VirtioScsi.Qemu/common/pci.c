/* PCI configuration mechanism #1 on the board's host bridges; BAR sizing and assignment. */
#include "harness/pci.h"
#include "harness/irq.h"
#include "harness/console.h"

struct pci_function pci_functions[PCI_MAX_FUNCTIONS];
unsigned pci_function_count;

static uint32_t cfg_address(unsigned bus, unsigned dev, unsigned fn, unsigned off)
{
    return 0x80000000u | (bus << 16) | (dev << 11) | (fn << 8) | (off & 0xfcu);
}

uint32_t pci_cfg_read32(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off)
{
    uint32_t ee = cpu_irq_save();
    mmio_write_le32(h->cfg_addr, cfg_address(bus, dev, fn, off));
    uint32_t v = mmio_read_le32(h->cfg_data);
    cpu_irq_restore(ee);
    return v;
}

uint16_t pci_cfg_read16(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off)
{
    return (uint16_t)(pci_cfg_read32(h, bus, dev, fn, off) >> ((off & 2) * 8));
}

uint8_t pci_cfg_read8(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off)
{
    return (uint8_t)(pci_cfg_read32(h, bus, dev, fn, off) >> ((off & 3) * 8));
}

void pci_cfg_write32(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off, uint32_t v)
{
    uint32_t ee = cpu_irq_save();
    mmio_write_le32(h->cfg_addr, cfg_address(bus, dev, fn, off));
    mmio_write_le32(h->cfg_data, v);
    cpu_irq_restore(ee);
}

static void cfg_write_sub(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off, uint32_t v, unsigned bytes)
{
    uint32_t ee = cpu_irq_save();
    if (h->cfg_write32_only) {
        unsigned shift = (off & 3) * 8;
        uint32_t mask = (bytes == 1 ? 0xffu : 0xffffu) << shift;
        uint32_t old = pci_cfg_read32(h, bus, dev, fn, off);
        /* The status register (0x06) is write-1-to-clear: never write its bits back. */
        if ((off & ~3u) == 0x04 && off < 0x06) old &= 0x0000ffffu;
        pci_cfg_write32(h, bus, dev, fn, off, (old & ~mask) | ((v << shift) & mask));
    } else {
        mmio_write_le32(h->cfg_addr, cfg_address(bus, dev, fn, off));
        if (bytes == 1) mmio_write8(h->cfg_data + (off & 3), (uint8_t)v);
        else mmio_write_le16(h->cfg_data + (off & 2), (uint16_t)v);
    }
    cpu_irq_restore(ee);
}

void pci_cfg_write16(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off, uint16_t v)
{ cfg_write_sub(h, bus, dev, fn, off, v, 2); }

void pci_cfg_write8(const struct pci_host *h, unsigned bus, unsigned dev, unsigned fn, unsigned off, uint8_t v)
{ cfg_write_sub(h, bus, dev, fn, off, v, 1); }

struct window_alloc { uint32_t mem_next, mem_end, io_next; };

static uint32_t align_up(uint32_t v, uint32_t a) { return (v + a - 1) & ~(a - 1); }

/* Sizes and assigns one function's BARs (PCI 3.0, 6.2.5.1), then enables decoding. */
static void assign_bars(struct pci_function *f, struct window_alloc *w)
{
    const struct pci_host *h = f->host;
    pci_write16(f, 0x04, 0);                            /* decoders off while sizing */
    for (unsigned i = 0; i < PCI_MAX_BARS; i++) {
        unsigned off = 0x10 + 4 * i;
        uint32_t old = pci_read32(f, off);
        pci_write32(f, off, 0xffffffffu);
        uint32_t probe = pci_read32(f, off);
        pci_write32(f, off, old);
        if (probe == 0 || probe == 0xffffffffu) continue;
        struct pci_bar *b = &f->bar[i];
        if (probe & 1) {
            uint32_t size = (~(probe & ~3u) + 1) & 0xffffu;
            if (!size) continue;
            w->io_next = align_up(w->io_next, size);
            b->io = 1; b->size = size; b->bus = w->io_next; b->cpu = (uint32_t)h->io_cpu + w->io_next;
            pci_write32(f, off, w->io_next);
            w->io_next += size;
        } else {
            uint32_t size = ~(probe & ~15u) + 1;
            b->is64 = ((probe >> 1) & 3) == 2;
            b->prefetch = (probe >> 3) & 1;
            uint32_t at = align_up(w->mem_next, size < 4096 ? 4096 : size);
            if (at + size > w->mem_end || at + size < at) { kprintf("pci: no room for BAR%u of %02x:%02x.%u\n", i, f->bus, f->dev, f->fn); continue; }
            b->size = size; b->bus = at; b->cpu = (uint32_t)h->mem_cpu + (at - h->mem_bus);
            pci_write32(f, off, at);
            if (b->is64) pci_write32(f, off + 4, 0);    /* high dword: the window is below 4 GiB */
            w->mem_next = at + size;
        }
        if (b->is64) i++;
    }
    pci_write16(f, 0x04, 0x0007);                       /* I/O space, memory space, bus master */
}

void pci_enumerate(void)
{
    pci_function_count = 0;
    for (unsigned hi = 0; hi < board.nhosts; hi++) {
        const struct pci_host *h = &board.hosts[hi];
        struct window_alloc w = { h->mem_bus + 0x01000000u, h->mem_bus + h->mem_size, 0x1000 };
        for (unsigned dev = 0; dev < 32; dev++) {
            for (unsigned fn = 0; fn < 8; fn++) {
                uint32_t id = pci_cfg_read32(h, 0, dev, fn, 0);
                if (id == 0xffffffffu || id == 0) { if (fn == 0) break; continue; }
                if (pci_function_count == PCI_MAX_FUNCTIONS) panic("pci: more than %u functions", PCI_MAX_FUNCTIONS);
                struct pci_function *f = &pci_functions[pci_function_count++];
                f->host = h; f->bus = 0; f->dev = (uint8_t)dev; f->fn = (uint8_t)fn;
                f->vendor = (uint16_t)id; f->device = (uint16_t)(id >> 16);
                f->class_rev = pci_cfg_read32(h, 0, dev, fn, 0x08);
                f->header_type = pci_cfg_read8(h, 0, dev, fn, 0x0e);
                f->int_pin = pci_cfg_read8(h, 0, dev, fn, 0x3d);
                f->irq = IRQ_NONE;
                uint8_t base_class = (uint8_t)(f->class_rev >> 24);
                /* Leave bridges and the south bridge's legacy functions as QEMU set them. */
                int ordinary = (f->header_type & 0x7f) == 0 && base_class != 0x06 && f->vendor != 0x1106;
                if (ordinary) {
                    assign_bars(f, &w);
                    if (f->int_pin) {
                        f->irq = board.irq_route(h, 0, dev, fn, f->int_pin);
                        pci_cfg_write8(h, 0, dev, fn, 0x3c, (uint8_t)f->irq);
                    }
                }
                if (fn == 0 && !(f->header_type & 0x80)) break;
            }
        }
    }
}

struct pci_function *pci_find(uint16_t vendor, uint16_t device, unsigned index)
{
    for (unsigned i = 0; i < pci_function_count; i++)
        if (pci_functions[i].vendor == vendor && pci_functions[i].device == device && index-- == 0)
            return &pci_functions[i];
    return 0;
}
