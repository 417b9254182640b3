/*
 * skeleton_host.c: plays exec for an emitted AmigaOS 4 device skeleton, linked with it into a Linux
 * PowerPC program run under qemu-ppc. The device is started the way the kernel starts an RTF_AUTOINIT
 * resident (its CLT_InitFunc called on a zeroed base of CLT_DataSize bytes) and expunged through its
 * __device manager interface (MIT_VectorTable slot 6, LibExpunge). timer.device is modelled: OpenDevice
 * fills io_Device, GetInterface on that base gives a TimerIFace whose GetUpTime returns a fixed time.
 *
 * Usage: skeleton_host ok|open-fails|iface-fails|zero-time. Prints "PASS <what>" / "FAIL <what>" lines
 * and "<n> passed, <m> failed"; exit status 0 only when every check passed.
 */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <stdarg.h>
#include <exec/exectags.h>
#include <exec/resident.h>
#include <exec/devices.h>
#include <interfaces/exec.h>
#include <interfaces/timer.h>
#include <exec/memory.h>
#include <devices/trackdisk.h>
#include <devices/newstyle.h>

extern struct Resident drv_resident;
/* Weak: a device that calls no timer function has no ITimer. */
extern struct TimerIFace *ITimer __attribute__((weak));

static int passed, failed;
static void check(int ok, const char *what)
{
    printf("%s %s\n", ok ? "PASS" : "FAIL", what);
    if (ok) passed++; else failed++;
}

static const char *mode;
static struct Device timer_base;                 /* what io_Device of an opened timer.device points at */
static struct TimerIFace timer_iface;
static struct IORequest *opened_io;              /* the request OpenDevice filled */
static uint32 opened_unit = 0xffffffff;
static char opened_name[32];
static int open_calls, close_calls, get_interface_calls, drop_calls, uptime_calls, delete_calls;
static struct IORequest *closed_io;
static struct Interface *dropped;

static void timer_get_up_time(struct TimeVal *dest)
{
    uptime_calls++;
    dest->Seconds = strcmp(mode, "zero-time") == 0 ? 0 : 5;
    dest->Microseconds = strcmp(mode, "zero-time") == 0 ? 0 : 250000;
}

static int8 x_open_device(CONST_STRPTR name, uint32 unit, struct IORequest *io, uint32 flags)
{
    (void)flags;
    open_calls++;
    snprintf(opened_name, sizeof opened_name, "%s", (const char *)name);
    opened_unit = unit;
    if (strcmp(mode, "open-fails") == 0 || strcmp((const char *)name, "timer.device") != 0) {
        io->io_Device = NULL;
        io->io_Error = IOERR_OPENFAIL;
        return IOERR_OPENFAIL;
    }
    opened_io = io;
    io->io_Device = &timer_base;
    io->io_Error = 0;
    return 0;
}

static void x_close_device(struct IORequest *io)
{
    close_calls++;
    closed_io = io;
}

static struct Interface *x_get_interface(struct Library *library, CONST_STRPTR name, uint32 version, const struct TagItem *tags)
{
    (void)tags;
    get_interface_calls++;
    if (library == &timer_base.dd_Library && strcmp((const char *)name, "main") == 0 && version == 1 && strcmp(mode, "iface-fails") != 0)
        return (struct Interface *)&timer_iface;
    return NULL;
}

static void x_drop_interface(struct Interface *iface) { drop_calls++; dropped = iface; }
static void x_remove(struct Node *node) { (void)node; }
static void x_delete_library(struct Library *library) { (void)library; delete_calls++; }
static void x_copy_mem(CONST_APTR src, APTR dst, uint32 size) { memmove(dst, src, size); }
static int replies, alloc_calls, free_calls;
static struct Message *replied;
static void *allocated;
static uint32 allocated_size;
static void x_reply_msg(struct Message *m) { replies++; replied = m; }
static APTR x_alloc_vec_tags(uint32 size, ...)
{
    va_list ap;
    int clear = -1;
    va_start(ap, size);
    for (uint32 t = va_arg(ap, uint32); t != TAG_DONE; t = va_arg(ap, uint32)) {
        uint32 v = va_arg(ap, uint32);
        if (t == AVT_ClearWithValue) clear = (int)v;
    }
    va_end(ap);
    alloc_calls++;
    allocated = malloc(size);
    allocated_size = size;
    memset(allocated, clear >= 0 ? clear : 0x5a, size);   /* 0x5a: what a device that forgot to clear would see */
    return allocated;
}
static void x_free_vec(APTR p) { free_calls += p == allocated; free(p); }
static void x_debug_printf(CONST_STRPTR format, ...) { va_list ap; va_start(ap, format); vprintf((const char *)format, ap); va_end(ap); }

static uint32 tag(const struct TagItem *tags, Tag t)
{
    for (; tags->ti_Tag != TAG_DONE; tags++)
        if (tags->ti_Tag == t) return tags->ti_Data;
    return 0;
}

int main(int argc, char **argv)
{
    static struct ExecIFace iexec;
    mode = argc > 1 ? argv[1] : "ok";
    iexec.OpenDevice = x_open_device;
    iexec.CloseDevice = x_close_device;
    iexec.GetInterface = x_get_interface;
    iexec.DropInterface = x_drop_interface;
    iexec.Remove = x_remove;
    iexec.DeleteLibrary = x_delete_library;
    iexec.CopyMem = x_copy_mem;
    iexec.ReplyMsg = x_reply_msg;
    iexec.DebugPrintF = x_debug_printf;
    iexec.AllocVecTags = x_alloc_vec_tags;
    iexec.FreeVec = x_free_vec;
    timer_iface.GetUpTime = timer_get_up_time;
    timer_base.dd_Library.lib_Node.ln_Name = (STRPTR)"timer.device";

    const struct TagItem *create = (const struct TagItem *)drv_resident.rt_Init;
    struct Library *(*init)(struct Library *, APTR, struct ExecIFace *) =
        (struct Library *(*)(struct Library *, APTR, struct ExecIFace *))tag(create, CLT_InitFunc);
    uint32 size = tag(create, CLT_DataSize);
    struct Library *library = calloc(1, size);
    struct Library *result = init(library, (APTR)0x1234, &iexec);

    struct TagItem *manager_tags = ((APTR *)tag(create, CLT_Interfaces))[0];
    APTR *vectors = (APTR *)tag(manager_tags, MIT_VectorTable);
    static struct DeviceManagerInterface self;
    self.Data.LibBase = library;
    if (strcmp(mode, "ramdisk") == 0) {
        void (*open)(struct DeviceManagerInterface *, struct IORequest *, uint32, uint32) =
            (void (*)(struct DeviceManagerInterface *, struct IORequest *, uint32, uint32))vectors[4];
        APTR (*close)(struct DeviceManagerInterface *, struct IORequest *) = (APTR (*)(struct DeviceManagerInterface *, struct IORequest *))vectors[5];
        void (*begin_io)(struct DeviceManagerInterface *, struct IORequest *) = (void (*)(struct DeviceManagerInterface *, struct IORequest *))vectors[8];
        APTR (*expunge)(struct DeviceManagerInterface *) = (APTR (*)(struct DeviceManagerInterface *))vectors[6];
        check(result == library && alloc_calls == 1 && allocated_size == 2048 * 512, "Init allocates the 1 MiB disk");
        static uint8 zero[2048 * 512];
        check(allocated && memcmp(allocated, zero, sizeof zero) == 0, "the disk starts zeroed (AVT_ClearWithValue 0)");
        static struct IOStdReq io, other;
        open(&self, (struct IORequest *)&other, 1, 0);
        check(other.io_Error == IOERR_OPENFAIL, "unit 1 does not open");
        open(&self, (struct IORequest *)&io, 0, 0);
        check(io.io_Error == 0 && io.io_Device == (struct Device *)library && io.io_Unit != NULL && library->lib_OpenCnt == 1, "unit 0 opens");
        static uint8 out[4096], back[4096], expect[4096];
        for (unsigned i = 0; i < sizeof out; i++) out[i] = expect[i] = (uint8)(i * 7 + 3);
        io.io_Command = CMD_WRITE; io.io_Data = out; io.io_Length = sizeof out; io.io_Offset = 8192; io.io_Flags = IOF_QUICK;
        begin_io(&self, (struct IORequest *)&io);
        check(io.io_Error == 0 && io.io_Actual == sizeof out && replies == 0 && memcmp((uint8 *)allocated + 8192, expect, sizeof expect) == 0
              && memcmp(out, expect, sizeof out) == 0,
              "CMD_WRITE with IOF_QUICK: the bytes are on the disk, no reply");
        io.io_Command = CMD_READ; io.io_Data = back; io.io_Length = sizeof back; io.io_Offset = 8192; io.io_Flags = 0;
        begin_io(&self, (struct IORequest *)&io);
        check(io.io_Error == 0 && io.io_Actual == sizeof back && memcmp(back, expect, sizeof expect) == 0 && replies == 1 && replied == &io.io_Message,
              "CMD_READ without IOF_QUICK: the same bytes, replied once");
        io.io_Flags = IOF_QUICK;
        io.io_Command = CMD_READ; io.io_Offset = 100; begin_io(&self, (struct IORequest *)&io);
        int8 unaligned = io.io_Error;
        io.io_Offset = 2048 * 512 - 512; io.io_Length = 1024; begin_io(&self, (struct IORequest *)&io);
        int8 past_end = io.io_Error;
        io.io_Offset = 0; io.io_Length = 512; io.io_Data = NULL; begin_io(&self, (struct IORequest *)&io);
        int8 no_buffer = io.io_Error;
        check(unaligned == IOERR_BADLENGTH && past_end == IOERR_BADADDRESS && no_buffer == IOERR_BADADDRESS,
              "bad requests: unaligned IOERR_BADLENGTH, past the end and no buffer IOERR_BADADDRESS");
        struct DriveGeometry g;
        memset(&g, 0xee, sizeof g);
        io.io_Command = TD_GETGEOMETRY; io.io_Data = &g; io.io_Length = sizeof g; begin_io(&self, (struct IORequest *)&io);
        check(io.io_Error == 0 && g.dg_SectorSize == 512 && g.dg_TotalSectors == 2048 && g.dg_Cylinders * g.dg_CylSectors == 2048
              && g.dg_DeviceType == DG_DIRECT_ACCESS, "TD_GETGEOMETRY: 2048 blocks of 512 bytes");
        struct NSDeviceQueryResult q;
        memset(&q, 0, sizeof q);
        io.io_Command = NSCMD_DEVICEQUERY; io.io_Data = &q; io.io_Length = sizeof q; begin_io(&self, (struct IORequest *)&io);
        int listed_read = 0, n = 0;
        for (const UWORD *c = q.SupportedCommands; c && *c; c++, n++) if (*c == CMD_READ) listed_read = 1;
        check(io.io_Error == 0 && q.DeviceType == NSDEVTYPE_TRACKDISK && q.SizeAvailable == 16 && listed_read && n == 12,
              "NSCMD_DEVICEQUERY: a trackdisk-like device listing its 12 commands");
        io.io_Command = 0x7777; begin_io(&self, (struct IORequest *)&io);
        check(io.io_Error == IOERR_NOCMD, "an unknown command is IOERR_NOCMD");
        close(&self, (struct IORequest *)&io);
        check(library->lib_OpenCnt == 0 && io.io_Unit == (struct Unit *)-1, "CloseDevice");
        APTR seglist = expunge(&self);
        check(seglist == (APTR)0x1234 && free_calls == 1, "Expunge frees the disk and returns the seglist");
    } else if (strcmp(mode, "ok") == 0) {
        check(result == library, "Init succeeds");
        check(open_calls == 1 && strcmp(opened_name, "timer.device") == 0 && opened_unit == UNIT_MICROHZ, "timer.device is opened once, unit UNIT_MICROHZ");
        check(ITimer == &timer_iface, "ITimer is the interface of the opened device's base");
        check(uptime_calls == 1, "the driver's Init called ITimer->GetUpTime");
        check(close_calls == 0 && drop_calls == 0, "nothing is released while the device is loaded");
        /* Expunge through the manager interface, as exec does at open count 0. */
        APTR (*expunge)(struct DeviceManagerInterface *) = (APTR (*)(struct DeviceManagerInterface *))vectors[6];
        APTR seglist = expunge(&self);
        check(seglist == (APTR)0x1234 && delete_calls == 1, "Expunge returns the seglist and deletes the base");
        check(drop_calls == 1 && dropped == (struct Interface *)&timer_iface && ITimer == NULL, "Expunge drops ITimer");
        check(close_calls == 1 && closed_io == opened_io, "Expunge closes timer.device with the request it was opened with");
    } else if (strcmp(mode, "open-fails") == 0) {
        check(result == NULL, "Init fails when timer.device does not open");
        check(get_interface_calls == 0 && uptime_calls == 0, "no interface is asked of a device that did not open, and the driver's Init is not run");
        check(close_calls == 0, "a device that did not open is not closed");
    } else if (strcmp(mode, "iface-fails") == 0) {
        check(result == NULL, "Init fails when timer.device gives no interface");
        check(close_calls == 1 && closed_io == opened_io, "the opened timer.device is closed again");
        check(drop_calls == 0 && uptime_calls == 0, "nothing is dropped that was not obtained, and the driver's Init is not run");
    } else {
        check(result == NULL, "Init fails when the driver's Init returns false");
        check(uptime_calls == 1, "the driver's Init ran");
        check(drop_calls == 1 && close_calls == 1 && ITimer == NULL, "ITimer is dropped and timer.device closed after the driver's Init fails");
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
