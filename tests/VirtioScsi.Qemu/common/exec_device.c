/*
 * Libraries and devices: the ROMTag (struct Resident) scan exec does over a loaded module,
 * CreateLibrary() from an RTF_AUTOINIT tag list (CLT_DataSize, CLT_Interfaces, CLT_InitFunc,
 * CLT_Vector68K), interfaces from MakeInterface tag lists (MIT_Name, MIT_VectorTable, MIT_Version),
 * OpenLibrary/GetInterface for exec, expansion ("pci"), utility and mounter.library (a model that
 * records AnnounceDeviceTags / DenounceDevice), and exec's device I/O calls
 * (exec.doc: OpenDevice, CloseDevice, DoIO, SendIO, WaitIO, CheckIO, AbortIO, BeginIO).
 */
#include <stdarg.h>
#include <string.h>
#include <interfaces/mounter.h>
#include "harness/exec.h"
#include "harness/mem.h"
#include "harness/console.h"

struct PCIIFace *exec_pci_interface(void);

#define MAX_IFACES 4
struct harness_library {
    struct Library *base;
    uint32 neg_size;                        /* bytes below base (68k jump table) */
    struct Interface *ifaces[MAX_IFACES];
    unsigned niface;
    int is_device;
};
#define MAX_LIBS 8
static struct harness_library libs[MAX_LIBS];
static unsigned nlibs;

static struct harness_library *lib_of(const struct Library *base)
{
    for (unsigned i = 0; i < nlibs; i++) if (libs[i].base == base) return &libs[i];
    return 0;
}

static uint32 tag_value(const struct TagItem *tags, Tag tag, uint32 dflt)
{
    for (; tags && tags->ti_Tag != TAG_DONE; tags++) {
        if (tags->ti_Tag == TAG_MORE) { tags = (const struct TagItem *)tags->ti_Data; if (!tags) break; tags--; continue; }
        if (tags->ti_Tag == tag) return tags->ti_Data;
    }
    return dflt;
}

/* Interfaces whose methods the harness provides (no Self: see interfaces/exec.h). */
static struct Library expansion_lib = { .lib_Node = { .ln_Type = NT_LIBRARY, .ln_Name = (STRPTR)"expansion.library" }, .lib_Version = 53 };
static struct Library utility_lib = { .lib_Node = { .ln_Type = NT_LIBRARY, .ln_Name = (STRPTR)"utility.library" }, .lib_Version = 53 };
static struct Interface utility_main;

/* mounter.library: the units announced to it, by device name and unit (libraries/mounter.h). */
static struct Library mounter_lib = { .lib_Node = { .ln_Type = NT_LIBRARY, .ln_Name = (STRPTR)"mounter.library" }, .lib_Version = 53 };
#define MAX_MOUNTER_UNITS 8
static struct { char device[32]; uint32 unit; char prefix[16]; int announced; } mounter_units[MAX_MOUNTER_UNITS];
static unsigned mounter_count;
struct exec_mounter_stats exec_mounter;

/* Copies src into dst[n] (n > 0), cut to fit and NUL-ended. */
static void copy_string(char *dst, const char *src, unsigned n)
{
    unsigned i = 0;
    for (; src && src[i] && i + 1 < n; i++) dst[i] = src[i];
    dst[i] = 0;
}

static int mounter_find(CONST_STRPTR device, uint32 unit)
{
    for (unsigned i = 0; i < mounter_count; i++)
        if (mounter_units[i].unit == unit && !strcmp(mounter_units[i].device, device)) return (int)i;
    return -1;
}

static int32 mounter_AnnounceDeviceTags(CONST_STRPTR device, uint32 unit, ...)
{
    const char *prefix = "";
    va_list ap;
    va_start(ap, unit);
    for (;;) {
        Tag tag = va_arg(ap, Tag);
        if (tag == TAG_DONE) break;
        uint32 data = va_arg(ap, uint32);
        if (tag == MNTA_DosNamePrefixHint && data) prefix = (const char *)data;
    }
    va_end(ap);
    exec_mounter.announces++;
    int i = device ? mounter_find(device, unit) : -1;
    if (device && i < 0 && mounter_count < MAX_MOUNTER_UNITS) {
        i = (int)mounter_count++;
        copy_string(mounter_units[i].device, device, sizeof mounter_units[i].device);
        mounter_units[i].unit = unit;
    }
    if (i < 0) { exec_stats.errors++; kprintf("exec: AnnounceDeviceTags(%s, %u): no room\n", device ? device : "(null)", unit); return 0; }
    if (mounter_units[i].announced) { exec_stats.errors++; kprintf("exec: AnnounceDeviceTags(%s, %u) twice\n", device, unit); }
    mounter_units[i].announced = 1;
    copy_string(mounter_units[i].prefix, prefix, sizeof mounter_units[i].prefix);
    kprintf("mounter: announced %s unit %u prefix %s\n", device, unit, prefix);
    return 1;
}

static void mounter_DenounceDevice(CONST_STRPTR device, uint32 unit)
{
    exec_mounter.denounces++;
    int i = device ? mounter_find(device, unit) : -1;
    if (i < 0 || !mounter_units[i].announced) {
        exec_stats.errors++;
        kprintf("exec: DenounceDevice(%s, %u) of a unit not announced\n", device ? device : "(null)", unit);
        return;
    }
    mounter_units[i].announced = 0;
    kprintf("mounter: denounced %s unit %u\n", device, unit);
}

static struct MounterIFace mounter_main = {
    .Data = { .Link = { .ln_Name = (STRPTR)"main" }, .Version = 1 },
    .AnnounceDeviceTags = mounter_AnnounceDeviceTags,
    .DenounceDevice = mounter_DenounceDevice,
};

int exec_mounter_announced(CONST_STRPTR device, uint32 unit, char *prefix, unsigned prefix_len)
{
    int i = mounter_find(device, unit);
    if (i < 0) return -1;
    if (prefix && prefix_len) copy_string(prefix, mounter_units[i].prefix, prefix_len);
    return mounter_units[i].announced;
}

uint32 exec_mounter_open_count(void)
{
    return mounter_lib.lib_OpenCnt;
}

unsigned exec_mounter_announced_units(void)
{
    unsigned n = 0;
    for (unsigned i = 0; i < mounter_count; i++) n += mounter_units[i].announced ? 1u : 0u;
    return n;
}

struct Library *exec_OpenLibrary(CONST_STRPTR name, uint32 version);
struct Library *exec_OpenLibrary(CONST_STRPTR name, uint32 version)
{
    struct Library *l = 0;
    if (!name) return 0;
    if (!strcmp(name, "exec.library")) l = &SysBase->LibNode;
    else if (!strcmp(name, "expansion.library")) l = &expansion_lib;
    else if (!strcmp(name, "utility.library")) l = &utility_lib;
    else if (!strcmp(name, "mounter.library")) l = &mounter_lib;
    else for (unsigned i = 0; i < nlibs; i++)
        if (libs[i].base->lib_Node.ln_Name && !strcmp(libs[i].base->lib_Node.ln_Name, name)) l = libs[i].base;
    if (!l || l->lib_Version < version) { kprintf("exec: OpenLibrary(\"%s\", %u) fails\n", name, version); return 0; }
    l->lib_OpenCnt++;
    return l;
}

APTR exec_CloseLibrary(struct Library *lib);
APTR exec_CloseLibrary(struct Library *lib)
{
    if (lib && lib->lib_OpenCnt) lib->lib_OpenCnt--;
    return 0;
}

struct Interface *exec_GetInterface(struct Library *lib, CONST_STRPTR name, uint32 version, const struct TagItem *tags);
struct Interface *exec_GetInterface(struct Library *lib, CONST_STRPTR name, uint32 version, const struct TagItem *tags)
{
    (void)tags;
    struct Interface *i = 0;
    if (!lib || !name) return 0;
    if (lib == &SysBase->LibNode && !strcmp(name, "main")) i = (struct Interface *)IExec;
    else if (lib == &expansion_lib && !strcmp(name, "pci")) { static struct PCIIFace *p; if (!p) p = exec_pci_interface(); i = (struct Interface *)p; }
    else if (lib == &utility_lib && !strcmp(name, "main")) { utility_main.Data.Version = 1; i = &utility_main; }
    else if (lib == &mounter_lib && !strcmp(name, "main")) i = (struct Interface *)&mounter_main;
    else {
        struct harness_library *h = lib_of(lib);
        for (unsigned k = 0; h && k < h->niface; k++)
            if (!strcmp(h->ifaces[k]->Data.Link.ln_Name, name)) i = h->ifaces[k];
    }
    if (!i || i->Data.Version < version) { kprintf("exec: GetInterface(\"%s\", \"%s\", %u) fails\n", lib->lib_Node.ln_Name, name, version); return 0; }
    i->Data.RefCount++;
    return i;
}

void exec_DropInterface(struct Interface *iface);
void exec_DropInterface(struct Interface *iface)
{
    if (iface && iface->Data.RefCount) iface->Data.RefCount--;
}

/* MakeInterface: InterfaceData followed by the vector table's entries up to the (APTR)-1 end mark. */
static struct Interface *make_interface(struct Library *lib, const struct TagItem *tags)
{
    APTR *vectors = (APTR *)tag_value(tags, MIT_VectorTable, 0);
    if (!vectors) return 0;
    unsigned n = 0;
    while (vectors[n] != (APTR)-1) n++;
    uint32 size = sizeof(struct InterfaceData) + n * sizeof(APTR);
    struct Interface *i = mem_alloc(size, 16);
    if (!i) return 0;
    memset(i, 0, size);
    memcpy((char *)i + sizeof(struct InterfaceData), vectors, n * sizeof(APTR));
    i->Data.Link.ln_Type = 0;
    i->Data.Link.ln_Name = (STRPTR)tag_value(tags, MIT_Name, 0);
    i->Data.LibBase = lib;
    i->Data.Version = tag_value(tags, MIT_Version, 1);
    i->Data.Flags = tag_value(tags, MIT_Flags, 0);
    i->Data.PositiveSize = size;
    return i;
}

struct Resident *exec_FindResident(CONST_STRPTR name)
{
    extern char _image_start[], _image_end[];
    for (uptr a = (uptr)_image_start; a + sizeof(struct Resident) <= (uptr)_image_end; a += 2) {
        struct Resident *r = (struct Resident *)a;
        if (r->rt_MatchWord == RTC_MATCHWORD && r->rt_MatchTag == r && r->rt_Name && !strcmp(r->rt_Name, name))
            return r;
    }
    return 0;
}

/* exec's InitResident for RTF_AUTOINIT: CreateLibrary(rt_Init tags), then the kernel adds the device. */
struct Library *exec_InitResident(struct Resident *r)
{
    if (!(r->rt_Flags & RTF_AUTOINIT)) { kprintf("exec: %s: only RTF_AUTOINIT modules are supported\n", r->rt_Name); return 0; }
    if (nlibs == MAX_LIBS) return 0;
    const struct TagItem *tags = (const struct TagItem *)r->rt_Init;
    uint32 data_size = tag_value(tags, CLT_DataSize, sizeof(struct Library));
    APTR *vec68k = (APTR *)tag_value(tags, CLT_Vector68K, 0);
    const struct TagItem **ifaces = (const struct TagItem **)tag_value(tags, CLT_Interfaces, 0);
    struct Library *(*init)(struct Library *, BPTR, struct ExecIFace *) =
        (struct Library *(*)(struct Library *, BPTR, struct ExecIFace *))tag_value(tags, CLT_InitFunc, 0);
    unsigned n68k = 0;
    while (vec68k && vec68k[n68k] != (APTR)-1) n68k++;
    uint32 neg = (n68k * 6 + 3) & ~3u;              /* 68k jump table: 6 bytes per LVO */
    char *mem = mem_alloc(neg + data_size, 16);
    if (!mem) return 0;
    memset(mem, 0, neg + data_size);
    struct Library *base = (struct Library *)(mem + neg);
    base->lib_Node.ln_Type = r->rt_Type;
    base->lib_Node.ln_Name = r->rt_Name;
    base->lib_Version = r->rt_Version;
    base->lib_IdString = r->rt_IdString;
    base->lib_NegSize = (UWORD)neg;
    base->lib_PosSize = (UWORD)data_size;
    struct harness_library *h = &libs[nlibs++];
    memset(h, 0, sizeof *h);
    h->base = base; h->neg_size = neg; h->is_device = r->rt_Type == NT_DEVICE;
    for (unsigned k = 0; ifaces && ifaces[k] && k < MAX_IFACES; k++) {
        struct Interface *i = make_interface(base, ifaces[k]);
        if (i) h->ifaces[h->niface++] = i;
    }
    if (init && init(base, 0, IExec) != base) {
        kprintf("exec: %s: init function failed\n", r->rt_Name);
        nlibs--;
        for (unsigned k = 0; k < h->niface; k++) mem_free(h->ifaces[k]);
        mem_free(mem);
        return 0;
    }
    return base;
}

void exec_DeleteLibrary(struct Library *lib);
void exec_DeleteLibrary(struct Library *lib)
{
    struct harness_library *h = lib_of(lib);
    if (!h) { kprintf("exec: DeleteLibrary(%p): unknown library\n", (void *)lib); return; }
    for (unsigned k = 0; k < h->niface; k++) mem_free(h->ifaces[k]);
    mem_free((char *)lib - h->neg_size);
    *h = libs[--nlibs];
}

static struct DeviceManagerInterface *manager_of(struct Device *dev)
{
    struct harness_library *h = lib_of(&dev->dd_Library);
    for (unsigned k = 0; h && k < h->niface; k++)
        if (h->ifaces[k]->Data.Link.ln_Name && !strcmp(h->ifaces[k]->Data.Link.ln_Name, "__device"))
            return (struct DeviceManagerInterface *)h->ifaces[k];
    return 0;
}

int8 OpenDevice(CONST_STRPTR name, uint32 unit, struct IORequest *io, uint32 flags)
{
    if (name && !strcmp(name, "timer.device")) return exec_timer_open(unit, io);
    struct Library *lib = 0;
    for (unsigned i = 0; i < nlibs; i++)
        if (libs[i].is_device && !strcmp(libs[i].base->lib_Node.ln_Name, name)) lib = libs[i].base;
    io->io_Error = 0;
    io->io_Device = (struct Device *)lib;
    io->io_Flags = (UBYTE)flags;
    io->io_Message.mn_Node.ln_Type = NT_REPLYMSG;
    struct DeviceManagerInterface *m = lib ? manager_of((struct Device *)lib) : 0;
    if (!m || !m->Open) { io->io_Error = IOERR_OPENFAIL; io->io_Device = 0; return IOERR_OPENFAIL; }
    m->Open(m, io, unit, flags);
    if (io->io_Error) io->io_Device = 0;
    return io->io_Error;
}

void CloseDevice(struct IORequest *io)
{
    if (exec_timer_is(io->io_Device)) { exec_timer_close(io); return; }
    struct DeviceManagerInterface *m = io->io_Device ? manager_of(io->io_Device) : 0;
    if (m && m->Close) m->Close(m, io);
    io->io_Device = 0;
}

APTR exec_ExpungeDevice(CONST_STRPTR name)
{
    for (unsigned i = 0; i < nlibs; i++) {
        if (!libs[i].is_device || strcmp(libs[i].base->lib_Node.ln_Name, name)) continue;
        struct DeviceManagerInterface *m = manager_of((struct Device *)libs[i].base);
        return m && m->LibExpunge ? m->LibExpunge(m) : 0;
    }
    return 0;
}

void BeginIO(struct IORequest *io)
{
    if (exec_timer_is(io->io_Device)) { exec_timer_begin_io(io); return; }
    struct DeviceManagerInterface *m = manager_of(io->io_Device);
    if (!m) panic("BeginIO on an I/O request without a device");
    m->BeginIO(m, io);
}

int8 DoIO(struct IORequest *io)
{
    io->io_Flags = IOF_QUICK;
    BeginIO(io);
    return WaitIO(io);
}

void SendIO(struct IORequest *io)
{
    io->io_Flags = 0;
    BeginIO(io);
}

/* Waits until the device replied (ln_Type NT_REPLYMSG) unless it completed quickly; removes the reply. */
int8 WaitIO(struct IORequest *io)
{
    if (!(io->io_Flags & IOF_QUICK)) {
        struct MsgPort *port = io->io_Message.mn_ReplyPort;
        while (io->io_Message.mn_Node.ln_Type != NT_REPLYMSG) exec_Wait(1u << port->mp_SigBit);
        sched_disable();
        IExec->Remove(&io->io_Message.mn_Node);
        sched_enable();
        io->io_Flags |= IOF_QUICK;      /* off the port now: a second WaitIO must not Remove it again */
    }
    return io->io_Error;
}

struct IORequest *CheckIO(struct IORequest *io)
{
    if ((io->io_Flags & IOF_QUICK) || io->io_Message.mn_Node.ln_Type == NT_REPLYMSG) return io;
    return 0;
}

void AbortIO(struct IORequest *io)
{
    if (exec_timer_is(io->io_Device)) { exec_timer_abort_io(io); return; }
    struct DeviceManagerInterface *m = manager_of(io->io_Device);
    if (m && m->AbortIO) m->AbortIO(m, io);
}
