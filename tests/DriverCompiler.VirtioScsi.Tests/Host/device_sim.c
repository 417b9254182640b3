/*
 * A user-mode stand-in for AmigaOS exec and for a legacy virtio-scsi PCI function, so the whole
 * emitted virtioscsi.device (driver + device skeleton) runs under qemu-ppc (big-endian, 32-bit
 * pointers, as on AmigaOS) before any real machine: exec loads it through its resident tag and
 * CreateLibrary tags, and a test program uses it only through the __device manager interface.
 *
 * - Tasks: cooperative, on ucontext; Wait/Signal/SetSignal/AllocSignal as exec defines them.
 * - Memory: AllocVecTags honours AVT_Alignment and AVT_ClearWithValue and fills uncleared memory
 *   with 0xA5; every block and every StartDMA mapping is tracked, so leaks show at the end.
 *   StartDMA splits a buffer at 64 KiB boundaries unless it was allocated AVT_Contiguous.
 * - The device: run as "device_sim legacy" the VirtIO 1.2 legacy interface (4.1.4.10) in I/O space
 *   (rings in guest byte order); as "device_sim modern" the VirtIO 1.x interface: vendor
 *   capabilities, common configuration, notify and ISR in a memory BAR (reached through the
 *   MMIO hooks of sim-include/drv/amigaos4.h), little-endian rings, indirect descriptors.
 *   EVENT_IDX used_event decides interrupts (2.7.10).
 *   Requests complete later, a few at a time, whenever the scheduler runs; an interrupt calls the
 *   registered server. SCSI: INQUIRY, TEST UNIT READY, READ CAPACITY(10/16), READ/WRITE(10/16),
 *   SYNCHRONIZE CACHE(10), a power-on UNIT ATTENTION per target, BAD_TARGET past the last one.
 *
 * Prints one line per check and "N passed, M failed".
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include "virtioscsi.h"
#include <exec/resident.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static uint32 rng_state = 12345;
static uint32 rng(void) { rng_state = rng_state * 1103515245u + 12345u; return rng_state >> 8; }

/* ------------------------------------------------------------------ tasks */

#define MAX_TASKS 24
struct SimTask {
    ucontext_t ctx;
    int used, ready, dead;
    uint32 alloc, recvd, waiting;
    void (*entry)(APTR);
    APTR arg;
    char *stack;
    const char *name;
};
static struct SimTask tasks[MAX_TASKS];
static int current;
static void device_step(int budget);

static struct Task *as_task(int i) { return (struct Task *)(void *)&tasks[i]; }

static int npending_dbg(void);
static void dbg_units(void);
static uint16 dbg_used(void);
static uint16 dbg_avail(void);
static unsigned long switches;
static void dump(void)
{
    int i;
    printf("switches %lu pending %d used %u avail %u\n", switches, npending_dbg(), (unsigned)dbg_used(), (unsigned)dbg_avail());
    for (i = 0; i < MAX_TASKS; i++)
        if (tasks[i].used && !tasks[i].dead)
            printf("  task %d %s ready %d waiting %x recvd %x\n", i, tasks[i].name, tasks[i].ready, tasks[i].waiting, tasks[i].recvd);
    dbg_units();
}
static void schedule(void)
{
    int spins;
    if (++switches % 2000000 == 0) dump();
    for (spins = 0; spins < 100000; spins++) {
        int i, n;
        device_step(1 + (int)(rng() % 3));
        for (n = 1; n <= MAX_TASKS; n++) {
            i = (current + n) % MAX_TASKS;
            if (tasks[i].used && tasks[i].ready && !tasks[i].dead) {
                int from = current;
                if (i == from) return;
                current = i;
                swapcontext(&tasks[from].ctx, &tasks[i].ctx);
                return;
            }
        }
    }
    printf("FATAL: deadlock, no task ready\n");
    exit(3);
}

static void trampoline(int i)
{
    tasks[i].entry(tasks[i].arg);
    tasks[i].dead = 1;
    tasks[i].ready = 0;
    schedule();
}

static void sim_Signal(struct Task *task, uint32 set)
{
    struct SimTask *t = (struct SimTask *)(void *)task;
    t->recvd |= set;
    if (t->recvd & t->waiting) t->ready = 1;
}

static uint32 sim_Wait(uint32 set)
{
    struct SimTask *t = &tasks[current];
    uint32 got;
    t->waiting = set;
    while ((t->recvd & set) == 0) {
        t->ready = 0;
        schedule();
    }
    t->ready = 1;
    t->waiting = 0;
    got = t->recvd & set;
    t->recvd &= ~got;
    return got;
}

static uint32 sim_SetSignal(uint32 newsig, uint32 set)
{
    struct SimTask *t = &tasks[current];
    uint32 old = t->recvd;
    t->recvd = (t->recvd & ~set) | (newsig & set);
    /* A polling loop gives the others (and the device) a turn. */
    schedule();
    return old;
}

static int8 sim_AllocSignal(int32 n)
{
    struct SimTask *t = &tasks[current];
    int b;
    (void)n;
    for (b = 16; b < 32; b++)
        if ((t->alloc & (1u << b)) == 0) { t->alloc |= 1u << b; t->recvd &= ~(1u << b); return (int8)b; }
    return -1;
}

static void sim_FreeSignal(int32 n) { if (n >= 0) tasks[current].alloc &= ~(1u << n); }
static struct Task *sim_FindTask(CONST_STRPTR name) { (void)name; return as_task(current); }
static void sim_Forbid(void) { }
static void sim_Permit(void) { }

static int create_task(const char *name, void (*entry)(APTR), APTR arg)
{
    volatile int i;
    for (i = 1; i < MAX_TASKS; i++) if (!tasks[i].used || tasks[i].dead) break;
    if (i == MAX_TASKS) return -1;
    free(tasks[i].stack);
    memset(&tasks[i], 0, sizeof tasks[i]);
    tasks[i].used = 1; tasks[i].ready = 1; tasks[i].entry = entry; tasks[i].arg = arg; tasks[i].name = name;
    tasks[i].stack = malloc(256 * 1024);
    getcontext(&tasks[i].ctx);
    tasks[i].ctx.uc_stack.ss_sp = tasks[i].stack;
    tasks[i].ctx.uc_stack.ss_size = 256 * 1024;
    tasks[i].ctx.uc_link = NULL;
    makecontext(&tasks[i].ctx, (void (*)(void))trampoline, 1, i);
    return i;
}

static int unit_tasks_created;
static struct Task *sim_CreateTaskTags(CONST_STRPTR name, int32 pri, CONST_APTR pc, uint32 stack, ...)
{
    va_list ap;
    uint32 tag;
    APTR arg = NULL;
    int i;
    (void)pri; (void)stack;
    va_start(ap, stack);
    while ((tag = va_arg(ap, uint32)) != TAG_DONE) {
        uint32 data = va_arg(ap, uint32);
        if (tag == AT_Param1) arg = (APTR)data;
    }
    va_end(ap);
    i = create_task(name, (void (*)(APTR))pc, arg);
    if (i < 0) return NULL;
    unit_tasks_created++;
    return as_task(i);
}

/* ------------------------------------------------------------------ lists, ports, mutexes */

static void sim_NewList(struct List *l)
{
    l->lh_Head = (struct Node *)&l->lh_Tail;
    l->lh_Tail = NULL;
    l->lh_TailPred = (struct Node *)&l->lh_Head;
}

static void add_tail(struct List *l, struct Node *n)
{
    n->ln_Succ = (struct Node *)&l->lh_Tail;
    n->ln_Pred = l->lh_TailPred;
    l->lh_TailPred->ln_Succ = n;
    l->lh_TailPred = n;
}

static void sim_Remove(struct Node *n) { n->ln_Pred->ln_Succ = n->ln_Succ; n->ln_Succ->ln_Pred = n->ln_Pred; }

static struct Node *rem_head(struct List *l)
{
    struct Node *n = l->lh_Head;
    if (n->ln_Succ == NULL) return NULL;
    sim_Remove(n);
    return n;
}

static void sim_PutMsg(struct MsgPort *port, struct Message *m)
{
    m->mn_Node.ln_Type = NT_MESSAGE;
    add_tail(&port->mp_MsgList, &m->mn_Node);
    if (port->mp_SigTask != NULL) sim_Signal((struct Task *)port->mp_SigTask, 1u << port->mp_SigBit);
}

static struct Message *sim_GetMsg(struct MsgPort *port) { return (struct Message *)rem_head(&port->mp_MsgList); }

static void sim_ReplyMsg(struct Message *m)
{
    struct MsgPort *port = m->mn_ReplyPort;
    m->mn_Node.ln_Type = NT_REPLYMSG;
    if (port == NULL) return;
    add_tail(&port->mp_MsgList, &m->mn_Node);
    if (port->mp_SigTask != NULL) sim_Signal((struct Task *)port->mp_SigTask, 1u << port->mp_SigBit);
}

/* Exec mutexes: one owner, nestable; another task blocks (here: yields) until it is free. */
struct SimMutex { int owner; int count; };
static int mutexes_live, ports_live;
static void sim_MutexObtain(APTR m)
{
    struct SimMutex *x = m;
    while (x->count != 0 && x->owner != current) schedule();
    x->owner = current;
    x->count++;
}
static void sim_MutexRelease(APTR m)
{
    struct SimMutex *x = m;
    if (x->count == 0 || x->owner != current) { printf("FATAL: MutexRelease by a task that does not own it\n"); exit(8); }
    x->count--;
}

static struct MsgPort *new_port(void)
{
    struct MsgPort *p = calloc(1, sizeof *p);
    p->mp_Node.ln_Type = NT_MSGPORT;
    p->mp_SigBit = (uint8)sim_AllocSignal(-1);
    p->mp_SigTask = as_task(current);
    sim_NewList(&p->mp_MsgList);
    return p;
}

static APTR sim_AllocSysObjectTags(uint32 type, ...)
{
    if (type == ASOT_PORT) { ports_live++; return new_port(); }
    if (type == ASOT_MUTEX) { mutexes_live++; return calloc(1, sizeof(struct SimMutex)); }
    return NULL;
}

static void sim_FreeSysObject(uint32 type, APTR o)
{
    if (type == ASOT_PORT) { ports_live--; sim_FreeSignal(((struct MsgPort *)o)->mp_SigBit); }
    if (type == ASOT_MUTEX) mutexes_live--;
    free(o);
}

/* ------------------------------------------------------------------ memory and DMA */

#define MAX_BLOCKS 4096
static struct { void *raw; void *p; uint32 size; int contiguous; } blocks[MAX_BLOCKS];
static int blocks_live, mappings_live;

static APTR sim_AllocVecTags(uint32 size, ...)
{
    va_list ap;
    uint32 tag, align = 8, clear = 0, cleared = 0, contiguous = 0;
    int i;
    void *raw;
    uint8 *p;
    va_start(ap, size);
    while ((tag = va_arg(ap, uint32)) != TAG_DONE) {
        uint32 data = va_arg(ap, uint32);
        if (tag == AVT_Alignment) align = data;
        else if (tag == AVT_ClearWithValue) { clear = data; cleared = 1; }
        else if (tag == AVT_Contiguous) contiguous = data;
    }
    va_end(ap);
    for (i = 0; i < MAX_BLOCKS && blocks[i].p != NULL; i++) { }
    if (i == MAX_BLOCKS) return NULL;
    raw = malloc(size + align);
    if (raw == NULL) return NULL;
    p = (uint8 *)(((uintptr_t)raw + align - 1) & ~(uintptr_t)(align - 1));
    memset(p, cleared ? (int)clear : 0xA5, size);
    blocks[i].raw = raw; blocks[i].p = p; blocks[i].size = size; blocks[i].contiguous = contiguous != 0;
    blocks_live++;
    return p;
}

static void sim_FreeVec(APTR p)
{
    int i;
    if (p == NULL) return;
    for (i = 0; i < MAX_BLOCKS; i++)
        if (blocks[i].p == p) { free(blocks[i].raw); blocks[i].p = NULL; blocks_live--; return; }
    printf("FATAL: FreeVec of %p, not allocated\n", p);
    exit(4);
}

static int contiguous_block(CONST_APTR p, uint32 size)
{
    int i;
    for (i = 0; i < MAX_BLOCKS; i++)
        if (blocks[i].p != NULL && blocks[i].contiguous && (const uint8 *)p >= (uint8 *)blocks[i].p
            && (const uint8 *)p + size <= (uint8 *)blocks[i].p + blocks[i].size)
            return 1;
    return 0;
}

#define RUN 65536u
static uint32 sim_StartDMA(CONST_APTR p, uint32 size, uint32 flags)
{
    uintptr_t a = (uintptr_t)p;
    (void)flags;
    mappings_live++;
    if (contiguous_block(p, size)) return 1;
    return (uint32)(((a + size - 1) / RUN) - (a / RUN) + 1);
}

static void sim_GetDMAList(CONST_APTR p, uint32 size, uint32 flags, struct DMAEntry *list)
{
    uintptr_t a = (uintptr_t)p, end = a + size;
    (void)flags;
    if (contiguous_block(p, size)) { list[0].PhysicalAddress = (APTR)a; list[0].BlockLength = size; return; }
    while (a < end) {
        uintptr_t next = (a / RUN + 1) * RUN;
        if (next > end) next = end;
        list->PhysicalAddress = (APTR)a;
        list->BlockLength = (uint32)(next - a);
        list++;
        a = next;
    }
}

static void sim_EndDMA(CONST_APTR p, uint32 size, uint32 flags) { (void)p; (void)size; (void)flags; mappings_live--; }
static void sim_CopyMem(CONST_APTR s, APTR d, uint32 n) { memmove(d, s, n); }
/* No caches to maintain; a driver polling the used ring invalidates it, so the device gets on
 * with its work meanwhile (as real hardware would while the CPU spins). */
static void sim_CacheClearE(APTR p, uint32 n, uint32 c) { (void)p; (void)n; if (c & CACRF_InvalidateD) device_step(1); }
static void sim_DebugPrintF(CONST_STRPTR fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("debug: ");
    vprintf(fmt, ap);
    va_end(ap);
}

/* ------------------------------------------------------------------ libraries, interrupts */

static struct Interrupt *irq_server;
static uint32 irq_number, interrupts_delivered;
static struct PCIIFace sim_ipci;
static struct Library expansion_base;

static struct Library *sim_OpenLibrary(CONST_STRPTR name, uint32 v) { (void)v; return strcmp(name, "expansion.library") == 0 ? &expansion_base : NULL; }
static APTR sim_CloseLibrary(struct Library *l) { (void)l; return NULL; }
static struct Interface *sim_GetInterface(struct Library *l, CONST_STRPTR name, uint32 v, const struct TagItem *t)
{
    (void)v; (void)t;
    return l == &expansion_base && strcmp(name, "pci") == 0 ? (struct Interface *)&sim_ipci : NULL;
}
static int interfaces_dropped;
static void sim_DropInterface(struct Interface *i) { (void)i; interfaces_dropped++; }
static int library_deleted;
static void sim_DeleteLibrary(struct Library *l) { (void)l; library_deleted++; }
static BOOL sim_AddIntServer(uint32 n, struct Interrupt *i) { irq_number = n; irq_server = i; return TRUE; }
/* A software interrupt runs at once (the model has no interrupt levels). */
static void sim_Cause(struct Interrupt *i) { ((void (*)(void))(APTR)i->is_Code)(); }
static void sim_RemIntServer(uint32 n, struct Interrupt *i) { (void)n; if (irq_server == i) irq_server = NULL; }

/* ------------------------------------------------------------------ the PCI function and the device */

#define NTARGETS 4
/* Targets the model can hold: NTARGETS present from the start, the others hot-plugged by the event tests. */
#define NSLOTS 6
#define IO_BASE 0x1000u
static struct PCIDevice sim_pcidev;
static struct PCIResourceRange bar0 = { { 0 }, IO_BASE, 0x40, IO_BASE, PCI_RANGE_IO };
static uint8 config[256];
static int bar0_out;

static int modern;
static uint8 bar4_space[16384];
static struct PCIResourceRange bar4;
static struct PCICapability caps[4];

static struct {
    uint32 host_features, guest_features, host_features_hi, guest_features_hi;
    uint32 dfselect, gfselect;
    uint16 qsel;
    uint8 status, isr;
    struct { uint16 size; uint32 pfn; uint16 last_avail, used_idx, enable; uint64 desc, driver, device; } q[3];
} dev;
static uint32 indirect_chains;

static struct {
    uint64 blocks;
    uint32 block_size;
    uint8 type;
    int unit_attention;
    int present;              /* a device answers at this target (hot-plug clears and sets it) */
    uint8 *data;              /* dense storage, or NULL: sparse */
} disk[NSLOTS];

/* Sparse disk: written blocks only (the 3 TiB image). */
#define SPARSE 4096
static struct { uint64 lba; uint8 *data; } sparse[SPARSE];

static uint8 *block_at(int t, uint64 lba, int create)
{
    int i, free_slot = -1;
    if (disk[t].data != NULL) return disk[t].data + lba * disk[t].block_size;
    for (i = 0; i < SPARSE; i++) {
        if (sparse[i].data != NULL && sparse[i].lba == lba) return sparse[i].data;
        if (sparse[i].data == NULL && free_slot < 0) free_slot = i;
    }
    if (!create || free_slot < 0) return NULL;
    sparse[free_slot].lba = lba;
    sparse[free_slot].data = calloc(1, disk[t].block_size);
    return sparse[free_slot].data;
}

static void forget_owned_descriptors(void);
static int events_dropped;
static void reset_device(void)
{
    int t;
    memset(&dev, 0, sizeof dev);
    forget_owned_descriptors();
    /* Legacy host features as QEMU reports them: EVENT_IDX, INDIRECT_DESC, ANY_LAYOUT, NOTIFY_ON_EMPTY, HOTPLUG, CHANGE. */
    dev.host_features = modern ? (1u << 29) | (1u << 28) | (1u << 2) | (1u << 1)
                               : (1u << 29) | (1u << 28) | (1u << 27) | (1u << 24) | (1u << 2) | (1u << 1);
    dev.host_features_hi = modern ? 1u : 0u; /* VIRTIO_F_VERSION_1 */
    dev.q[0].size = 128; dev.q[1].size = 128; dev.q[2].size = 256;
    for (t = 0; t < NTARGETS; t++) disk[t].unit_attention = 1;
    events_dropped = 0;
}

/* Ring fields: little-endian on the modern interface, the guest's order on the legacy one. */
static uint16 g16(const void *p) { const uint8 *b = p; uint16 v; if (modern) return (uint16)(b[0] | (b[1] << 8)); memcpy(&v, p, 2); return v; }
static uint32 g32(const void *p) { const uint8 *b = p; uint32 v; if (modern) return (uint32)b[0] | ((uint32)b[1] << 8) | ((uint32)b[2] << 16) | ((uint32)b[3] << 24); memcpy(&v, p, 4); return v; }
static uint64 g64(const void *p) { return modern ? (uint64)g32(p) | ((uint64)g32((const uint8 *)p + 4) << 32) : ((uint64)g32(p) << 32) | g32((const uint8 *)p + 4); }
static void s16(void *p, uint16 v) { uint8 *b = p; if (modern) { b[0] = (uint8)v; b[1] = (uint8)(v >> 8); } else memcpy(p, &v, 2); }
static void s32(void *p, uint32 v) { uint8 *b = p; if (modern) { s16(b, (uint16)v); s16(b + 2, (uint16)(v >> 16)); } else memcpy(p, &v, 4); }

struct ring { uint8 *desc; uint8 *avail; uint8 *used; uint16 size; };
static struct ring ring_of(int q)
{
    struct ring r;
    r.size = dev.q[q].size;
    if (modern) {
        r.desc = (uint8 *)(uintptr_t)dev.q[q].desc;
        r.avail = (uint8 *)(uintptr_t)dev.q[q].driver;
        r.used = (uint8 *)(uintptr_t)dev.q[q].device;
    } else {
        uint8 *base = (uint8 *)(uintptr_t)(dev.q[q].pfn << 12);
        r.desc = base;
        r.avail = base + 16u * r.size;
        r.used = base + ((16u * r.size + 6u + 2u * r.size + 4095u) & ~4095u);
    }
    return r;
}
static int queue_live(int q) { return modern ? dev.q[q].enable != 0 : dev.q[q].pfn != 0; }

/* A request fetched from the avail ring, waiting to complete, with the ring descriptors its
 * chain holds (an indirect chain holds one). */
#define MAXREQ 1024
#define MAXCHAIN 300
static struct pending { uint16 head; int valid; uint16 ndesc; uint16 desc[MAXCHAIN]; } pending[MAXREQ];
static int npending;

/* Descriptor ownership as the device sees it (spec 2.7.13.1: a descriptor made available belongs
 * to the device until it appears in the used ring). A chain that takes in a descriptor some other
 * outstanding chain holds means the driver's free-descriptor bookkeeping is wrong. */
static uint8 desc_owned[32768];
static int desc_owned_now, desc_owned_peak, desc_reused;
/* While set, the device fetches what the driver publishes but completes nothing. */
static int device_held;
/* While held: completions the device may still make; allow_on_notify adds to it at the next
 * request-queue notify (so a test can let exactly one request complete right after a given kick). */
static int device_allow, allow_on_notify;

static void take_chain(struct ring *r, struct pending *p)
{
    uint16 i = p->head;
    p->ndesc = 0;
    for (;;) {
        uint8 *d;
        uint16 flags;
        if (i >= r->size || p->ndesc >= MAXCHAIN) { printf("FATAL: descriptor index %u out of range\n", i); exit(5); }
        if (desc_owned[i]) desc_reused++;
        else { desc_owned[i] = 1; desc_owned_now++; }
        p->desc[p->ndesc++] = i;
        d = r->desc + 16u * i;
        flags = g16(d + 12);
        if ((flags & VSCSI_VIRTQ_DESC_F_INDIRECT) || (flags & VSCSI_VIRTQ_DESC_F_NEXT) == 0) break;
        i = g16(d + 14);
    }
    if (desc_owned_now > desc_owned_peak) desc_owned_peak = desc_owned_now;
}

/* A device reset drops whatever the device held. */
static void forget_owned_descriptors(void) { memset(desc_owned, 0, sizeof desc_owned); desc_owned_now = 0; npending = 0; }

static void give_back_chain(const struct pending *p)
{
    uint16 k;
    for (k = 0; k < p->ndesc; k++)
        if (desc_owned[p->desc[k]]) { desc_owned[p->desc[k]] = 0; desc_owned_now--; }
}

static void fetch(void)
{
    struct ring r;
    if (!queue_live(2) || (dev.status & 4) == 0) return;
    r = ring_of(2);
    while (dev.q[2].last_avail != g16(r.avail + 2)) {
        uint16 head = g16(r.avail + 4 + 2 * (dev.q[2].last_avail % r.size));
        dev.q[2].last_avail++;
        pending[npending].head = head;
        pending[npending].valid = 1;
        take_chain(&r, &pending[npending]);
        npending++;
    }
}

/* The buffers of one chain: out (device-readable) first, then in. */
struct seg { uint8 *p; uint32 len; int in; };
static int chain(struct ring *r, uint16 head, struct seg *segs)
{
    int n = 0;
    uint16 i = head;
    uint8 *table = r->desc;
    uint32 entries = r->size;
    for (;;) {
        uint8 *d = table + 16u * i;
        uint16 flags = g16(d + 12);
        if (flags & VSCSI_VIRTQ_DESC_F_INDIRECT) {
            if (!modern) { printf("FATAL: indirect descriptor on the legacy interface\n"); exit(5); }
            if (table != r->desc) { printf("FATAL: nested indirect table\n"); exit(5); }
            indirect_chains++;
            table = (uint8 *)(uintptr_t)g64(d);
            entries = g32(d + 8) / 16;
            i = 0;
            continue;
        }
        segs[n].p = (uint8 *)(uintptr_t)g64(d);
        segs[n].len = g32(d + 8);
        segs[n].in = (flags & VSCSI_VIRTQ_DESC_F_WRITE) != 0;
        n++;
        if ((flags & VSCSI_VIRTQ_DESC_F_NEXT) == 0 || n >= 300) break;
        i = g16(d + 14);
        if (i >= entries) { printf("FATAL: descriptor index %u out of range\n", i); exit(5); }
    }
    return n;
}

static void put_be32(uint8 *p, uint32 v) { p[0] = (uint8)(v >> 24); p[1] = (uint8)(v >> 16); p[2] = (uint8)(v >> 8); p[3] = (uint8)v; }
static uint32 get_be32(const uint8 *p) { return ((uint32)p[0] << 24) | ((uint32)p[1] << 16) | ((uint32)p[2] << 8) | p[3]; }
static uint64 get_be64(const uint8 *p) { return ((uint64)get_be32(p) << 32) | get_be32(p + 4); }

static uint32 scsi_commands[256];

/* Executes one request; returns the bytes written into device-writable buffers. */
static uint32 execute(struct ring *r, uint16 head)
{
    struct seg segs[300];
    int n = chain(r, head, segs), i, first_in = -1;
    struct vscsi_virtio_scsi_req_cmd *req;
    struct vscsi_virtio_scsi_resp_cmd *resp;
    uint8 *cdb, data_in[4096];
    uint32 in_len = 0, out_len = 0, want, written;
    int t, lun;
    uint64 lba = 0, count = 0;
    uint8 status = 0, key = 0, asc = 0;

    if (n < 2 || segs[0].in || segs[0].len != 51) { printf("FATAL: request header not a 51-byte out buffer\n"); exit(6); }
    for (i = 0; i < n; i++) if (segs[i].in && first_in < 0) first_in = i;
    if (first_in < 0 || segs[first_in].len != 108) { printf("FATAL: response not a 108-byte in buffer\n"); exit(6); }
    req = (struct vscsi_virtio_scsi_req_cmd *)segs[0].p;
    resp = (struct vscsi_virtio_scsi_resp_cmd *)segs[first_in].p;
    for (i = 1; i < first_in; i++) out_len += segs[i].len;
    for (i = first_in + 1; i < n; i++) in_len += segs[i].len;
    memset(resp, 0, 108);
    cdb = req->cdb;
    t = req->lun[1];
    lun = ((req->lun[2] & 0x3F) << 8) | req->lun[3];
    scsi_commands[cdb[0]]++;
    if (req->lun[0] != 1 || t >= NSLOTS || !disk[t].present) { resp->response = VSCSI_VIRTIO_SCSI_S_BAD_TARGET; return 108; }
    written = 0;
    memset(data_in, 0, sizeof data_in);
    if (cdb[0] == 0x12) {
        want = ((uint32)cdb[3] << 8) | cdb[4];
        data_in[0] = lun == 0 ? disk[t].type : 0x7F;
        data_in[1] = disk[t].type == 5 ? 0x80 : 0;
        data_in[2] = 5; data_in[3] = 2; data_in[4] = 31;
        memcpy(data_in + 8, "SIM     ", 8);
        memcpy(data_in + 16, "VIRTIO DISK     ", 16);
        data_in[31] = (uint8)('0' + t);
        written = want < 36 ? want : 36;
    } else if (lun != 0) {
        status = 2; key = 5; asc = 0x25;
    } else if (disk[t].unit_attention) {
        disk[t].unit_attention = 0;
        status = 2; key = 6; asc = 0x29;
    } else if (cdb[0] == 0x00 || cdb[0] == 0x35) {
        /* TEST UNIT READY, SYNCHRONIZE CACHE */
    } else if (cdb[0] == 0x25) {
        put_be32(data_in, disk[t].blocks > 0xFFFFFFFFull ? 0xFFFFFFFFu : (uint32)(disk[t].blocks - 1));
        put_be32(data_in + 4, disk[t].block_size);
        written = 8;
    } else if (cdb[0] == 0x9E && (cdb[1] & 0x1F) == 0x10) {
        put_be32(data_in, (uint32)((disk[t].blocks - 1) >> 32));
        put_be32(data_in + 4, (uint32)(disk[t].blocks - 1));
        put_be32(data_in + 8, disk[t].block_size);
        written = 32;
    } else if (cdb[0] == 0x28 || cdb[0] == 0x2A || cdb[0] == 0x88 || cdb[0] == 0x8A) {
        int is10 = cdb[0] == 0x28 || cdb[0] == 0x2A, wr = cdb[0] == 0x2A || cdb[0] == 0x8A;
        uint64 b;
        uint32 bs = disk[t].block_size, done = 0;
        lba = is10 ? get_be32(cdb + 2) : get_be64(cdb + 2);
        count = is10 ? (((uint32)cdb[7] << 8) | cdb[8]) : get_be32(cdb + 10);
        if (lba + count > disk[t].blocks) { status = 2; key = 5; asc = 0x21; }
        else if ((wr ? out_len : in_len) != count * bs) { status = 2; key = 5; asc = 0x24; }
        else {
            int s = wr ? 1 : first_in + 1;
            uint32 off = 0;
            for (b = 0; b < count; b++) {
                uint8 *blk = block_at(t, lba + b, wr);
                uint32 k = 0;
                while (k < bs) {
                    uint32 take = segs[s].len - off;
                    if (take > bs - k) take = bs - k;
                    if (wr) memcpy(blk + k, segs[s].p + off, take);
                    else if (blk != NULL) memcpy(segs[s].p + off, blk + k, take);
                    else memset(segs[s].p + off, 0, take);
                    k += take; off += take; done += take;
                    if (off == segs[s].len) { s++; off = 0; }
                }
            }
            if (!wr) s32(&resp->residual, 0);
            return 108 + (wr ? 0 : done);
        }
    } else {
        status = 2; key = 5; asc = 0x20;
    }
    if (status == 2) {
        resp->status = 2;
        s32(&resp->sense_len, 18);
        resp->sense[0] = 0x70; resp->sense[2] = key; resp->sense[7] = 10; resp->sense[12] = asc;
        return 108;
    }
    /* scatter data_in */
    {
        uint32 left = written, off = 0;
        for (i = first_in + 1; i < n && left > 0; i++) {
            uint32 take = segs[i].len < left ? segs[i].len : left;
            memcpy(segs[i].p, data_in + off, take);
            off += take; left -= take;
        }
        s32(&resp->residual, in_len > written ? in_len - written : 0);
    }
    return 108 + written;
}

static int npending_dbg(void) { return npending; }
static uint16 dbg_used(void) { return dev.q[2].used_idx; }
static uint16 dbg_avail(void) { return queue_live(2) ? g16(ring_of(2).avail + 2) : 0; }
static int need_event(uint16 event, uint16 new_idx, uint16 old) { return (uint16)(new_idx - event - 1) < (uint16)(new_idx - old); }

/* Completes up to budget fetched requests, in a shuffled order, and raises the interrupt. */
static void device_step(int budget)
{
    struct ring r;
    int done = 0;
    uint16 old;
    fetch();
    if (npending == 0 || (device_held && device_allow == 0)) return;
    r = ring_of(2);
    old = dev.q[2].used_idx;
    while (done < budget && npending > 0 && (!device_held || device_allow > 0)) {
        if (device_held) device_allow--;
        int k = (int)(rng() % (uint32)npending);
        uint16 head = pending[k].head;
        uint32 len = execute(&r, head);
        uint8 *elem = r.used + 4 + 8 * (dev.q[2].used_idx % r.size);
        give_back_chain(&pending[k]);
        pending[k] = pending[npending - 1];
        npending--;
        s32(elem, head);
        s32(elem + 4, len);
        dev.q[2].used_idx++;
        s16(r.used + 2, dev.q[2].used_idx);
        done++;
    }
    /* used_event is avail->ring[size] (EVENT_IDX negotiated), else always interrupt. */
    if ((dev.guest_features & (1u << 29)) == 0 || need_event(g16(r.avail + 4 + 2 * r.size), dev.q[2].used_idx, old)) {
        dev.isr |= 1;
        if (irq_server != NULL) {
            uint32 (*code)(struct ExceptionContext *, struct ExecBase *, APTR) = (uint32 (*)(struct ExceptionContext *, struct ExecBase *, APTR))(APTR)irq_server->is_Code;
            interrupts_delivered++;
            code(NULL, NULL, irq_server->is_Data);
        }
    }
}

/* One event on the event queue (VirtIO 1.2 5.6.6.3), as QEMU's virtio_scsi_push_event writes it: event, lun
 * { 1, target, flat LUN }, reason, little-endian on modern and the guest's order on legacy, then an interrupt.
 * With no buffer posted the event is dropped and the next one carries VIRTIO_SCSI_T_EVENTS_MISSED. Returns 1
 * when the event was delivered. */
static int push_event(uint32 type, int target, int lun, uint32 reason)
{
    struct ring r;
    uint16 head;
    uint8 *d, *e, *elem;
    if (!queue_live(1) || (dev.status & 4) == 0) return 0;
    r = ring_of(1);
    if (dev.q[1].last_avail == g16(r.avail + 2)) { events_dropped = 1; return 0; }
    head = g16(r.avail + 4 + 2 * (dev.q[1].last_avail % r.size));
    dev.q[1].last_avail++;
    d = r.desc + 16u * head;
    if ((g16(d + 12) & VSCSI_VIRTQ_DESC_F_WRITE) == 0 || g32(d + 8) < 16) { printf("FATAL: event buffer not a 16-byte in buffer\n"); exit(6); }
    e = (uint8 *)(uintptr_t)g64(d);
    memset(e, 0, 16);
    s32(e, type | (events_dropped ? VSCSI_VIRTIO_SCSI_T_EVENTS_MISSED : 0u));
    events_dropped = 0;
    e[4] = 1; e[5] = (uint8)target; e[6] = (uint8)(0x40 | (lun >> 8)); e[7] = (uint8)lun;
    s32(e + 12, reason);
    elem = r.used + 4 + 8 * (dev.q[1].used_idx % r.size);
    s32(elem, head);
    s32(elem + 4, 16);
    dev.q[1].used_idx++;
    s16(r.used + 2, dev.q[1].used_idx);
    dev.isr |= 1;
    if (irq_server != NULL) {
        uint32 (*code)(struct ExceptionContext *, struct ExecBase *, APTR) = (uint32 (*)(struct ExceptionContext *, struct ExecBase *, APTR))(APTR)irq_server->is_Code;
        interrupts_delivered++;
        code(NULL, NULL, irq_server->is_Data);
    }
    return 1;
}

static uint8 sim_ReadConfigByte(uint32 o) { return config[o]; }
static uint16 sim_ReadConfigWord(uint32 o) { return (uint16)(config[o] | (config[o + 1] << 8)); }
static uint32 sim_ReadConfigLong(uint32 o) { return (uint32)sim_ReadConfigWord(o) | ((uint32)sim_ReadConfigWord(o + 2) << 16); }
static void sim_WriteConfigByte(uint32 o, uint8 v) { config[o] = v; }
static void sim_WriteConfigWord(uint32 o, uint16 v) { config[o] = (uint8)v; config[o + 1] = (uint8)(v >> 8); }
static void sim_WriteConfigLong(uint32 o, uint32 v) { sim_WriteConfigWord(o, (uint16)v); sim_WriteConfigWord(o + 2, (uint16)(v >> 16)); }

/* struct virtio_scsi_config (VirtIO 1.2 5.6.4), field by field at its offset: num_queues 1, seg_max 126, max_sectors
 * 0xFFFF, cmd_per_lun 128, event_info_size 16, sense_size 96, cdb_size 32, max_channel 0, max_target 7, max_lun 7
 * (this model's targets 0..NTARGETS-1 and LUN 0 lie inside). A width-byte read at offset o, as a number. */
static uint32 scsi_config(uint32 o, int width)
{
    static const uint8 cfg[36] = { 1, 0, 0, 0, 126, 0, 0, 0, 0xFF, 0xFF, 0, 0, 128, 0, 0, 0, 16, 0, 0, 0, 96, 0, 0, 0,
                                   32, 0, 0, 0, 0, 0, 7, 0, 7, 0, 0, 0 };
    uint32 v = 0;
    int i;
    for (i = width - 1; i >= 0; i--) v = (v << 8) | (o + (uint32)i < sizeof cfg ? cfg[o + (uint32)i] : 0u);
    return v;
}

static uint32 in_port(uint32 port, int width)
{
    uint32 off = port - IO_BASE;
    if (port < IO_BASE || off >= 0x40) { printf("FATAL: I/O port %x outside BAR0\n", port); exit(7); }
    /* Legacy: the device configuration follows the 20-byte header in the guest's byte order (2.5.3), which the
     * little-endian port read returns swapped on this big-endian guest. */
    if (off >= 0x14) {
        uint32 v = scsi_config(off - 0x14, width);
        return width == 4 ? __builtin_bswap32(v) : width == 2 ? __builtin_bswap16((uint16)v) : v;
    }
    switch (off) {
    case 0x00: return dev.host_features;
    case 0x04: return dev.guest_features;
    case 0x08: return dev.qsel < 3 ? dev.q[dev.qsel].pfn : 0;
    case 0x0C: return dev.qsel < 3 ? dev.q[dev.qsel].size : 0;
    case 0x0E: return dev.qsel;
    case 0x12: return dev.status;
    case 0x13: { uint8 v = dev.isr; dev.isr = 0; return v; }
    }
    return 0;
}

static void out_port(uint32 port, uint32 v, int width)
{
    uint32 off = port - IO_BASE;
    (void)width;
    if (port < IO_BASE || off >= 0x40) { printf("FATAL: I/O port %x outside BAR0\n", port); exit(7); }
    switch (off) {
    case 0x04: dev.guest_features = v; break;
    case 0x08: if (dev.qsel < 3) dev.q[dev.qsel].pfn = v; break;
    case 0x0E: dev.qsel = (uint16)v; break;
    case 0x10:
        if (v == 2) {
            fetch();
            device_allow += allow_on_notify;
            allow_on_notify = 0;
        }
        break;
    case 0x12: if (v == 0) reset_device(); else dev.status = (uint8)v; break;
    }
}

/* The modern interface's registers in BAR4: common configuration at 0, ISR at 0x1000, notify at
 * 0x3000 + queue_notify_off x 4 (VirtIO 1.2 4.1.4.3-4.1.4.5). */
uint32 sim_mmio_read(const volatile void *p, int bits)
{
    uint32 off = (uint32)((const volatile uint8 *)p - bar4_space);
    uint16 q = dev.qsel;
    (void)bits;
    if ((const volatile uint8 *)p < bar4_space || off >= sizeof bar4_space) { printf("FATAL: MMIO read outside BAR4 at %p\n", (const void *)p); exit(9); }
    if (off == 0x1000) { uint8 v = dev.isr; dev.isr = 0; return v; }
    if (off >= 0x2000 && off < 0x2000 + 36) return scsi_config(off - 0x2000, bits / 8);
    switch (off) {
    case 0x00: return dev.dfselect;
    case 0x04: return dev.dfselect == 0 ? dev.host_features : dev.dfselect == 1 ? dev.host_features_hi : 0;
    case 0x08: return dev.gfselect;
    case 0x0C: return dev.gfselect == 0 ? dev.guest_features : dev.guest_features_hi;
    case 0x12: return 3;
    case 0x14: return dev.status;
    case 0x16: return dev.qsel;
    case 0x18: return q < 3 ? dev.q[q].size : 0;
    case 0x1C: return q < 3 ? dev.q[q].enable : 0;
    case 0x1E: return q;
    }
    printf("FATAL: MMIO read of BAR4+%x\n", off);
    exit(9);
}

void sim_mmio_write(volatile void *p, uint32 v, int bits)
{
    uint32 off = (uint32)((volatile uint8 *)p - bar4_space);
    uint16 q = dev.qsel;
    (void)bits;
    if ((volatile uint8 *)p < bar4_space || off >= sizeof bar4_space) { printf("FATAL: MMIO write outside BAR4 at %p\n", (void *)p); exit(9); }
    if (off >= 0x3000 && off < 0x3000 + 3 * 4) { if (v == 2) fetch(); return; }
    switch (off) {
    case 0x00: dev.dfselect = v; return;
    case 0x08: dev.gfselect = v; return;
    case 0x0C: if (dev.gfselect == 0) dev.guest_features = v; else dev.guest_features_hi = v; return;
    case 0x14:
        if (v == 0) { reset_device(); return; }
        /* FEATURES_OK sticks only for a subset of the offered features that includes VERSION_1. */
        if ((v & 8) && ((dev.guest_features & ~dev.host_features) != 0 || (dev.guest_features_hi & 1) == 0)) v &= ~8u;
        dev.status = (uint8)v;
        return;
    case 0x16: dev.qsel = (uint16)v; return;
    case 0x18: if (q < 3 && v != 0 && v <= dev.q[q].size) dev.q[q].size = (uint16)v; return;
    case 0x1C: if (q < 3) dev.q[q].enable = (uint16)v; return;
    case 0x20: if (q < 3) dev.q[q].desc = (dev.q[q].desc & ~0xFFFFFFFFull) | v; return;
    case 0x24: if (q < 3) dev.q[q].desc = (dev.q[q].desc & 0xFFFFFFFFull) | ((uint64)v << 32); return;
    case 0x28: if (q < 3) dev.q[q].driver = (dev.q[q].driver & ~0xFFFFFFFFull) | v; return;
    case 0x2C: if (q < 3) dev.q[q].driver = (dev.q[q].driver & 0xFFFFFFFFull) | ((uint64)v << 32); return;
    case 0x30: if (q < 3) dev.q[q].device = (dev.q[q].device & ~0xFFFFFFFFull) | v; return;
    case 0x34: if (q < 3) dev.q[q].device = (dev.q[q].device & 0xFFFFFFFFull) | ((uint64)v << 32); return;
    }
    printf("FATAL: MMIO write of BAR4+%x\n", off);
    exit(9);
}

static uint8 sim_InByte(uint32 p) { return (uint8)in_port(p, 1); }
static uint16 sim_InWord(uint32 p) { return (uint16)in_port(p, 2); }
static uint32 sim_InLong(uint32 p) { return in_port(p, 4); }
static void sim_OutByte(uint32 p, uint8 v) { out_port(p, v, 1); }
static void sim_OutWord(uint32 p, uint16 v) { out_port(p, v, 2); }
static void sim_OutLong(uint32 p, uint32 v) { out_port(p, v, 4); }
static struct PCIResourceRange *sim_GetResourceRange(uint32 bar)
{
    if (bar == 0 && !modern) { bar0_out++; return &bar0; }
    if (bar == 4 && modern) { bar0_out++; return &bar4; }
    return NULL;
}
static void sim_FreeResourceRange(struct PCIResourceRange *r) { if (r == &bar0 || r == &bar4) bar0_out--; }
static uint32 sim_MapInterrupt(void) { return 9; }
/* Modern: four vendor capabilities (common, notify, ISR, device configuration) in BAR4. */
static struct PCICapability *sim_GetFirstCapability(void) { return modern ? &caps[0] : NULL; }
static struct PCICapability *sim_GetNextCapability(struct PCICapability *c) { return c >= &caps[0] && c < &caps[3] ? c + 1 : NULL; }
static int device_freed;
static void sim_FreeDevice(struct PCIDevice *d) { (void)d; device_freed++; }

static struct PCIDevice *sim_FindDeviceTags(uint32 tag1, ...)
{
    va_list ap;
    uint32 tag = tag1, vendor = 0, device = 0;
    va_start(ap, tag1);
    while (tag != TAG_DONE) {
        uint32 data = va_arg(ap, uint32);
        if (tag == FDT_VendorID) vendor = data;
        if (tag == FDT_DeviceID) device = data;
        tag = va_arg(ap, uint32);
    }
    va_end(ap);
    return vendor == 0x1AF4 && device == 0x1004 ? &sim_pcidev : NULL;
}

static struct ExecIFace sim_iexec;

static void setup_exec(void)
{
    sim_iexec.OpenLibrary = sim_OpenLibrary; sim_iexec.CloseLibrary = sim_CloseLibrary;
    sim_iexec.GetInterface = sim_GetInterface; sim_iexec.DropInterface = sim_DropInterface;
    sim_iexec.DeleteLibrary = sim_DeleteLibrary; sim_iexec.Forbid = sim_Forbid; sim_iexec.Permit = sim_Permit;
    sim_iexec.Remove = sim_Remove; sim_iexec.NewList = sim_NewList; sim_iexec.Cause = sim_Cause;
    sim_iexec.AllocVecTags = sim_AllocVecTags; sim_iexec.FreeVec = sim_FreeVec; sim_iexec.CopyMem = sim_CopyMem;
    sim_iexec.CacheClearE = sim_CacheClearE; sim_iexec.StartDMA = sim_StartDMA; sim_iexec.GetDMAList = sim_GetDMAList;
    sim_iexec.EndDMA = sim_EndDMA; sim_iexec.AllocSysObjectTags = sim_AllocSysObjectTags;
    sim_iexec.FreeSysObject = sim_FreeSysObject; sim_iexec.MutexObtain = sim_MutexObtain; sim_iexec.MutexRelease = sim_MutexRelease;
    sim_iexec.CreateTaskTags = sim_CreateTaskTags; sim_iexec.FindTask = sim_FindTask; sim_iexec.AllocSignal = sim_AllocSignal;
    sim_iexec.FreeSignal = sim_FreeSignal; sim_iexec.Signal = sim_Signal; sim_iexec.Wait = sim_Wait; sim_iexec.SetSignal = sim_SetSignal;
    sim_iexec.PutMsg = sim_PutMsg; sim_iexec.GetMsg = sim_GetMsg; sim_iexec.ReplyMsg = sim_ReplyMsg;
    sim_iexec.AddIntServer = sim_AddIntServer; sim_iexec.RemIntServer = sim_RemIntServer; sim_iexec.DebugPrintF = sim_DebugPrintF;
    sim_ipci.FindDeviceTags = sim_FindDeviceTags; sim_ipci.FreeDevice = sim_FreeDevice;
    sim_pcidev.InByte = sim_InByte; sim_pcidev.InWord = sim_InWord; sim_pcidev.InLong = sim_InLong;
    sim_pcidev.OutByte = sim_OutByte; sim_pcidev.OutWord = sim_OutWord; sim_pcidev.OutLong = sim_OutLong;
    sim_pcidev.ReadConfigByte = sim_ReadConfigByte; sim_pcidev.ReadConfigWord = sim_ReadConfigWord; sim_pcidev.ReadConfigLong = sim_ReadConfigLong;
    sim_pcidev.WriteConfigByte = sim_WriteConfigByte; sim_pcidev.WriteConfigWord = sim_WriteConfigWord; sim_pcidev.WriteConfigLong = sim_WriteConfigLong;
    sim_pcidev.GetResourceRange = sim_GetResourceRange; sim_pcidev.FreeResourceRange = sim_FreeResourceRange;
    sim_pcidev.MapInterrupt = sim_MapInterrupt;
    sim_pcidev.GetFirstCapability = sim_GetFirstCapability; sim_pcidev.GetNextCapability = sim_GetNextCapability;
    /* 1AF4:1004, command 0, and BAR5 left at all ones as the AmigaOne firmware leaves it. */
    sim_WriteConfigWord(0, 0x1AF4); sim_WriteConfigWord(2, 0x1004); sim_WriteConfigLong(0x24, 0xFFFFFFFFu);
    {
        static const uint8 type[4] = { 1, 2, 3, 4 };
        static const uint32 where[4] = { 0x0000, 0x3000, 0x1000, 0x2000 };
        int i;
        for (i = 0; i < 4; i++) {
            uint32 at = 0x40 + 0x14 * (uint32)i;
            caps[i].Type = PCI_CAPABILITYID_VENDOR;
            caps[i].CapOffset = at;
            config[at] = PCI_CAPABILITYID_VENDOR;
            config[at + 3] = type[i];
            config[at + 4] = 4;
            sim_WriteConfigLong(at + 8, where[i]);
            sim_WriteConfigLong(at + 12, 0x1000);
            if (type[i] == 2) sim_WriteConfigLong(at + 16, 4);
        }
        bar4.BaseAddress = (uint32)(uintptr_t)bar4_space;
        bar4.Physical = 0x80000000u;
        bar4.Size = sizeof bar4_space;
        bar4.Flags = PCI_RANGE_MEMORY;
    }
}

/* ------------------------------------------------------------------ the test program (a client of the device) */

extern struct Resident drv_resident;
static struct DeviceManagerInterface iface;
static struct Library *devbase;
static struct List device_list;
static struct MsgPort *reply_port;

static uint32 tag_value(struct TagItem *tags, uint32 tag)
{
    for (; tags->ti_Tag != TAG_DONE; tags++) if (tags->ti_Tag == tag) return tags->ti_Data;
    return 0;
}

static void init_io(struct IOStdReq *io, struct MsgPort *port)
{
    memset(io, 0, sizeof *io);
    io->io_Message.mn_ReplyPort = port;
    io->io_Message.mn_Length = sizeof *io;
}

static int8 do_open(struct IOStdReq *io, uint32 unit)
{
    io->io_Device = (struct Device *)devbase;
    iface.Open(&iface, (struct IORequest *)io, unit, 0);
    return io->io_Error;
}

static void send_io(struct IOStdReq *io) { io->io_Flags = 0; iface.BeginIO(&iface, (struct IORequest *)io); }

static int8 wait_io(struct IOStdReq *io)
{
    struct MsgPort *port = io->io_Message.mn_ReplyPort;
    if (io->io_Flags & IOF_QUICK) return io->io_Error;
    while (io->io_Message.mn_Node.ln_Type != NT_REPLYMSG) sim_Wait(1u << port->mp_SigBit);
    sim_Remove(&io->io_Message.mn_Node);
    return io->io_Error;
}

static int8 do_io(struct IOStdReq *io)
{
    io->io_Flags = IOF_QUICK;
    iface.BeginIO(&iface, (struct IORequest *)io);
    return wait_io(io);
}

static int8 rw(struct IOStdReq *io, uint16 cmd, uint64 offset, void *buf, uint32 len)
{
    io->io_Command = cmd;
    io->io_Data = buf;
    io->io_Length = len;
    io->io_Offset = (uint32)offset;
    io->io_Actual = (uint32)(offset >> 32);
    return do_io(io);
}

static void fill(uint8 *p, uint32 n, uint32 seed) { uint32 i; for (i = 0; i < n; i++) { seed = seed * 1664525u + 1013904223u; p[i] = (uint8)(seed >> 24); } }

static int contiguous_buffers;

/* Writes a seeded pattern and reads it back. Buffers come from malloc (StartDMA splits them at
 * 64 KiB), or with contiguous_buffers set from AllocVecTags(AVT_Contiguous) (one run). */
static void roundtrip(struct IOStdReq *io, int unit, uint64 offset, uint32 len, int misalign, const char *what)
{
    uint8 *wbuf = contiguous_buffers ? sim_AllocVecTags(len + 16, AVT_Contiguous, 1, TAG_DONE) : malloc(len + 16);
    uint8 *rbuf = contiguous_buffers ? sim_AllocVecTags(len + 16, AVT_Contiguous, 1, TAG_DONE) : malloc(len + 16);
    uint8 *w = wbuf + misalign, *r = rbuf + misalign;
    int8 e1, e2;
    uint16 wcmd = offset > 0xFFFFFFFFull ? NSCMD_TD_WRITE64 : CMD_WRITE, rcmd = offset > 0xFFFFFFFFull ? NSCMD_TD_READ64 : CMD_READ;
    fill(w, len, (uint32)(offset * 7 + len + (uint32)unit));
    memset(r, 0x5A, len);
    e1 = rw(io, wcmd, offset, w, len);
    CHECK(e1 == 0 && io->io_Actual == len, "%s: write unit %d len %u: error %d actual %u", what, unit, len, e1, io->io_Actual);
    e2 = rw(io, rcmd, offset, r, len);
    CHECK(e2 == 0 && io->io_Actual == len, "%s: read unit %d len %u: error %d actual %u", what, unit, len, e2, io->io_Actual);
    CHECK(memcmp(w, r, len) == 0, "%s: unit %d len %u: data differs", what, unit, len);
    if (contiguous_buffers) { sim_FreeVec(wbuf); sim_FreeVec(rbuf); }
    else { free(wbuf); free(rbuf); }
}

/* A client task: several requests in flight at once on one unit. */
struct client { int unit; int requests; int errors; int done; };
static void client_task(APTR arg)
{
    struct client *c = arg;
    struct MsgPort *port = new_port();
    struct IOStdReq ios[6];
    uint8 *bufs[6];
    int i, round;
    for (i = 0; i < 6; i++) { init_io(&ios[i], port); bufs[i] = malloc(8192); }
    if (do_open(&ios[0], (uint32)c->unit) != 0) { printf("client open unit %d failed\n", c->unit); c->errors++; c->done = 1; return; }
    for (i = 1; i < 6; i++) { ios[i].io_Device = ios[0].io_Device; ios[i].io_Unit = ios[0].io_Unit; }
    for (round = 0; round < 4; round++) {
        for (i = 0; i < 6; i++) {
            uint32 off = (uint32)(((round * 6 + i) % 32) * 8192 + 65536 * (uint32)(c->unit + 1));
            fill(bufs[i], 8192, off);
            ios[i].io_Command = CMD_WRITE; ios[i].io_Data = bufs[i]; ios[i].io_Length = 8192; ios[i].io_Offset = off;
            send_io(&ios[i]);
        }
        for (i = 0; i < 6; i++) { if (wait_io(&ios[i]) != 0) c->errors++; c->requests++; }
        for (i = 0; i < 6; i++) {
            memset(bufs[i], 0, 8192);
            ios[i].io_Command = CMD_READ; ios[i].io_Data = bufs[i]; ios[i].io_Length = 8192;
            send_io(&ios[i]);
        }
        for (i = 0; i < 6; i++) {
            uint8 expect[8192];
            if (wait_io(&ios[i]) != 0) c->errors++;
            fill(expect, 8192, ios[i].io_Offset);
            if (memcmp(expect, bufs[i], 8192) != 0) c->errors++;
            c->requests++;
        }
    }
    iface.Close(&iface, (struct IORequest *)&ios[0]);
    for (i = 0; i < 6; i++) free(bufs[i]);
    c->done = 1;
}

/* Fills the request queue to exactly its capacity and past it (legacy interface: one ring
 * descriptor per buffer, no indirect tables). With the device holding completions, requests whose
 * chains add up to the queue size must all be on the ring at once, and the next one must wait for
 * descriptors (not be published over descriptors the device still owns); released, all complete.
 * A read of `runs` 64 KiB-aligned runs of 64 KiB is a chain of runs + 2 descriptors (request
 * header, response, data). */
static void capacity_round(struct IOStdReq *ios, uint8 **bufs, const uint32 *runs, int n, int last_is_tur,
                           int expect_published, int expect_owned, const char *what)
{
    struct SCSICmd cmd;
    uint8 cdb[6];
    int i, k, errors = 0;
    device_held = 1;
    for (i = 0; i < n; i++) {
        if (last_is_tur && i == n - 1) {
            memset(&cmd, 0, sizeof cmd); memset(cdb, 0, sizeof cdb);
            cmd.scsi_Command = cdb; cmd.scsi_CmdLength = 6; cmd.scsi_Flags = SCSIF_READ;
            ios[i].io_Command = HD_SCSICMD; ios[i].io_Data = &cmd; ios[i].io_Length = sizeof cmd;
        } else {
            ios[i].io_Command = CMD_READ; ios[i].io_Data = bufs[i]; ios[i].io_Length = runs[i] * RUN;
            ios[i].io_Offset = (uint32)i * (4u << 20); ios[i].io_Actual = 0;
        }
        send_io(&ios[i]);
    }
    /* Give the unit task every chance to publish what fits (and what does not). */
    for (k = 0; k < 200; k++) sim_SetSignal(0, 0);
    fetch();
    CHECK(npending == expect_published && desc_owned_now == expect_owned && desc_reused == 0,
          "%s: %d requests (%d descriptors) on the ring while the device holds them, expected %d (%d); %d descriptors published twice",
          what, npending, desc_owned_now, expect_published, expect_owned, desc_reused);
    device_held = 0;
    for (i = 0; i < n; i++) if (wait_io(&ios[i]) != 0) errors++;
    CHECK(errors == 0 && desc_owned_now == 0 && desc_reused == 0, "%s: all complete once released (%d errors, %d descriptors still owned, %d published twice)",
          what, errors, desc_owned_now, desc_reused);
}

/*
 * A wake-up must re-arm the interrupt. EVENT_IDX: the device interrupts once, when its used idx
 * passes used_event. Three requests (198 descriptors) on the ring, then a fourth that fills it and
 * a TEST UNIT READY that must wait for room: the driver notifies, and exactly then one request
 * completes, so the harvest before the wait takes one and arms used_event for the three left.
 * Their last completion is the one interrupt; its wake-up made room, the TEST UNIT READY goes on
 * the ring, and the unit task waits again. Unless that wake-up harvested (and so moved used_event
 * past the passed index), the device never interrupts again: three reads and the TEST UNIT READY
 * would stay completed on the ring and never be replied (the sam460ex legacy CI hang, issue 9).
 */
static int replied(const struct IOStdReq *io) { return (io->io_Flags & IOF_QUICK) || io->io_Message.mn_Node.ln_Type == NT_REPLYMSG; }
static void rearm_after_wake_tests(void)
{
    struct IOStdReq ios[5];
    struct SCSICmd cmd;
    uint8 cdb[6];
    uint8 *bufs[4], *raw[4];
    static const uint32 runs[4] = { 64, 64, 64, 56 };
    struct ring r;
    int i, k, n;
    if (modern) return; /* indirect tables: the queue never fills */
    for (i = 0; i < 5; i++) { init_io(&ios[i], reply_port); CHECK(do_open(&ios[i], 0) == 0, "rearm: open unit 0"); }
    for (i = 0; i < 4; i++) {
        raw[i] = malloc(65 * RUN);
        bufs[i] = (uint8 *)(((uintptr_t)raw[i] + RUN - 1) & ~(uintptr_t)(RUN - 1));
        ios[i].io_Command = CMD_READ; ios[i].io_Data = bufs[i]; ios[i].io_Length = runs[i] * RUN;
        ios[i].io_Offset = (uint32)i * (4u << 20); ios[i].io_Actual = 0;
    }
    memset(&cmd, 0, sizeof cmd); memset(cdb, 0, sizeof cdb);
    cmd.scsi_Command = cdb; cmd.scsi_CmdLength = 6; cmd.scsi_Flags = SCSIF_READ;
    ios[4].io_Command = HD_SCSICMD; ios[4].io_Data = &cmd; ios[4].io_Length = sizeof cmd;
    device_held = 1;
    for (i = 0; i < 3; i++) send_io(&ios[i]);
    for (k = 0; k < 200; k++) sim_SetSignal(0, 0);
    allow_on_notify = 1;
    send_io(&ios[3]);
    send_io(&ios[4]);
    for (k = 0; k < 200; k++) sim_SetSignal(0, 0);
    fetch();
    for (i = 0, n = 0; i < 5; i++) n += replied(&ios[i]);
    CHECK(n == 1 && npending == 3 && allow_on_notify == 0 && device_allow == 0,
          "rearm: one request completed at the notify before the wait for room, three held (%d replied, %d held, allowance %d/%d)",
          n, npending, allow_on_notify, device_allow);
    device_held = 0;
    for (k = 0; k < 2000; k++) {
        for (i = 0, n = 0; i < 5; i++) n += replied(&ios[i]);
        if (n == 5) break;
        sim_SetSignal(0, 0);
    }
    r = ring_of(2);
    CHECK(n == 5, "rearm: every request replied after the wake-up that made room (%d of 5; used_event %u, used idx %u, avail idx %u)",
          n, (unsigned)g16(r.avail + 4 + 2 * r.size), (unsigned)dev.q[2].used_idx, (unsigned)g16(r.avail + 2));
    if (n != 5) { printf("FATAL: unit 0 is stuck with completed requests on the ring\n"); exit(4); }
    for (i = 0; i < 5; i++) { CHECK(wait_io(&ios[i]) == 0, "rearm: request %d succeeded", i); iface.Close(&iface, (struct IORequest *)&ios[i]); }
    for (i = 0; i < 4; i++) free(raw[i]);
}

/* Event buffers the driver has posted that the device has not used yet. */
static int event_buffers_posted(void)
{
    struct ring r = ring_of(1);
    return (uint16)(g16(r.avail + 2) - dev.q[1].last_avail);
}

static int causes;
static void change_code(void) { causes++; }

/* Lets the other tasks (the event task) run until cond holds, at most a bounded number of turns. */
#define SETTLE(cond) do { int settle_; for (settle_ = 0; settle_ < 200000 && !(cond); settle_++) sim_SetSignal(0, 0); } while (0)

/*
 * The event queue (issue 14): HOTPLUG and CHANGE negotiated, buffers posted; a LUN that appears (TRANSPORT_RESET
 * RESCAN) becomes the next unit and works; one that goes (REMOVED) fails its requests with TDERR_BadUnitNum,
 * says "no medium", counts a change, causes the change interrupt, frees its buffers at the last close and cannot
 * be opened; when it comes back it has its old number; PARAM_CHANGE CAPACITY DATA HAS CHANGED re-reads the
 * capacity; an event dropped for want of buffers (EVENTS_MISSED) rescans every target.
 */
static void event_tests(void)
{
    struct vscsi_virtio_scsi_base *b = (struct vscsi_virtio_scsi_base *)devbase;
    struct IOStdReq io, held;
    struct Interrupt is;
    struct DriveGeometry64 g64;
    uint8 buf[4096];
    uint32 changes, units = b->unit_count;
    int8 e;
    int k;

    CHECK(b->events && (dev.guest_features & 6) == 6, "HOTPLUG and CHANGE negotiated: %x", dev.guest_features);
    /* A new disk at target 5. */
    disk[5].blocks = (1u << 20) / 512; disk[5].block_size = 512; disk[5].type = 0; disk[5].data = calloc(1u << 20, 1); disk[5].present = 1;
    CHECK(push_event(VSCSI_VIRTIO_SCSI_T_TRANSPORT_RESET, 5, 0, VSCSI_VIRTIO_SCSI_EVT_RESET_RESCAN), "rescan event delivered");
    SETTLE(b->unit_count == units + 1);
    CHECK(b->unit_count == units + 1 && b->units[units]->target == 5 && b->units[units]->lun == 0, "hot-plugged LUN is unit %u", units);
    init_io(&io, reply_port);
    CHECK(do_open(&io, units) == 0, "open the hot-plugged unit");
    roundtrip(&io, (int)units, 4096, 8192, 0, "hot-plugged unit");
    /* The change interrupt, held on the unit. */
    memset(&is, 0, sizeof is);
    is.is_Code = (VOID (*)())(APTR)change_code;
    init_io(&held, reply_port);
    held.io_Device = io.io_Device; held.io_Unit = io.io_Unit; held.io_Command = TD_ADDCHANGEINT; held.io_Data = &is; held.io_Length = sizeof is;
    send_io(&held);
    io.io_Command = TD_CHANGENUM;
    CHECK(do_io(&io) == 0, "TD_CHANGENUM");
    changes = io.io_Actual;
    causes = 0;
    /* It goes away. */
    disk[5].present = 0;
    CHECK(push_event(VSCSI_VIRTIO_SCSI_T_TRANSPORT_RESET, 5, 0, VSCSI_VIRTIO_SCSI_EVT_RESET_REMOVED), "removed event delivered");
    SETTLE(b->units[units]->gone);
    CHECK(b->units[units]->gone, "the removed LUN's unit is gone");
    e = rw(&io, CMD_READ, 0, buf, sizeof buf);
    CHECK(e == TDERR_BadUnitNum && io.io_Actual == 0, "a request to a removed unit fails with TDERR_BadUnitNum: %d", e);
    io.io_Command = TD_CHANGESTATE;
    CHECK(do_io(&io) == 0 && io.io_Actual == 1, "TD_CHANGESTATE of a removed unit: no medium (%u)", io.io_Actual);
    io.io_Command = TD_CHANGENUM;
    CHECK(do_io(&io) == 0 && io.io_Actual == changes + 1 && causes == 1, "removal counts one change (%u -> %u) and causes the change interrupt (%d)",
          changes, io.io_Actual, causes);
    held.io_Command = TD_REMCHANGEINT;
    send_io(&held);
    CHECK(wait_io(&held) == 0, "TD_REMCHANGEINT");
    /* Other units lost nothing meanwhile. */
    {
        struct IOStdReq other;
        init_io(&other, reply_port);
        CHECK(do_open(&other, 0) == 0, "open unit 0 beside the removed one");
        roundtrip(&other, 0, 1u << 20, 65536, 0, "unit 0 after a removal");
        iface.Close(&iface, (struct IORequest *)&other);
    }
    iface.Close(&iface, (struct IORequest *)&io);
    CHECK(!b->units[units]->buffers_ready && b->units[units]->control == NULL, "the last close of a removed unit frees its buffers");
    init_io(&io, reply_port);
    CHECK(do_open(&io, units) == IOERR_OPENFAIL, "a removed unit cannot be opened");
    /* It comes back: the same unit number. */
    disk[5].present = 1;
    CHECK(push_event(VSCSI_VIRTIO_SCSI_T_TRANSPORT_RESET, 5, 0, VSCSI_VIRTIO_SCSI_EVT_RESET_RESCAN), "rescan event delivered again");
    SETTLE(!b->units[units]->gone);
    CHECK(!b->units[units]->gone && b->unit_count == units + 1, "the LUN back is unit %u again (%u units)", units, b->unit_count);
    init_io(&io, reply_port);
    CHECK(do_open(&io, units) == 0, "open the unit that came back");
    roundtrip(&io, (int)units, 0, 4096, 0, "unit back");
    iface.Close(&iface, (struct IORequest *)&io);
    /* A capacity change: PARAM_CHANGE with CAPACITY DATA HAS CHANGED (2Ah/09h). */
    init_io(&io, reply_port);
    CHECK(do_open(&io, units) == 0, "open it for the capacity change");
    io.io_Command = TD_CHANGENUM;
    do_io(&io);
    changes = io.io_Actual;
    disk[5].blocks = (512u << 10) / 512;
    CHECK(push_event(VSCSI_VIRTIO_SCSI_T_PARAM_CHANGE, 5, 0, 0x2A | (0x09 << 8)), "param change event delivered");
    SETTLE(b->units[units]->core.change_count == changes + 1);
    io.io_Command = NSCMD_TD_GETGEOMETRY64; io.io_Data = &g64; io.io_Length = sizeof g64;
    e = do_io(&io);
    CHECK(b->units[units]->core.change_count == changes + 1 && e == 0 && g64.dg_TotalSectors == disk[5].blocks,
          "PARAM_CHANGE 2Ah/09h: one change, the new capacity %u (%u)", (uint32)g64.dg_TotalSectors, (uint32)disk[5].blocks);
    iface.Close(&iface, (struct IORequest *)&io);
    /* Events dropped for want of buffers: every buffer used up while the event task cannot run, then one more. */
    disk[5].present = 0;
    for (k = 0; k < 64 && push_event(VSCSI_VIRTIO_SCSI_T_NO_EVENT, 0, 0, 0); k++) { }
    CHECK(!push_event(VSCSI_VIRTIO_SCSI_T_NO_EVENT, 0, 0, 0) && events_dropped, "the event queue ran dry after %d events", k);
    SETTLE(event_buffers_posted() > 0);
    CHECK(push_event(VSCSI_VIRTIO_SCSI_T_NO_EVENT, 0, 0, 0), "the driver gave the buffers back");
    SETTLE(b->units[units]->gone);
    CHECK(b->units[units]->gone && !b->units[0]->gone && !b->units[3]->gone, "EVENTS_MISSED rescans: the unplugged LUN is gone, the others stay");
}

static void capacity_tests(void)
{
    struct IOStdReq ios[5];
    uint8 *bufs[5], *raw[5];
    /* 256 descriptors = 66 + 66 + 66 + 58; then 66 + 66 + 66 + 57 leaves one free, too few for a
     * TEST UNIT READY (request header + response). */
    static const uint32 exact[5] = { 64, 64, 64, 56, 1 }, one_short[5] = { 64, 64, 64, 55, 0 };
    int i;
    if (modern) return; /* indirect tables: one ring descriptor per request, the queue never fills */
    CHECK(dev.q[2].size == 256, "request queue of 256 entries: %u", dev.q[2].size);
    for (i = 0; i < 5; i++) {
        raw[i] = malloc(65 * RUN);
        bufs[i] = (uint8 *)(((uintptr_t)raw[i] + RUN - 1) & ~(uintptr_t)(RUN - 1));
        init_io(&ios[i], reply_port);
        CHECK(do_open(&ios[i], 0) == 0, "capacity: open unit 0");
    }
    capacity_round(ios, bufs, exact, 5, 0, 4, 256, "exactly the queue's 256 descriptors, a fifth request waits");
    capacity_round(ios, bufs, one_short, 5, 1, 4, 255, "255 descriptors, a 2-descriptor request waits for the last one");
    for (i = 0; i < 5; i++) { iface.Close(&iface, (struct IORequest *)&ios[i]); free(raw[i]); }
}

static void dbg_units(void)
{
    struct vscsi_virtio_scsi_base *b = (struct vscsi_virtio_scsi_base *)devbase;
    uint32 i;
    int k;
    if (b == NULL) return;
    printf("  base in_flight %u\n", b->in_flight);
    for (i = 0; i < b->unit_count; i++) {
        struct vscsi_dev_unit *u = b->units[i];
        int msgs = 0;
        struct Node *n;
        if (u->core.port != NULL) for (n = u->core.port->mp_MsgList.lh_Head; n->ln_Succ != NULL; n = n->ln_Succ) msgs++;
        printf("  unit %u task %d open %u in_flight %u msgs %d done_mask %x port_mask %x slots", i, u->core.worker.task ? (int)((struct SimTask *)(void *)u->core.worker.task - tasks) : -1,
            u->core.open_count, u->core.in_flight, msgs, u->core.done_mask, u->core.port_mask);
        for (k = 0; k < 17; k++) printf(" %u", u->slots[k].state);
        printf("\n");
    }
}

/* One HD_SCSICMD through BeginIO: the caller's CDB, data buffer and flags, a 32-byte sense buffer. */
static int8 scsi_cmd(struct IOStdReq *io, struct SCSICmd *cmd, const uint8 *cdb, uint16 cdb_len, void *data, uint32 len,
                     uint8 flags, uint8 *sense, uint16 sense_len)
{
    memset(cmd, 0xA5, sizeof *cmd);
    cmd->scsi_Data = (UWORD *)data;
    cmd->scsi_Length = len;
    cmd->scsi_Command = (UBYTE *)cdb;
    cmd->scsi_CmdLength = cdb_len;
    cmd->scsi_Flags = flags;
    cmd->scsi_SenseData = sense;
    cmd->scsi_SenseLength = sense_len;
    if (sense != NULL) memset(sense, 0xEE, sense_len);
    io->io_Command = HD_SCSICMD;
    io->io_Data = cmd;
    io->io_Length = sizeof *cmd;
    return do_io(io);
}

static void cdb_rw10(uint8 *cdb, uint8 op, uint32 lba, uint16 blocks)
{
    memset(cdb, 0, 10);
    cdb[0] = op;
    put_be32(cdb + 2, lba);
    cdb[7] = (uint8)(blocks >> 8); cdb[8] = (uint8)blocks;
}

/* HD_SCSICMD on unit 0 (disk[0], 512-byte blocks): the device's own answers, data both ways
 * through the bounce buffer and scatter-gather, CHECK CONDITION with autosense, bad requests. */
static void scsi_direct_tests(struct IOStdReq *io)
{
    struct SCSICmd cmd;
    uint8 cdb[40], sense[32], inq[64];
    uint8 *w = malloc(131072 + 16), *r = malloc(131072 + 16), *big = malloc(131072 + 16);
    uint32 n;
    int8 e;

    CHECK(sizeof(struct SCSICmd) == 30, "struct SCSICmd is 30 bytes: %u", (unsigned)sizeof(struct SCSICmd));

    /* INQUIRY: the target's data; 64 bytes offered, 36 allocated: scsi_Actual from the residual. */
    memset(cdb, 0, 6); cdb[0] = 0x12; cdb[4] = 36;
    memset(inq, 0, sizeof inq);
    e = scsi_cmd(io, &cmd, cdb, 6, inq, 64, SCSIF_READ | SCSIF_AUTOSENSE, sense, 32);
    CHECK(e == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == 36 && cmd.scsi_CmdActual == 6 && cmd.scsi_SenseActual == 0
          && io->io_Actual == sizeof cmd, "HD_SCSICMD INQUIRY: error %d status %u actual %u cmd actual %u sense actual %u io_Actual %u",
          e, cmd.scsi_Status, cmd.scsi_Actual, cmd.scsi_CmdActual, cmd.scsi_SenseActual, io->io_Actual);
    CHECK(memcmp(inq + 8, "SIM     VIRTIO DISK    ", 23) == 0 && inq[31] == '0' && inq[0] == 0, "HD_SCSICMD INQUIRY data of target 0");

    /* TEST UNIT READY: no data phase. */
    n = scsi_commands[0x00];
    memset(cdb, 0, 6);
    e = scsi_cmd(io, &cmd, cdb, 6, NULL, 0, SCSIF_READ, NULL, 0);
    CHECK(e == 0 && cmd.scsi_Status == 0 && cmd.scsi_Actual == 0 && scsi_commands[0x00] == n + 1, "HD_SCSICMD TEST UNIT READY: %d", e);

    /* UNIT ATTENTION is the caller's to see (no retry), sense with it; the next command is GOOD. */
    disk[0].unit_attention = 1;
    e = scsi_cmd(io, &cmd, cdb, 6, NULL, 0, SCSIF_READ | SCSIF_AUTOSENSE, sense, 32);
    CHECK(e == HFERR_BadStatus && cmd.scsi_Status == 2 && cmd.scsi_SenseActual == 18 && (sense[2] & 15) == 6 && sense[12] == 0x29
          && scsi_commands[0x00] == n + 2, "HD_SCSICMD UNIT ATTENTION not retried: error %d status %u sense actual %u key %u",
          e, cmd.scsi_Status, cmd.scsi_SenseActual, sense[2] & 15);
    e = scsi_cmd(io, &cmd, cdb, 6, NULL, 0, SCSIF_READ, NULL, 0);
    CHECK(e == 0 && cmd.scsi_Status == 0, "HD_SCSICMD after the unit attention: %d", e);

    /* READ(10) through the bounce buffer: the bytes CMD_WRITE put there. */
    fill(w, 4096, 777);
    CHECK(rw(io, CMD_WRITE, 300 * 512, w, 4096) == 0, "CMD_WRITE for the passthrough read");
    cdb_rw10(cdb, 0x28, 300, 8);
    memset(r + 1, 0, 4096);
    e = scsi_cmd(io, &cmd, cdb, 10, r + 1, 4096, SCSIF_READ, NULL, 0);
    CHECK(e == 0 && cmd.scsi_Actual == 4096 && memcmp(w, r + 1, 4096) == 0, "HD_SCSICMD READ(10) 4 KiB = CMD_WRITE's data: %d %u", e, cmd.scsi_Actual);

    /* WRITE(10) (no SCSIF_READ) of 128 KiB: mapped with StartDMA in several runs; CMD_READ sees it. */
    fill(big, 131072, 4242);
    n = scsi_commands[0x2A];
    cdb_rw10(cdb, 0x2A, 1000, 256);
    e = scsi_cmd(io, &cmd, cdb, 10, big, 131072, SCSIF_WRITE, NULL, 0);
    CHECK(e == 0 && cmd.scsi_Actual == 131072 && scsi_commands[0x2A] == n + 1, "HD_SCSICMD WRITE(10) 128 KiB: %d %u", e, cmd.scsi_Actual);
    memset(r, 0, 131072);
    CHECK(rw(io, CMD_READ, 1000 * 512, r, 131072) == 0 && memcmp(big, r, 131072) == 0, "CMD_READ returns the passthrough write");
    memset(r, 0, 131072);
    cdb_rw10(cdb, 0x28, 1000, 256);
    e = scsi_cmd(io, &cmd, cdb, 10, r, 131072, SCSIF_READ, NULL, 0);
    CHECK(e == 0 && cmd.scsi_Actual == 131072 && memcmp(big, r, 131072) == 0, "HD_SCSICMD READ(10) 128 KiB scatter-gather: %d %u", e, cmd.scsi_Actual);

    /* CHECK CONDITION: READ(10) past the last block; autosense into 32, 8 and no bytes. */
    cdb_rw10(cdb, 0x28, (uint32)disk[0].blocks, 1);
    e = scsi_cmd(io, &cmd, cdb, 10, r, 512, SCSIF_READ | SCSIF_AUTOSENSE, sense, 32);
    CHECK(e == HFERR_BadStatus && cmd.scsi_Status == 2 && cmd.scsi_SenseActual == 18 && sense[0] == 0x70 && (sense[2] & 15) == 5
          && sense[12] == 0x21 && sense[18] == 0xEE && cmd.scsi_Actual == 0,
          "HD_SCSICMD invalid LBA: error %d status %u actual %u sense actual %u key %u asc %02x",
          e, cmd.scsi_Status, cmd.scsi_Actual, cmd.scsi_SenseActual, sense[2] & 15, sense[12]);
    e = scsi_cmd(io, &cmd, cdb, 10, r, 512, SCSIF_READ | SCSIF_AUTOSENSE, sense, 8);
    CHECK(e == HFERR_BadStatus && cmd.scsi_SenseActual == 8 && sense[0] == 0x70 && (sense[2] & 15) == 5, "autosense cut to scsi_SenseLength: %u", cmd.scsi_SenseActual);
    e = scsi_cmd(io, &cmd, cdb, 10, r, 512, SCSIF_READ, sense, 32);
    CHECK(e == HFERR_BadStatus && cmd.scsi_Status == 2 && cmd.scsi_SenseActual == 0 && sense[0] == 0xEE, "no SCSIF_AUTOSENSE, no sense: %u", cmd.scsi_SenseActual);

    /* Bad requests. */
    cdb_rw10(cdb, 0x28, 0, 1);
    io->io_Command = HD_SCSICMD; io->io_Data = &cmd; io->io_Length = sizeof cmd - 1;
    CHECK(do_io(io) == IOERR_BADLENGTH, "io_Length below sizeof(struct SCSICmd) -> IOERR_BADLENGTH");
    io->io_Data = NULL; io->io_Length = sizeof cmd;
    CHECK(do_io(io) == IOERR_BADLENGTH, "io_Data NULL -> IOERR_BADLENGTH");
    n = scsi_commands[0x28];
    e = scsi_cmd(io, &cmd, NULL, 10, r, 512, SCSIF_READ, NULL, 0);
    CHECK(e == HFERR_BadStatus, "scsi_Command NULL -> HFERR_BadStatus: %d", e);
    e = scsi_cmd(io, &cmd, cdb, 0, r, 512, SCSIF_READ, NULL, 0);
    CHECK(e == HFERR_BadStatus && cmd.scsi_Status == 0 && cmd.scsi_Actual == 0, "scsi_CmdLength 0 -> HFERR_BadStatus: %d", e);
    e = scsi_cmd(io, &cmd, cdb, 33, r, 512, SCSIF_READ, NULL, 0);
    CHECK(e == HFERR_BadStatus, "scsi_CmdLength 33 (cdb_size 32) -> HFERR_BadStatus: %d", e);
    e = scsi_cmd(io, &cmd, cdb, 10, NULL, 512, SCSIF_READ, NULL, 0);
    CHECK(e == IOERR_BADADDRESS, "scsi_Data NULL with scsi_Length 512 -> IOERR_BADADDRESS: %d", e);
    CHECK(scsi_commands[0x28] == n, "no bad request reached the device");
    memset(cdb, 0, 32); cdb[0] = 0x12; cdb[4] = 36;
    e = scsi_cmd(io, &cmd, cdb, 32, inq, 36, SCSIF_READ, NULL, 0);
    CHECK(e == 0 && cmd.scsi_Actual == 36 && cmd.scsi_CmdActual == 32, "a 32-byte CDB is accepted: %d", e);
    free(w); free(r); free(big);
}

static void run_tests(void)
{
    struct TagItem *tags = (struct TagItem *)drv_resident.rt_Init;
    struct Library *(*init)(struct Library *, APTR, struct ExecIFace *);
    APTR *ifaces, *vectors, *vec68k;
    struct IOStdReq io, io2, io3, held;
    struct DriveGeometry g;
    struct DriveGeometry64 g64;
    struct NSDeviceQueryResult q;
    struct client clients[3];
    uint8 *buf;
    uint32 size, i, n;
    int8 e;

    /* The resident tag, as exec scans for it. */
    CHECK(drv_resident.rt_MatchWord == RTC_MATCHWORD && drv_resident.rt_MatchTag == &drv_resident, "resident match");
    CHECK(drv_resident.rt_Flags == (RTF_NATIVE | RTF_COLDSTART | RTF_AUTOINIT), "resident flags %x", drv_resident.rt_Flags);
    CHECK(drv_resident.rt_Type == NT_DEVICE && drv_resident.rt_Pri == 0 && drv_resident.rt_Version == 53, "resident type/pri/version");
    CHECK(strcmp(drv_resident.rt_Name, "virtioscsi.device") == 0, "resident name");
    CHECK(strncmp(drv_resident.rt_IdString, "virtioscsi.device 53.12 (", 25) == 0, "id string '%s'", drv_resident.rt_IdString);

    /* CreateLibrary as exec does it for RTF_AUTOINIT|RTF_NATIVE. */
    size = tag_value(tags, CLT_DataSize);
    init = (struct Library *(*)(struct Library *, APTR, struct ExecIFace *))(APTR)tag_value(tags, CLT_InitFunc);
    ifaces = (APTR *)tag_value(tags, CLT_Interfaces);
    vec68k = (APTR *)tag_value(tags, CLT_Vector68K);
    CHECK(size >= sizeof(struct Device) && init != NULL && ifaces != NULL && vec68k != NULL, "CreateLibrary tags");
    CHECK(strcmp((const char *)tag_value((struct TagItem *)ifaces[0], MIT_Name), "__device") == 0 && ifaces[1] == NULL, "one __device interface");
    vectors = (APTR *)tag_value((struct TagItem *)ifaces[0], MIT_VectorTable);
    CHECK(vectors[10] == (APTR)-1 && vec68k[6] == (APTR)-1 && vec68k[4] == vectors[8], "vector tables (BeginIO at -30)");
    iface.Obtain = (uint32 (*)(struct DeviceManagerInterface *))vectors[0];
    iface.Open = (void (*)(struct DeviceManagerInterface *, struct IORequest *, uint32, uint32))vectors[4];
    iface.Close = (APTR (*)(struct DeviceManagerInterface *, struct IORequest *))vectors[5];
    iface.LibExpunge = (APTR (*)(struct DeviceManagerInterface *))vectors[6];
    iface.BeginIO = (void (*)(struct DeviceManagerInterface *, struct IORequest *))vectors[8];
    iface.AbortIO = (void (*)(struct DeviceManagerInterface *, struct IORequest *))vectors[9];
    devbase = calloc(1, size);
    devbase = init(devbase, (APTR)0x1234, &sim_iexec);
    CHECK(devbase != NULL, "init");
    if (devbase == NULL) return;
    iface.Data.LibBase = devbase;
    /* RTF_AUTOINIT: exec adds the device to its list. */
    sim_NewList(&device_list);
    add_tail(&device_list, &devbase->lib_Node);
    CHECK(devbase->lib_Node.ln_Type == NT_DEVICE && devbase->lib_Version == 53 && devbase->lib_Revision == 12, "library node");
    CHECK(sim_ReadConfigLong(0x24) == 0, "BAR5 high dword cleared");
    CHECK((sim_ReadConfigWord(4) & 7) == 7, "I/O, memory and bus master enabled");
    if (modern) {
        CHECK(dev.guest_features == ((1u << 29) | (1u << 28) | (1u << 2) | (1u << 1)) && dev.guest_features_hi == 1,
              "modern negotiates EVENT_IDX, INDIRECT_DESC, HOTPLUG, CHANGE and VERSION_1: %x %x", dev.guest_features, dev.guest_features_hi);
        CHECK(dev.status == 15, "status FEATURES_OK | DRIVER_OK on modern: %u", dev.status);
        CHECK(dev.q[0].enable && dev.q[1].enable && dev.q[2].enable, "three queues enabled");
    } else {
        CHECK(dev.guest_features == ((1u << 29) | (1u << 2) | (1u << 1)), "legacy negotiates EVENT_IDX, HOTPLUG and CHANGE, no INDIRECT_DESC: %x", dev.guest_features);
        CHECK(dev.status == 7, "status DRIVER_OK on legacy: %u", dev.status);
        CHECK(dev.q[0].pfn && dev.q[1].pfn && dev.q[2].pfn, "three queues set up");
    }
    CHECK(irq_server != NULL && irq_number == 9, "interrupt server on the mapped interrupt");
    CHECK(scsi_commands[0x12] >= NTARGETS && scsi_commands[0x25] >= NTARGETS, "discovery by INQUIRY and READ CAPACITY(10)");
    CHECK(scsi_commands[0x9E] >= 1, "READ CAPACITY(16) for the 3 TiB disk");

    reply_port = new_port();
    init_io(&io, reply_port);
    init_io(&io2, reply_port);
    CHECK(do_open(&io2, NTARGETS) == IOERR_OPENFAIL && io2.io_Device == (struct Device *)-1, "unit out of range -> IOERR_OPENFAIL");
    for (i = 0; i < NTARGETS; i++) {
        init_io(&io2, reply_port);
        e = do_open(&io2, i);
        CHECK(e == 0, "open unit %u: %d", i, e);
        io2.io_Command = TD_GETGEOMETRY; io2.io_Data = &g; io2.io_Length = sizeof g;
        memset(&g, 0xEE, sizeof g);
        e = do_io(&io2);
        CHECK(e == 0 && io2.io_Actual == sizeof g, "TD_GETGEOMETRY unit %u: %d", i, e);
        CHECK(g.dg_SectorSize == disk[i].block_size, "unit %u sector size %u", i, g.dg_SectorSize);
        CHECK((uint64)g.dg_Cylinders * g.dg_CylSectors == disk[i].blocks || disk[i].blocks > 0xFFFFFFFFull * 256, "unit %u CHS product", i);
        CHECK(g.dg_TotalSectors == (disk[i].blocks > 0xFFFFFFFFull ? 0xFFFFFFFFu : (uint32)disk[i].blocks), "unit %u total %u", i, g.dg_TotalSectors);
        CHECK(g.dg_Heads == g.dg_CylSectors && g.dg_TrackSectors == 1 && g.dg_Reserved == 0, "unit %u heads/track sectors", i);
        CHECK(g.dg_DeviceType == (disk[i].type == 5 ? DG_CDROM : DG_DIRECT_ACCESS), "unit %u device type", i);
        iface.Close(&iface, (struct IORequest *)&io2);
    }
    CHECK(devbase->lib_OpenCnt == 0, "open count back to 0");

    e = do_open(&io, 0);
    CHECK(e == 0, "open unit 0");
    roundtrip(&io, 0, 0, 512, 0, "512 B at 0");
    roundtrip(&io, 0, 4096, 4096, 0, "4 KiB");
    roundtrip(&io, 0, 8192, 65536, 0, "64 KiB (bounce)");
    roundtrip(&io, 0, 1 << 20, 65536 + 512, 0, "64 KiB + 512 (mapped)");
    roundtrip(&io, 0, 2 << 20, 1 << 20, 0, "1 MiB (scatter-gather)");
    roundtrip(&io, 0, 4 << 20, 1 << 20, 3, "1 MiB unaligned buffer");
    roundtrip(&io, 0, 512 * 7, 512, 1, "unaligned 512 B");
    roundtrip(&io, 0, (disk[0].blocks - 8) * 512, 4096, 0, "last blocks");
    /* A UNIT ATTENTION in the middle of things (e.g. after a bus reset): retried, not failed. */
    n = scsi_commands[0x2A];
    disk[0].unit_attention = 1;
    roundtrip(&io, 0, 12288, 4096, 0, "after a unit attention");
    CHECK(disk[0].unit_attention == 0 && scsi_commands[0x2A] == n + 2, "the write that met UNIT ATTENTION went again (%u WRITE(10))", scsi_commands[0x2A] - n);
    CHECK(scsi_commands[0x88] == 0, "no READ(16) so far");

    /* Bad requests; the driver keeps working after each. */
    e = rw(&io, CMD_READ, 0, NULL, 512);
    CHECK(e != 0, "NULL buffer fails: %d", e);
    buf = malloc(8192);
    e = rw(&io, CMD_READ, 0, buf, 0);
    CHECK(e == 0 && io.io_Actual == 0, "zero length: %d %u", e, io.io_Actual);
    e = rw(&io, CMD_READ, 0, buf, 100);
    CHECK(e == IOERR_BADLENGTH, "partial block length: %d", e);
    e = rw(&io, CMD_READ, disk[0].blocks * 512, buf, 512);
    CHECK(e == IOERR_NOCMD && io.io_Actual == 0, "read past the end -> ILLEGAL REQUEST -> IOERR_NOCMD: %d", e);
    e = rw(&io, 0x7777, 0, buf, 512);
    CHECK(e == IOERR_NOCMD, "unknown command: %d", e);
    roundtrip(&io, 0, 0, 512, 0, "after the bad requests");

    /* DEVICEQUERY, drive type, held change interrupt. */
    io.io_Command = NSCMD_DEVICEQUERY; io.io_Data = &q; io.io_Length = sizeof q;
    e = do_io(&io);
    CHECK(e == 0 && q.DeviceType == NSDEVTYPE_TRACKDISK && q.SizeAvailable == 16, "NSCMD_DEVICEQUERY");
    for (n = 0; q.SupportedCommands != NULL && q.SupportedCommands[n] != 0; n++) { }
    CHECK(n >= 40, "supported command list (%u)", n);
    for (n = 0; q.SupportedCommands != NULL && q.SupportedCommands[n] != 0 && q.SupportedCommands[n] != HD_SCSICMD; n++) { }
    CHECK(q.SupportedCommands != NULL && q.SupportedCommands[n] == HD_SCSICMD, "NSCMD_DEVICEQUERY lists HD_SCSICMD");
    scsi_direct_tests(&io);
    roundtrip(&io, 0, 0, 512, 0, "after HD_SCSICMD");
    io.io_Command = TD_GETDRIVETYPE;
    CHECK(do_io(&io) == 0 && io.io_Actual == DRIVE3_5, "TD_GETDRIVETYPE");
    init_io(&held, reply_port);
    held.io_Device = io.io_Device; held.io_Unit = io.io_Unit; held.io_Command = TD_ADDCHANGEINT;
    send_io(&held);
    sim_SetSignal(0, 0);
    CHECK(held.io_Message.mn_Node.ln_Type != NT_REPLYMSG, "TD_ADDCHANGEINT is held");
    /* trackdisk autodoc: TD_REMCHANGEINT is sent with the very request TD_ADDCHANGEINT holds, which is
     * then replied once, as this command (a second reply would link the message into the port twice). */
    held.io_Command = TD_REMCHANGEINT;
    send_io(&held);
    CHECK(wait_io(&held) == 0 && held.io_Message.mn_Node.ln_Type == NT_REPLYMSG && reply_port->mp_MsgList.lh_Head->ln_Succ == NULL,
          "TD_REMCHANGEINT with the held request replies it once");

    /* AbortIO of a request still queued. */
    init_io(&io2, reply_port); init_io(&io3, reply_port);
    io2.io_Device = io3.io_Device = io.io_Device; io2.io_Unit = io3.io_Unit = io.io_Unit;
    io2.io_Command = io3.io_Command = CMD_READ; io2.io_Data = buf; io3.io_Data = buf + 4096; io2.io_Length = io3.io_Length = 4096;
    send_io(&io2); send_io(&io3);
    iface.AbortIO(&iface, (struct IORequest *)&io3);
    CHECK(wait_io(&io3) == IOERR_ABORTED, "AbortIO of a queued request");
    CHECK(wait_io(&io2) == 0, "the other request completes");
    iface.Close(&iface, (struct IORequest *)&io);

    /* The 4 KiB-sector disk. */
    init_io(&io, reply_port);
    CHECK(do_open(&io, 1) == 0, "open unit 1");
    roundtrip(&io, 1, 0, 4096, 0, "4Kn one block");
    roundtrip(&io, 1, 40960, 65536 + 4096, 0, "4Kn mapped");
    e = rw(&io, CMD_READ, 512, buf, 4096);
    CHECK(e == IOERR_BADLENGTH, "4Kn: offset not a multiple of the block: %d", e);
    iface.Close(&iface, (struct IORequest *)&io);

    /* The 3 TiB disk: above LBA 2^32, 64-bit geometry. */
    init_io(&io, reply_port);
    CHECK(do_open(&io, 2) == 0, "open unit 2");
    roundtrip(&io, 2, 5ull << 40 >> 1, 4096, 0, "above 2 TiB (READ/WRITE(16))");
    roundtrip(&io, 2, (disk[2].blocks - 2) * 512, 1024, 0, "last blocks of 3 TiB");
    CHECK(scsi_commands[0x88] >= 2 && scsi_commands[0x8A] >= 2, "READ(16)/WRITE(16) used above 2^32 blocks");
    io.io_Command = NSCMD_TD_GETGEOMETRY64; io.io_Data = &g64; io.io_Length = sizeof g64;
    CHECK(do_io(&io) == 0 && g64.dg_TotalSectors == disk[2].blocks && g64.dg_SectorSize == 512, "NSCMD_TD_GETGEOMETRY64 exact count");
    io.io_Command = TD_GETNUMTRACKS;
    CHECK(do_io(&io) == 0 && io.io_Actual == 0xFFFFFFFFu, "TD_GETNUMTRACKS clamped: %u", io.io_Actual);
    iface.Close(&iface, (struct IORequest *)&io);

    /* More than 65535 blocks in one request: READ(16) by count. */
    init_io(&io, reply_port);
    CHECK(do_open(&io, 0) == 0, "open unit 0 again");
    n = scsi_commands[0x88];
    contiguous_buffers = 1;
    roundtrip(&io, 0, 0, 33u << 20, 0, "33 MiB");
    contiguous_buffers = 0;
    CHECK(scsi_commands[0x88] == n + 1, "33 MiB (one physical run) read as one READ(16)");
    n = scsi_commands[0x28];
    roundtrip(&io, 0, 40u << 20, 8u << 20, 1, "8 MiB in 129 runs");
    CHECK(scsi_commands[0x28] - n >= 33, "8 MiB in more runs than one command takes: several READ(10) (%u)", scsi_commands[0x28] - n);
    io.io_Command = CMD_UPDATE;
    CHECK(do_io(&io) == 0 && scsi_commands[0x35] >= 1, "CMD_UPDATE -> SYNCHRONIZE CACHE");
    iface.Close(&iface, (struct IORequest *)&io);

    capacity_tests();
    rearm_after_wake_tests();
    event_tests();

    /* Concurrency: three client tasks on three units, six requests in flight each. */
    n = interrupts_delivered;
    for (i = 0; i < 3; i++) { memset(&clients[i], 0, sizeof clients[i]); clients[i].unit = (int)(i == 2 ? 0 : i); create_task("client", client_task, &clients[i]); }
    clients[1].unit = 1;
    while (!clients[0].done || !clients[1].done || !clients[2].done) sim_SetSignal(0, 0);
    for (i = 0; i < 3; i++) CHECK(clients[i].errors == 0 && clients[i].requests == 48, "client %u: %d errors, %d requests", i, clients[i].errors, clients[i].requests);
    CHECK(interrupts_delivered > n, "completions arrive through the interrupt (%u)", interrupts_delivered - n);
    CHECK(devbase->lib_OpenCnt == 0, "all closed");
    free(buf);

    /* Expunge: everything back. */
    CHECK(iface.LibExpunge(&iface) == (APTR)0x1234, "expunge returns the seglist");
    CHECK(library_deleted == 1 && irq_server == NULL && device_freed == 1 && bar0_out == 0 && interfaces_dropped == 1, "expunge releases the library, interrupt, PCI device");
    CHECK(blocks_live == 0, "no memory leaked (%d blocks)", blocks_live);
    CHECK(mappings_live == 0, "every StartDMA ended (%d open)", mappings_live);
    CHECK(ports_live == 0 && mutexes_live == 0, "ports %d, mutexes %d", ports_live, mutexes_live);
    CHECK(dev.status == 0, "device reset");
    CHECK(desc_reused == 0, "no descriptor the device owned was published again (%d)", desc_reused);
    CHECK(modern ? indirect_chains > 0 : indirect_chains == 0, "indirect descriptors on modern only (%u)", indirect_chains);
    printf("transport %s, interrupts %u, unit tasks %d, indirect chains %u\n", modern ? "modern" : "legacy", interrupts_delivered, unit_tasks_created, indirect_chains);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    modern = argc > 1 && strcmp(argv[1], "modern") == 0;
    setup_exec();
    reset_device();
    disk[0].blocks = (48u << 20) / 512; disk[0].block_size = 512; disk[0].type = 0; disk[0].data = calloc(48u << 20, 1);
    disk[1].blocks = (8u << 20) / 4096; disk[1].block_size = 4096; disk[1].type = 0; disk[1].data = calloc(8u << 20, 1);
    disk[2].blocks = (3ull << 40) / 512; disk[2].block_size = 512; disk[2].type = 0; disk[2].data = NULL;
    disk[3].blocks = (4u << 20) / 2048; disk[3].block_size = 2048; disk[3].type = 5; disk[3].data = calloc(4u << 20, 1);
    disk[0].present = disk[1].present = disk[2].present = disk[3].present = 1;
    tasks[0].used = 1; tasks[0].ready = 1; tasks[0].name = "main";
    current = 0;
    run_tests();
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
