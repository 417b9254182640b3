/*
 * expansion.library's "pci" interface (IPCI) and PCIDevice objects over the harness PCI layer.
 * The test declarations give PCIDevice methods no Self parameter, so each device object is
 * backed by one of a few fixed method sets ("slots"), each bound to one PCI function.
 * I/O methods take a PCI I/O port number (an I/O range's Physical + offset, as drivers pass it
 * to expansion.library), reach it through the host bridge's I/O window and do the bus's
 * little-endian conversion. Memory ranges: BaseAddress is the CPU address, Physical the bus one.
 */
#include <stdarg.h>
#include <string.h>
#include "harness/exec.h"
#include "harness/pci.h"
#include "harness/mem.h"
#include "harness/console.h"

#define PCI_SLOTS 8

struct pci_slot {
    struct PCIDevice iface;
    struct pci_function *fn;
    int in_use;
    struct PCICapability caps[16];
    unsigned ncaps;
};
static struct pci_slot slots[PCI_SLOTS];

static uptr io_address(const struct pci_slot *s, uint32 port)
{
    if (port > 0xffffu) kprintf("PCIDevice: I/O port %08x is not a port number\n", port);
    return s->fn->host->io_cpu + (port & 0xffffu);
}

static struct PCIResourceRange *get_range(struct pci_slot *s, uint32 bar)
{
    if (bar >= PCI_MAX_BARS || !s->fn->bar[bar].size) return 0;
    const struct pci_bar *b = &s->fn->bar[bar];
    struct PCIResourceRange *r = mem_alloc(sizeof *r, 16);
    if (!r) return 0;
    memset(r, 0, sizeof *r);
    r->BaseAddress = b->cpu;
    r->Physical = b->bus;
    r->Size = b->size;
    r->Flags = b->io ? PCI_RANGE_IO : PCI_RANGE_MEMORY | (b->prefetch ? PCI_RANGE_PREFETCH : 0);
    return r;
}

static void free_range(struct PCIResourceRange *r) { mem_free(r); }

/* Capability list (PCI 3.0, 6.7): snapshot taken when the device is found. */
static void read_caps(struct pci_slot *s)
{
    s->ncaps = 0;
    if (!(pci_read16(s->fn, 0x06) & 0x10)) return;
    unsigned p = pci_read8(s->fn, 0x34) & 0xfc;
    while (p && s->ncaps < 16) {
        struct PCICapability *c = &s->caps[s->ncaps++];
        memset(c, 0, sizeof *c);
        c->Type = pci_read8(s->fn, p);
        c->CapOffset = p;
        c->Size = c->Type == 0x09 ? pci_read8(s->fn, p + 2) : 0;
        p = pci_read8(s->fn, p + 1) & 0xfc;
    }
}

static struct PCICapability *first_cap(struct pci_slot *s) { return s->ncaps ? &s->caps[0] : 0; }
static struct PCICapability *next_cap(struct pci_slot *s, struct PCICapability *c)
{
    if (!c || c < s->caps || c >= s->caps + s->ncaps) return 0;
    return c + 1 < s->caps + s->ncaps ? c + 1 : 0;
}

#define SLOT_METHODS(k) \
    static uint32 Obtain##k(void) { return ++slots[k].iface.Data.RefCount; } \
    static uint32 Release##k(void) { return --slots[k].iface.Data.RefCount; } \
    static void Expunge##k(void) {} \
    static struct Interface *Clone##k(void) { return 0; } \
    static uint8 RCB##k(uint32 o) { return pci_read8(slots[k].fn, o); } \
    static void WCB##k(uint32 o, uint8 v) { pci_write8(slots[k].fn, o, v); } \
    static uint16 RCW##k(uint32 o) { return pci_read16(slots[k].fn, o); } \
    static void WCW##k(uint32 o, uint16 v) { pci_write16(slots[k].fn, o, v); } \
    static uint32 RCL##k(uint32 o) { return pci_read32(slots[k].fn, o); } \
    static void WCL##k(uint32 o, uint32 v) { pci_write32(slots[k].fn, o, v); } \
    static struct PCIResourceRange *GRR##k(uint32 bar) { return get_range(&slots[k], bar); } \
    static uint32 MapInt##k(void) { return slots[k].fn->irq; } \
    static struct PCICapability *FirstCap##k(void) { return first_cap(&slots[k]); } \
    static struct PCICapability *NextCap##k(struct PCICapability *c) { return next_cap(&slots[k], c); } \
    static uint8 InByte##k(uint32 p) { return mmio_read8(io_address(&slots[k], p)); } \
    static void OutByte##k(uint32 p, uint8 v) { mmio_write8(io_address(&slots[k], p), v); } \
    static uint16 InWord##k(uint32 p) { return mmio_read_le16(io_address(&slots[k], p)); } \
    static void OutWord##k(uint32 p, uint16 v) { mmio_write_le16(io_address(&slots[k], p), v); } \
    static uint32 InLong##k(uint32 p) { return mmio_read_le32(io_address(&slots[k], p)); } \
    static void OutLong##k(uint32 p, uint32 v) { mmio_write_le32(io_address(&slots[k], p), v); } \
    static const struct PCIDevice methods##k = { \
        .Obtain = Obtain##k, .Release = Release##k, .Expunge = Expunge##k, .Clone = Clone##k, \
        .InByte = InByte##k, .OutByte = OutByte##k, .InWord = InWord##k, .OutWord = OutWord##k, \
        .InLong = InLong##k, .OutLong = OutLong##k, \
        .ReadConfigByte = RCB##k, .WriteConfigByte = WCB##k, .ReadConfigWord = RCW##k, \
        .WriteConfigWord = WCW##k, .ReadConfigLong = RCL##k, .WriteConfigLong = WCL##k, \
        .GetResourceRange = GRR##k, .FreeResourceRange = free_range, .MapInterrupt = MapInt##k, \
        .GetFirstCapability = FirstCap##k, .GetNextCapability = NextCap##k, \
    };
SLOT_METHODS(0)
SLOT_METHODS(1)
SLOT_METHODS(2)
SLOT_METHODS(3)
SLOT_METHODS(4)
SLOT_METHODS(5)
SLOT_METHODS(6)
SLOT_METHODS(7)
static const struct PCIDevice *const slot_methods[PCI_SLOTS] = {
    &methods0, &methods1, &methods2, &methods3, &methods4, &methods5, &methods6, &methods7,
};

static struct PCIDevice *FindDeviceTags_(uint32 tag1, ...)
{
    uint32 vendor = 0xffffffffu, device = 0xffffffffu, index = 0, class_code = 0xffffffffu;
    va_list ap; va_start(ap, tag1);
    for (uint32 tag = tag1; tag != TAG_DONE; tag = va_arg(ap, uint32)) {
        uint32 data = va_arg(ap, uint32);
        switch (tag) {
        case FDT_VendorID: vendor = data; break;
        case FDT_DeviceID: device = data; break;
        case FDT_Index: index = data; break;
        case FDT_Class: class_code = data; break;
        default: kprintf("IPCI: FindDeviceTags: unknown tag %08x\n", tag); break;
        }
    }
    va_end(ap);
    for (unsigned i = 0; i < pci_function_count; i++) {
        struct pci_function *f = &pci_functions[i];
        if (vendor != 0xffffffffu && f->vendor != vendor) continue;
        if (device != 0xffffffffu && f->device != device) continue;
        if (class_code != 0xffffffffu && (f->class_rev >> 8) != class_code) continue;
        if (index--) continue;
        for (unsigned k = 0; k < PCI_SLOTS; k++) {
            if (slots[k].in_use) continue;
            slots[k].iface = *slot_methods[k];
            slots[k].iface.Data.RefCount = 1;
            slots[k].fn = f;
            slots[k].in_use = 1;
            read_caps(&slots[k]);
            return &slots[k].iface;
        }
        kprintf("IPCI: FindDeviceTags: more than %d devices in use\n", PCI_SLOTS);
        return 0;
    }
    return 0;
}

static void FreeDevice_(struct PCIDevice *d)
{
    for (unsigned k = 0; k < PCI_SLOTS; k++)
        if (&slots[k].iface == d) { slots[k].in_use = 0; return; }
    kprintf("IPCI: FreeDevice(%p): not a device from FindDeviceTags\n", (void *)d);
}

static struct PCIIFace pci_iface;
static uint32 P_Obtain(void) { return ++pci_iface.Data.RefCount; }
static uint32 P_Release(void) { return --pci_iface.Data.RefCount; }
static void P_Expunge(void) {}
static struct Interface *P_Clone(void) { return 0; }

struct PCIIFace *exec_pci_interface(void);
struct PCIIFace *exec_pci_interface(void)
{
    pci_iface = (struct PCIIFace){
        .Obtain = P_Obtain, .Release = P_Release, .Expunge = P_Expunge, .Clone = P_Clone,
        .FindDeviceTags = FindDeviceTags_, .FreeDevice = FreeDevice_,
    };
    pci_iface.Data.Version = 1;
    pci_iface.Data.RefCount = 1;
    return &pci_iface;
}

/* Number of PCIDevice objects not yet freed (a leak check for the tests). */
unsigned exec_pci_devices_in_use(void);
unsigned exec_pci_devices_in_use(void)
{
    unsigned n = 0;
    for (unsigned k = 0; k < PCI_SLOTS; k++) n += slots[k].in_use;
    return n;
}
