/*
 * IExec for the harness: memory, lists, signals, tasks, message ports, mutexes, interrupt
 * servers, DMA mapping and cache calls. Tasks are cooperative (sched.c): a task runs until it
 * Wait()s, so exec's Forbid() is implicit and Disable() only has to keep interrupt handlers out.
 */
#include <stdarg.h>
#include <string.h>
#include "harness/exec.h"
#include "harness/mem.h"
#include "harness/irq.h"
#include "harness/console.h"
#include "harness/pci.h"

struct exec_stats exec_stats;
struct ExecIFace *IExec;
struct ExecBase *SysBase;

static struct ExecIFace exec_iface;
static struct ExecBase exec_base;
static struct Task main_tc;
static struct List task_list;

#define misuse(...) do { exec_stats.errors++; kprintf("exec: " __VA_ARGS__); kprintf("\n"); } while (0)

/* ---- lists (exec.doc: AddTail, Remove, RemHead, NewList) ---- */

static void NewList_(struct List *l)
{
    l->lh_Head = (struct Node *)&l->lh_Tail;
    l->lh_Tail = 0;
    l->lh_TailPred = (struct Node *)&l->lh_Head;
    l->lh_Type = 0;
}

void exec_AddTail(struct List *l, struct Node *n)
{
    n->ln_Succ = (struct Node *)&l->lh_Tail;
    n->ln_Pred = l->lh_TailPred;
    l->lh_TailPred->ln_Succ = n;
    l->lh_TailPred = n;
}

static void Remove_(struct Node *n)
{
    n->ln_Pred->ln_Succ = n->ln_Succ;
    n->ln_Succ->ln_Pred = n->ln_Pred;
}

struct Node *exec_RemHead(struct List *l)
{
    struct Node *n = l->lh_Head;
    if (!n->ln_Succ) return 0;
    Remove_(n);
    return n;
}

int exec_IsListEmpty(const struct List *l) { return l->lh_TailPred == (const struct Node *)l; }

/* ---- tag lists ---- */

/* Reads (tag, data) pairs from a varargs list until TAG_DONE; calls fn for each. */
#define FOR_EACH_TAG(ap, tag, data, body) \
    for (;;) { uint32 tag = va_arg(ap, uint32); if (tag == TAG_DONE) break; \
               uint32 data = va_arg(ap, uint32); if (tag == TAG_IGNORE) continue; body; }

/* ---- memory ---- */

/* Blocks allocated with AVT_Contiguous: physically contiguous, so StartDMA maps them as one run. */
#define MAX_CONTIGUOUS 1024
static struct { uptr start; uint32 size; } contiguous[MAX_CONTIGUOUS];
static unsigned ncontiguous;

static int in_contiguous_block(uptr a, uint32 size)
{
    for (unsigned i = 0; i < ncontiguous; i++)
        if (a >= contiguous[i].start && a + size <= contiguous[i].start + contiguous[i].size) return 1;
    return 0;
}

static void forget_contiguous(uptr a)
{
    for (unsigned i = 0; i < ncontiguous; i++)
        if (contiguous[i].start == a) { contiguous[i] = contiguous[--ncontiguous]; return; }
}

static APTR AllocVecTags_(uint32 size, ...)
{
    uint32 type = MEMF_ANY, align = 0, clear = 0, clear_value = 0, contig = 0;
    va_list ap; va_start(ap, size);
    FOR_EACH_TAG(ap, tag, data, {
        switch (tag) {
        case AVT_Type: type = data; break;
        case AVT_Alignment: case AVT_PhysicalAlignment: if (data > align) align = data; break;
        case AVT_ClearWithValue: clear = 1; clear_value = data; break;
        case AVT_Contiguous: contig = data != 0; break;
        case AVT_Lock: break;
        default: misuse("AllocVecTags: unknown tag %08x", tag); break;
        }
    });
    va_end(ap);
    if (type & MEMF_CLEAR) { clear = 1; clear_value = 0; }
    if (size == 0) return 0;
    if (align & (align - 1)) { misuse("AllocVecTags: alignment %u is not a power of two", align); return 0; }
    void *p = mem_alloc(size, align);
    if (!p) return 0;
    if (clear) memset(p, (int)clear_value, size);
    if (contig) {
        if (ncontiguous == MAX_CONTIGUOUS) panic("AllocVecTags: more than %u AVT_Contiguous blocks", MAX_CONTIGUOUS);
        contiguous[ncontiguous].start = (uptr)p; contiguous[ncontiguous].size = size; ncontiguous++;
    }
    exec_stats.allocs++;
    exec_stats.live_blocks++;
    return p;
}

static void FreeVec_(APTR p)
{
    if (!p) return;
    if (!mem_size(p)) { misuse("FreeVec(%p): not a block from AllocVecTags", p); return; }
    forget_contiguous((uptr)p);
    mem_free(p);
    exec_stats.frees++;
    exec_stats.live_blocks--;
}

static void CopyMem_(CONST_APTR src, APTR dst, uint32 size) { memmove(dst, src, size); }

/* ---- caches and DMA (QEMU models no caches: these validate and count) ---- */

static int ram_range(CONST_APTR p, uint32 size)
{
    extern char _image_start[];
    uptr a = (uptr)p;
    return a >= (uptr)_image_start && a + size >= a && a + size <= 0x10000000u;
}

static void CacheClearE_(APTR address, uint32 length, uint32 caches)
{
    exec_stats.cache_clears++;
    if (!(caches & (CACRF_ClearI | CACRF_ClearD | CACRF_InvalidateD))) misuse("CacheClearE: no cache selected (%08x)", caches);
    if (length != 0xffffffffu && !ram_range(address, length)) misuse("CacheClearE(%p, %u): not RAM", address, length);
}

/*
 * Physical layout model: memory from AVT_Contiguous allocations is one run; anything else (a
 * caller's buffer) is treated as pages that are only contiguous within exec_dma_run bytes, so
 * a driver's scatter-gather path sees several entries for large buffers, as under the MMU.
 */
uint32 exec_dma_run = EXEC_DMA_RUN;

static uint32 dma_runs(CONST_APTR start, uint32 size)
{
    uptr a = (uptr)start, end = a + size;
    if (in_contiguous_block(a, size)) return 1;
    return (uint32)((end - 1) / exec_dma_run - a / exec_dma_run + 1);
}

static uint32 StartDMA_(CONST_APTR start, uint32 size, uint32 flags)
{
    (void)flags;
    if (size == 0 || !ram_range(start, size)) { misuse("StartDMA(%p, %u): not a RAM range", start, size); return 0; }
    exec_stats.dma_started++;
    exec_stats.dma_live++;
    return dma_runs(start, size);
}

static void GetDMAList_(CONST_APTR start, uint32 size, uint32 flags, struct DMAEntry *list)
{
    (void)flags;
    if (!list) { misuse("GetDMAList: NULL list"); return; }
    uptr a = (uptr)start, end = a + size;
    if (in_contiguous_block(a, size)) { list->PhysicalAddress = (APTR)a; list->BlockLength = size; return; }
    while (a < end) {
        uptr run_end = (a / exec_dma_run + 1) * exec_dma_run;
        if (run_end > end) run_end = end;
        list->PhysicalAddress = (APTR)a;        /* physical == CPU address on these boards */
        list->BlockLength = (uint32)(run_end - a);
        list++;
        a = run_end;
    }
}

static void EndDMA_(CONST_APTR start, uint32 size, uint32 flags)
{
    (void)start; (void)size; (void)flags;
    if (exec_stats.dma_live == 0) { misuse("EndDMA(%p, %u) without StartDMA", start, size); return; }
    exec_stats.dma_ended++;
    exec_stats.dma_live--;
}

/* ---- tasks and signals ---- */

static struct Task *current_task(void) { return (struct Task *)sched_current()->owner; }

static struct Task *FindTask_(CONST_STRPTR name)
{
    if (!name) return current_task();
    for (struct Node *n = task_list.lh_Head; n->ln_Succ; n = n->ln_Succ)
        if (n->ln_Name && strcmp(n->ln_Name, name) == 0) return (struct Task *)n;
    return 0;
}
struct Task *exec_FindTask(CONST_STRPTR name) { return FindTask_(name); }

static int8 AllocSignal_(int32 n)
{
    struct Task *t = current_task();
    if (n < 0) {
        for (n = 31; n >= 16; n--) if (!(t->tc_SigAlloc & (1u << n))) break;
        if (n < 16) return -1;
    } else if (n > 31 || (t->tc_SigAlloc & (1u << n))) return -1;
    t->tc_SigAlloc |= 1u << n;
    t->tc_SigRecvd &= ~(1u << n);
    return (int8)n;
}
int8 exec_AllocSignal(int32 n) { return AllocSignal_(n); }

static void FreeSignal_(int32 n)
{
    if (n < 0) return;
    struct Task *t = current_task();
    if (!(t->tc_SigAlloc & (1u << n))) misuse("FreeSignal(%d): not allocated by '%s'", n, t->tc_Node.ln_Name);
    t->tc_SigAlloc &= ~(1u << n);
}
void exec_FreeSignal(int32 n) { FreeSignal_(n); }

static void Signal_(struct Task *t, uint32 sigs)
{
    if (!t) { misuse("Signal(NULL, %08x)", sigs); return; }
    uint32 ee = cpu_irq_save();
    exec_stats.signals_sent++;
    t->tc_SigRecvd |= sigs;
    if (t->tc_SigWait & t->tc_SigRecvd) sched_wake(t->htask);
    cpu_irq_restore(ee);
}
void exec_Signal(struct Task *t, uint32 sigs) { Signal_(t, sigs); }

static uint32 Wait_(uint32 mask)
{
    struct Task *t = current_task();
    if (mask == 0) { misuse("Wait(0) by '%s' would never return", t->tc_Node.ln_Name); return 0; }
    sched_disable();
    while (!(t->tc_SigRecvd & mask)) {
        t->tc_SigWait = mask;
        t->tc_State = TS_WAIT;
        sched_block();
        t->tc_State = TS_RUN;
    }
    uint32 got = t->tc_SigRecvd & mask;
    t->tc_SigRecvd &= ~got;
    t->tc_SigWait = 0;
    sched_enable();
    return got;
}
uint32 exec_Wait(uint32 mask) { return Wait_(mask); }

static uint32 SetSignal_(uint32 newSignals, uint32 signalSet)
{
    struct Task *t = current_task();
    uint32 ee = cpu_irq_save();
    uint32 old = t->tc_SigRecvd;
    t->tc_SigRecvd = (old & ~signalSet) | (newSignals & signalSet);
    cpu_irq_restore(ee);
    return old;
}

static void task_trampoline(void *arg)
{
    struct Task *t = arg;
    ((void (*)(uint32, uint32))t->entry)(t->params[0], t->params[1]);
    /* The entry returned: the task ends (exec removes it). */
    sched_disable();
    Remove_(&t->tc_Node);
    t->tc_State = TS_REMOVED;
    sched_enable();
}

static void reap_tasks(void);
static struct Task *dead_tasks[32];
static unsigned dead_count;

struct Task *exec_CreateTask(CONST_STRPTR name, int32 pri, APTR entry, uint32 stack, uint32 p1, uint32 p2)
{
    reap_tasks();
    struct Task *t = mem_alloc(sizeof *t, 16);
    if (!t) return 0;
    memset(t, 0, sizeof *t);
    t->tc_Node.ln_Type = NT_TASK;
    t->tc_Node.ln_Pri = (BYTE)pri;
    t->tc_Node.ln_Name = (STRPTR)name;
    t->tc_SigAlloc = 0xffff;                    /* exec reserves signals 0..15 */
    t->tc_State = TS_READY;
    t->entry = entry;
    t->params[0] = p1; t->params[1] = p2;
    t->htask = sched_create(name, task_trampoline, t, stack, pri);
    if (!t->htask) { mem_free(t); return 0; }
    t->htask->owner = t;
    sched_disable();
    exec_AddTail(&task_list, &t->tc_Node);
    sched_enable();
    exec_stats.tasks_created++;
    if (dead_count < 32) dead_tasks[dead_count++] = t;
    return t;
}

/* Frees the records of tasks whose entry returned (never the running one). */
static void reap_tasks(void)
{
    unsigned keep = 0;
    for (unsigned i = 0; i < dead_count; i++) {
        struct Task *t = dead_tasks[i];
        if (t->tc_State == TS_REMOVED && t->htask->state == HTASK_DEAD && t->htask != sched_current()) {
            sched_reap(t->htask);
            mem_free(t);
        } else dead_tasks[keep++] = t;
    }
    dead_count = keep;
}

static struct Task *CreateTaskTags_(CONST_STRPTR name, int32 pri, CONST_APTR initPC, uint32 stacksize, ...)
{
    uint32 p[2] = { 0, 0 };
    va_list ap; va_start(ap, stacksize);
    FOR_EACH_TAG(ap, tag, data, {
        if (tag == AT_Param1) p[0] = data;
        else if (tag == AT_Param2) p[1] = data;
        else misuse("CreateTaskTags: unsupported tag %08x", tag);
    });
    va_end(ap);
    return exec_CreateTask(name, pri, (APTR)initPC, stacksize, p[0], p[1]);
}

/* ---- message ports ---- */

static void PutMsg_(struct MsgPort *port, struct Message *msg)
{
    if (!port || !msg) { misuse("PutMsg(%p, %p)", (void *)port, (void *)msg); return; }
    uint32 ee = cpu_irq_save();
    exec_stats.msgs_put++;
    msg->mn_Node.ln_Type = NT_MESSAGE;
    exec_AddTail(&port->mp_MsgList, &msg->mn_Node);
    if ((port->mp_Flags & PF_ACTION) == PA_SIGNAL && port->mp_SigTask)
        Signal_((struct Task *)port->mp_SigTask, 1u << port->mp_SigBit);
    cpu_irq_restore(ee);
}

static struct Message *GetMsg_(struct MsgPort *port)
{
    uint32 ee = cpu_irq_save();
    struct Message *m = (struct Message *)exec_RemHead(&port->mp_MsgList);
    cpu_irq_restore(ee);
    return m;
}

static void ReplyMsg_(struct Message *msg)
{
    if (!msg) { misuse("ReplyMsg(NULL)"); return; }
    uint32 ee = cpu_irq_save();
    exec_stats.msgs_replied++;
    struct MsgPort *port = msg->mn_ReplyPort;
    if (!port) { msg->mn_Node.ln_Type = NT_FREEMSG; cpu_irq_restore(ee); return; }
    msg->mn_Node.ln_Type = NT_REPLYMSG;
    exec_AddTail(&port->mp_MsgList, &msg->mn_Node);
    if ((port->mp_Flags & PF_ACTION) == PA_SIGNAL && port->mp_SigTask)
        Signal_((struct Task *)port->mp_SigTask, 1u << port->mp_SigBit);
    cpu_irq_restore(ee);
}

struct MsgPort *exec_CreateMsgPort(void)
{
    int8 bit = AllocSignal_(-1);
    if (bit < 0) return 0;
    struct MsgPort *p = mem_alloc(sizeof *p, 16);
    if (!p) { FreeSignal_(bit); return 0; }
    memset(p, 0, sizeof *p);
    p->mp_Node.ln_Type = NT_MSGPORT;
    p->mp_Flags = PA_SIGNAL;
    p->mp_SigBit = (UBYTE)bit;
    p->mp_SigTask = current_task();
    NewList_(&p->mp_MsgList);
    return p;
}

void exec_DeleteMsgPort(struct MsgPort *p)
{
    if (!p) return;
    FreeSignal_(p->mp_SigBit);
    mem_free(p);
}

struct IORequest *exec_CreateIORequest(struct MsgPort *port, uint32 size)
{
    struct IORequest *io = mem_alloc(size, 16);
    if (!io) return 0;
    memset(io, 0, size);
    io->io_Message.mn_Node.ln_Type = NT_REPLYMSG;
    io->io_Message.mn_ReplyPort = port;
    io->io_Message.mn_Length = (UWORD)size;
    return io;
}

void exec_DeleteIORequest(struct IORequest *io) { mem_free(io); }

/* ---- system objects: I/O requests, ports, mutexes, interrupts, lists, DMA entry arrays ---- */

struct harness_mutex { struct Task *owner; uint32 count; uint32 magic; };
#define MUTEX_MAGIC 0x4d555458u

static APTR AllocSysObjectTags_(uint32 type, ...)
{
    uint32 ior_size = sizeof(struct IORequest), entries = 0;
    struct MsgPort *reply = 0;
    va_list ap; va_start(ap, type);
    FOR_EACH_TAG(ap, tag, data, {
        if (type == ASOT_IOREQUEST && tag == ASOIOR_Size) ior_size = data;
        else if (type == ASOT_IOREQUEST && tag == ASOIOR_ReplyPort) reply = (struct MsgPort *)data;
        else if (type == ASOT_DMAENTRY && tag == ASODMAE_NumEntries) entries = data;
        else misuse("AllocSysObjectTags(%u): unsupported tag %08x", type, tag);
    });
    va_end(ap);
    switch (type) {
    case ASOT_PORT: return exec_CreateMsgPort();
    case ASOT_IOREQUEST: return exec_CreateIORequest(reply, ior_size);
    case ASOT_MUTEX: {
        struct harness_mutex *m = mem_alloc(sizeof *m, 16);
        if (m) { m->owner = 0; m->count = 0; m->magic = MUTEX_MAGIC; }
        return m;
    }
    case ASOT_INTERRUPT: {
        struct Interrupt *i = mem_alloc(sizeof *i, 16);
        if (i) { memset(i, 0, sizeof *i); i->is_Node.ln_Type = NT_INTERRUPT; }
        return i;
    }
    case ASOT_LIST: {
        struct List *l = mem_alloc(sizeof *l, 16);
        if (l) NewList_(l);
        return l;
    }
    case ASOT_DMAENTRY:
        return entries ? mem_alloc(entries * sizeof(struct DMAEntry), 16) : 0;
    default:
        misuse("AllocSysObjectTags: unsupported type %u", type);
        return 0;
    }
}

static void FreeSysObject_(uint32 type, APTR obj)
{
    if (!obj) return;
    switch (type) {
    case ASOT_PORT: exec_DeleteMsgPort(obj); break;
    case ASOT_MUTEX: {
        struct harness_mutex *m = obj;
        if (m->magic != MUTEX_MAGIC) { misuse("FreeSysObject(ASOT_MUTEX, %p): not a mutex", obj); return; }
        if (m->owner) misuse("FreeSysObject: mutex %p still held by '%s'", obj, m->owner->tc_Node.ln_Name);
        m->magic = 0;
        mem_free(m);
        break;
    }
    default: mem_free(obj); break;
    }
}

static void MutexObtain_(APTR mutex)
{
    struct harness_mutex *m = mutex;
    if (!m || m->magic != MUTEX_MAGIC) { misuse("MutexObtain(%p): not a mutex", mutex); return; }
    struct Task *me = current_task();
    /* Cooperative tasks: the holder only loses the CPU while it Wait()s; yield until free. */
    while (m->owner && m->owner != me) sched_yield();
    m->owner = me;
    m->count++;
}

static void MutexRelease_(APTR mutex)
{
    struct harness_mutex *m = mutex;
    if (!m || m->magic != MUTEX_MAGIC) { misuse("MutexRelease(%p): not a mutex", mutex); return; }
    if (m->owner != current_task()) { misuse("MutexRelease by a task that does not hold it"); return; }
    if (--m->count == 0) m->owner = 0;
}

/* ---- interrupt servers ---- */

struct int_server { struct irq_action action; struct Interrupt *is; uint32 irq; struct int_server *next; };
static struct int_server *servers;

static int run_server(void *data)
{
    struct int_server *s = data;
    /* is_Code is declared old-style (the SDK's VOID (*)()); servers take these three arguments. */
    uint32 (*code)(struct ExceptionContext *, struct ExecBase *, APTR) =
        (uint32 (*)(struct ExceptionContext *, struct ExecBase *, APTR))(void (*)(void))s->is->is_Code;
    exec_stats.int_server_calls++;
    uint32 claimed = code(0, SysBase, s->is->is_Data);
    if (claimed) exec_stats.int_server_claims++;
    return claimed != 0;
}

int exec_refuse_int_servers;

static BOOL AddIntServer_(uint32 intNumber, struct Interrupt *is)
{
    if (!is || !is->is_Code) { misuse("AddIntServer(%u, %p): no code", intNumber, (void *)is); return FALSE; }
    if (intNumber >= IRQ_MAX) { misuse("AddIntServer(%u): no such interrupt", intNumber); return FALSE; }
    if (exec_refuse_int_servers) { exec_stats.int_servers_refused++; return FALSE; }
    struct int_server *s = mem_alloc(sizeof *s, 16);
    if (!s) return FALSE;
    s->is = is; s->irq = intNumber; s->action.fn = run_server; s->action.data = s;
    uint32 ee = cpu_irq_save();
    s->next = servers; servers = s;
    exec_stats.int_servers++;
    cpu_irq_restore(ee);
    irq_attach(intNumber, &s->action);
    return TRUE;
}

static void RemIntServer_(uint32 intNumber, struct Interrupt *is)
{
    uint32 ee = cpu_irq_save();
    for (struct int_server **p = &servers; *p; p = &(*p)->next) {
        if ((*p)->is == is && (*p)->irq == intNumber) {
            struct int_server *s = *p;
            *p = s->next;
            irq_detach(intNumber, &s->action);
            exec_stats.int_servers--;
            cpu_irq_restore(ee);
            mem_free(s);
            return;
        }
    }
    cpu_irq_restore(ee);
    misuse("RemIntServer(%u, %p): not added", intNumber, (void *)is);
}

/* Cause: the software interrupt runs at once, in the caller's context (exec runs it soon after, at
 * software-interrupt priority; a driver may not rely on either). Counted for the tests. */
static void Cause_(struct Interrupt *is)
{
    if (!is || !is->is_Code) { misuse("Cause(%p): no code", (void *)is); return; }
    uint32 (*code)(struct ExceptionContext *, struct ExecBase *, APTR) =
        (uint32 (*)(struct ExceptionContext *, struct ExecBase *, APTR))(void (*)(void))is->is_Code;
    exec_stats.causes++;
    code(0, SysBase, is->is_Data);
}

/* ---- Forbid/Permit: tasks are never preempted here, so only the nesting is kept (per task,
 * like tc_TDNestCnt; Wait() breaks a Forbid as in exec, and a task ending drops its own). ---- */

static void Forbid_(void)
{
    struct Task *t = current_task();
    t->tc_TDNestCnt++;
}

static void Permit_(void)
{
    struct Task *t = current_task();
    if (t->tc_TDNestCnt <= 0) { misuse("Permit() without Forbid() in '%s'", t->tc_Node.ln_Name); return; }
    t->tc_TDNestCnt--;
}

/* ---- debugging ---- */

static void DebugPrintF_(CONST_STRPTR fmt, ...)
{
    va_list ap; va_start(ap, fmt);
    unsigned bad = console_bad_string_pointers;
    console_puts("[driver] ");
    kvprintf(fmt, ap);
    va_end(ap);
    if (console_bad_string_pointers != bad) misuse("DebugPrintF(\"%s\"): a %%s argument is not a string pointer", fmt);
}

/* ---- libraries and interfaces (exec_device.c has the device side) ---- */

extern struct Library *exec_OpenLibrary(CONST_STRPTR name, uint32 version);
extern APTR exec_CloseLibrary(struct Library *lib);
extern struct Interface *exec_GetInterface(struct Library *lib, CONST_STRPTR name, uint32 version, const struct TagItem *tags);
extern void exec_DropInterface(struct Interface *iface);
extern void exec_DeleteLibrary(struct Library *lib);

static uint32 iface_Obtain(void) { return ++exec_iface.Data.RefCount; }
static uint32 iface_Release(void) { return --exec_iface.Data.RefCount; }
static void iface_Expunge(void) {}
static struct Interface *iface_Clone(void) { return 0; }

static void exec_dump(void)
{
    kprintf("exec: int servers %u, server calls %u (claimed %u), external interrupts %u, unclaimed %u,"
            " signals %u, msgs put %u replied %u, DMA live %u\n",
            exec_stats.int_servers, exec_stats.int_server_calls, exec_stats.int_server_claims, irq_external_exceptions,
            irq_unclaimed, exec_stats.signals_sent, exec_stats.msgs_put, exec_stats.msgs_replied, exec_stats.dma_live);
    for (struct Node *n = task_list.lh_Head; n->ln_Succ; n = n->ln_Succ) {
        struct Task *t = (struct Task *)n;
        kprintf("  exec task '%s': SigWait %08x SigRecvd %08x SigAlloc %08x\n", t->tc_Node.ln_Name, t->tc_SigWait, t->tc_SigRecvd, t->tc_SigAlloc);
    }
    for (unsigned i = 0; i < pci_function_count; i++)
        if (pci_functions[i].irq != IRQ_NONE) kprintf("  irq %u (%04x:%04x) taken %u times\n", pci_functions[i].irq,
                                                     pci_functions[i].vendor, pci_functions[i].device, irq_count[pci_functions[i].irq]);
}

void exec_init(void)
{
    sched_deadlock_hook = exec_dump;
    watchdog_dump = exec_dump;
    NewList_(&task_list);
    exec_iface = (struct ExecIFace){
        .Obtain = iface_Obtain, .Release = iface_Release, .Expunge = iface_Expunge, .Clone = iface_Clone,
        .OpenLibrary = exec_OpenLibrary, .CloseLibrary = exec_CloseLibrary,
        .GetInterface = exec_GetInterface, .DropInterface = exec_DropInterface,
        .DeleteLibrary = exec_DeleteLibrary,
        .Forbid = Forbid_, .Permit = Permit_,
        .Remove = Remove_, .NewList = NewList_,
        .AllocVecTags = AllocVecTags_, .FreeVec = FreeVec_, .CopyMem = CopyMem_,
        .CacheClearE = CacheClearE_, .StartDMA = StartDMA_, .GetDMAList = GetDMAList_, .EndDMA = EndDMA_,
        .AllocSysObjectTags = AllocSysObjectTags_, .FreeSysObject = FreeSysObject_,
        .MutexObtain = MutexObtain_, .MutexRelease = MutexRelease_,
        .CreateTaskTags = CreateTaskTags_, .FindTask = FindTask_, .AllocSignal = AllocSignal_,
        .FreeSignal = FreeSignal_, .Signal = Signal_, .Wait = Wait_, .SetSignal = SetSignal_,
        .PutMsg = PutMsg_, .GetMsg = GetMsg_, .ReplyMsg = ReplyMsg_,
        .OpenDevice = OpenDevice, .CloseDevice = CloseDevice, .DoIO = DoIO, .SendIO = SendIO, .CheckIO = CheckIO,
        .WaitIO = WaitIO, .AbortIO = AbortIO,
        .AddIntServer = AddIntServer_, .RemIntServer = RemIntServer_, .Cause = Cause_,
        .DebugPrintF = DebugPrintF_,
    };
    exec_iface.Data.Link.ln_Name = (STRPTR)"main";
    exec_iface.Data.Version = 1;
    exec_iface.Data.RefCount = 1;
    exec_base.LibNode.lib_Node.ln_Type = NT_LIBRARY;
    exec_base.LibNode.lib_Node.ln_Name = (STRPTR)"exec.library";
    exec_base.LibNode.lib_Version = 53;
    exec_base.MainInterface = (struct Interface *)&exec_iface;
    exec_iface.Data.LibBase = &exec_base.LibNode;
    IExec = &exec_iface;
    SysBase = &exec_base;

    main_tc.tc_Node.ln_Type = NT_TASK;
    main_tc.tc_Node.ln_Name = (STRPTR)"harness";
    main_tc.tc_SigAlloc = 0xffff;
    main_tc.tc_State = TS_RUN;
    main_tc.htask = sched_current();
    sched_current()->owner = &main_tc;
    exec_AddTail(&task_list, &main_tc.tc_Node);
}
