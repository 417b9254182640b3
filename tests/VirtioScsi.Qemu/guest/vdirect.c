#include <string.h>
#include "harness/cpu.h"
#include "harness/pci.h"
#include "harness/mem.h"
#include "harness/console.h"
#include "guest/vdirect.h"

/* virtio_pci_common_cfg offsets (virtio 1.0, 4.1.4.3) */
#define CC_DFSELECT 0x00
#define CC_DF 0x04
#define CC_GFSELECT 0x08
#define CC_GF 0x0c
#define CC_STATUS 0x14
#define CC_Q_SELECT 0x16
#define CC_Q_SIZE 0x18
#define CC_Q_ENABLE 0x1c
#define CC_Q_NOTIFY_OFF 0x1e
#define CC_Q_DESC 0x20
#define CC_Q_AVAIL 0x28
#define CC_Q_USED 0x30
#define SCSI_REQUEST_QUEUE 2
#define BLK_REQUEST_QUEUE 0
#define QSIZE 64
#define REQ_SIZE 51         /* virtio_scsi_cmd_req with 32-byte CDB */
#define RESP_SIZE 108       /* virtio_scsi_cmd_resp with 96-byte sense */

struct slot_buf { uint8_t req[64]; uint8_t resp[128]; };

static struct pci_function *fn;
static uptr common, notify, isr;
static uint16_t avail_idx, last_used;
static uint8_t *desc, *avail, *used;
static struct slot_buf *bufs;
/* virtio-blk (vdirect_open_blk) instead of virtio-scsi: request queue 0, requests as virtio 1.0 5.2.6. */
static int blk;
static unsigned request_queue = SCSI_REQUEST_QUEUE;

/* Ring fields: little-endian on the modern transport, guest-native (big-endian) on legacy
 * (virtio 1.0, 2.4 and 4.1.4.8 "Legacy Interfaces"). */
static int legacy;
static uptr io;             /* legacy: CPU address of the I/O BAR */
static void r16(uint8_t *p, uint16_t v) { if (legacy) *(volatile uint16_t *)p = v; else ram_st_le16(p, v); }
static void r32(uint8_t *p, uint32_t v) { if (legacy) *(volatile uint32_t *)p = v; else ram_st_le32(p, v); }
static uint16_t l16(const uint8_t *p) { return legacy ? *(const volatile uint16_t *)p : ram_ld_le16(p); }
static uint32_t l32(const uint8_t *p) { return legacy ? *(const volatile uint32_t *)p : ram_ld_le32(p); }
static void st64(uint8_t *p, uint32_t v)
{
    if (legacy) { r32(p, 0); r32(p + 4, v); } else { r32(p, v); r32(p + 4, 0); }
}
static uint32_t ld64_low(const uint8_t *p) { return legacy ? l32(p + 4) : l32(p); }

/* Legacy I/O registers (virtio 1.0, 4.1.4.8): little-endian port accesses. */
#define LEG_HOST_FEATURES 0x00
#define LEG_GUEST_FEATURES 0x04
#define LEG_QUEUE_PFN 0x08
#define LEG_QUEUE_SIZE 0x0c
#define LEG_QUEUE_SELECT 0x0e
#define LEG_QUEUE_NOTIFY 0x10
#define LEG_STATUS 0x12
#define LEG_ISR 0x13
static unsigned qsize;
static uint8_t *legacy_ring;

static int open_legacy(void)
{
    io = 0;
    for (unsigned b = 0; b < PCI_MAX_BARS; b++) if (fn->bar[b].size && fn->bar[b].io) { io = fn->bar[b].cpu; break; }
    if (!io) return 0;
    legacy = 1;
    mmio_write8(io + LEG_STATUS, 0);
    mmio_write8(io + LEG_STATUS, 1 | 2);
    (void)mmio_read_le32(io + LEG_HOST_FEATURES);
    mmio_write_le32(io + LEG_GUEST_FEATURES, 0);
    mmio_write_le16(io + LEG_QUEUE_SELECT, (uint16_t)request_queue);
    qsize = mmio_read_le16(io + LEG_QUEUE_SIZE);                      /* fixed by the device */
    if (qsize < QSIZE) return 0;
    uint32_t avail_off = 16 * qsize, used_off = (avail_off + 6 + 2 * qsize + 4095) & ~4095u;
    uint32_t total = used_off + ((6 + 8 * qsize + 4095) & ~4095u);
    legacy_ring = mem_alloc(total, 4096);
    memset(legacy_ring, 0, total);
    desc = legacy_ring; avail = legacy_ring + avail_off; used = legacy_ring + used_off;
    bufs = mem_alloc(sizeof(struct slot_buf) * VDIRECT_SLOTS, 64);
    avail_idx = last_used = 0;
    mmio_write_le32(io + LEG_QUEUE_PFN, (uint32_t)(uptr)legacy_ring >> 12);
    notify = io + LEG_QUEUE_NOTIFY;
    isr = io + LEG_ISR;
    common = io;
    mmio_write8(io + LEG_STATUS, 1 | 2 | 4);
    vdirect_interrupts(0);
    return 1;
}

static int open_function(void);

int vdirect_open(void)
{
    fn = pci_find(0x1af4, 0x1004, 0);
    if (!fn) fn = pci_find(0x1af4, 0x1048, 0);
    if (!fn) return 0;
    blk = 0;
    request_queue = SCSI_REQUEST_QUEUE;
    return open_function();
}

int vdirect_open_blk(void)
{
    fn = pci_find(0x1af4, 0x1001, 0);
    if (!fn) fn = pci_find(0x1af4, 0x1042, 0);
    if (!fn) return 0;
    blk = 1;
    request_queue = BLK_REQUEST_QUEUE;
    return open_function();
}

static int open_function(void)
{
    common = notify = isr = 0;
    legacy = 0;
    qsize = QSIZE;
    uint32_t mult = 0;
    if (!(pci_read16(fn, 0x06) & 0x10)) return open_legacy();
    for (unsigned p = pci_read8(fn, 0x34) & 0xfc; p; p = pci_read8(fn, p + 1) & 0xfc) {
        if (pci_read8(fn, p) != 0x09) continue;
        unsigned type = pci_read8(fn, p + 3), bar = pci_read8(fn, p + 4);
        uint32_t off = pci_read32(fn, p + 8);
        if (bar >= PCI_MAX_BARS || !fn->bar[bar].size || fn->bar[bar].io) continue;
        uptr at = fn->bar[bar].cpu + off;
        if (type == 1) common = at;
        else if (type == 2) { notify = at; mult = pci_read32(fn, p + 16); }
        else if (type == 3) isr = at;
    }
    if (!common || !notify || !isr) return open_legacy();
    mmio_write8(common + CC_STATUS, 0);
    while (mmio_read8(common + CC_STATUS)) ;
    mmio_write8(common + CC_STATUS, 1 | 2);
    mmio_write_le32(common + CC_GFSELECT, 0); mmio_write_le32(common + CC_GF, 0);
    mmio_write_le32(common + CC_GFSELECT, 1); mmio_write_le32(common + CC_GF, 1);   /* VERSION_1 only */
    mmio_write8(common + CC_STATUS, 1 | 2 | 8);
    if (!(mmio_read8(common + CC_STATUS) & 8)) return 0;
    mmio_write_le16(common + CC_Q_SELECT, (uint16_t)request_queue);
    if (mmio_read_le16(common + CC_Q_SIZE) < QSIZE) return 0;
    mmio_write_le16(common + CC_Q_SIZE, QSIZE);
    desc = mem_alloc(16 * QSIZE, 4096);
    avail = mem_alloc(6 + 2 * QSIZE, 4096);
    used = mem_alloc(6 + 8 * QSIZE, 4096);
    bufs = mem_alloc(sizeof(struct slot_buf) * VDIRECT_SLOTS, 64);
    memset(desc, 0, 16 * QSIZE); memset(avail, 0, 6 + 2 * QSIZE); memset(used, 0, 6 + 8 * QSIZE);
    avail_idx = last_used = 0;
    mmio_write_le32(common + CC_Q_DESC, (uint32_t)(uptr)desc); mmio_write_le32(common + CC_Q_DESC + 4, 0);
    mmio_write_le32(common + CC_Q_AVAIL, (uint32_t)(uptr)avail); mmio_write_le32(common + CC_Q_AVAIL + 4, 0);
    mmio_write_le32(common + CC_Q_USED, (uint32_t)(uptr)used); mmio_write_le32(common + CC_Q_USED + 4, 0);
    notify += mmio_read_le16(common + CC_Q_NOTIFY_OFF) * mult;
    mmio_write_le16(common + CC_Q_ENABLE, 1);
    mmio_write8(common + CC_STATUS, 1 | 2 | 4 | 8);
    vdirect_interrupts(0);
    return 1;
}

void vdirect_interrupts(int on) { r16(avail, on ? 0 : 1); cpu_sync(); }
int vdirect_is_legacy(void) { return legacy; }
uint8_t vdirect_read_isr(void) { return mmio_read8(isr); }
unsigned vdirect_irq(void) { return fn ? fn->irq : 0xff; }

void vdirect_submit(unsigned slot, unsigned target, const uint8_t *cdb, unsigned cdb_len, void *data, uint32_t len, int to_device)
{
    vdirect_queue(slot, target, cdb, cdb_len, data, len, to_device);
    vdirect_kick();
}

void vdirect_kick(void)
{
    cpu_sync();
    r16(avail + 2, avail_idx);
    cpu_sync();
    mmio_write_le16(notify, (uint16_t)request_queue);
}

void vdirect_queue(unsigned slot, unsigned target, const uint8_t *cdb, unsigned cdb_len, void *data, uint32_t len, int to_device)
{
    struct slot_buf *b = &bufs[slot];
    memset(b->req, 0, REQ_SIZE);
    b->req[0] = 1; b->req[1] = (uint8_t)target; b->req[2] = 0x40; b->req[3] = 0;   /* LUN 0 of target */
    ram_st_le32(b->req + 8, slot);                                                   /* tag */
    memcpy(b->req + 19, cdb, cdb_len);
    uint8_t *d = desc + 16 * (3 * slot);
    unsigned n = 0;
    /* Order (virtio 1.0, 5.6.6.1): request, data-out, response, data-in. */
    st64(d, (uint32_t)(uptr)b->req); r32(d + 8, REQ_SIZE); n++;
    if (len && to_device) { st64(d + 16 * n, (uint32_t)(uptr)data); r32(d + 16 * n + 8, len); n++; }
    st64(d + 16 * n, (uint32_t)(uptr)b->resp); r32(d + 16 * n + 8, RESP_SIZE); n++;
    if (len && !to_device) { st64(d + 16 * n, (uint32_t)(uptr)data); r32(d + 16 * n + 8, len); n++; }
    for (unsigned i = 0; i < n; i++) {
        /* WRITE (device-writable) for the response and a data-in buffer */
        uint32_t addr = ld64_low(d + 16 * i);
        int writable = addr == (uint32_t)(uptr)b->resp || (!to_device && len && addr == (uint32_t)(uptr)data);
        uint16_t flags = (uint16_t)((i + 1 < n ? 1 : 0) | (writable ? 2 : 0));
        r16(d + 16 * i + 12, flags);
        r16(d + 16 * i + 14, (uint16_t)(3 * slot + i + 1));
    }
    r16(avail + 4 + 2 * (avail_idx % qsize), (uint16_t)(3 * slot));
    avail_idx++;
}

void vdirect_blk_queue(unsigned slot, uint64_t sector, void *data, uint32_t len, int to_device)
{
    struct slot_buf *b = &bufs[slot];
    /* struct virtio_blk_outhdr: type, reserved/ioprio, sector; little-endian on the modern transport,
     * guest-native on legacy (virtio 1.0, 5.2.6.3). */
    memset(b->req, 0, 16);
    r32(b->req, to_device ? 1u : 0u);                /* VIRTIO_BLK_T_OUT / VIRTIO_BLK_T_IN */
    if (legacy) { r32(b->req + 8, (uint32_t)(sector >> 32)); r32(b->req + 12, (uint32_t)sector); }
    else { r32(b->req + 8, (uint32_t)sector); r32(b->req + 12, (uint32_t)(sector >> 32)); }
    b->resp[0] = 0xff;
    uint8_t *d = desc + 16 * (3 * slot);
    st64(d, (uint32_t)(uptr)b->req); r32(d + 8, 16); r16(d + 12, 1); r16(d + 14, (uint16_t)(3 * slot + 1));
    st64(d + 16, (uint32_t)(uptr)data); r32(d + 24, len); r16(d + 28, (uint16_t)(1 | (to_device ? 0 : 2))); r16(d + 30, (uint16_t)(3 * slot + 2));
    st64(d + 32, (uint32_t)(uptr)b->resp); r32(d + 40, 1); r16(d + 44, 2); r16(d + 46, 0);
    r16(avail + 4 + 2 * (avail_idx % qsize), (uint16_t)(3 * slot));
    avail_idx++;
}

int vdirect_poll(unsigned *status)
{
    if (l16(used + 2) == last_used) return -1;
    cpu_sync();
    uint8_t *e = used + 4 + 8 * (last_used % qsize);
    unsigned head = l32(e);
    last_used++;
    unsigned slot = head / 3;
    if (slot >= VDIRECT_SLOTS) return -1;
    struct slot_buf *b = &bufs[slot];
    if (status) *status = blk ? b->resp[0] : b->resp[11] ? 0x100u | b->resp[11] : b->resp[10];
    return (int)slot;
}

void vdirect_close(void)
{
    if (!common) return;
    if (legacy) {
        mmio_write8(io + LEG_STATUS, 0);
        mmio_write_le32(io + LEG_QUEUE_PFN, 0);
        mem_free(legacy_ring);
    } else {
        mmio_write8(common + CC_STATUS, 0);
        while (mmio_read8(common + CC_STATUS)) ;
        mem_free(desc); mem_free(avail); mem_free(used);
    }
    mem_free(bufs);
    common = 0;
}
