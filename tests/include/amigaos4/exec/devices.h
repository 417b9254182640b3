/*
 * exec/devices.h (test declaration, SDK names and layout): struct Device, struct Unit and the
 * "__device" manager interface a device publishes. Exec calls the manager's functions with
 * the interface itself as the first argument (Self).
 */
#ifndef EXEC_DEVICES_H
#define EXEC_DEVICES_H

#include <exec/libraries.h>
#include <exec/ports.h>
#include <exec/interfaces.h>

struct IORequest;

#pragma pack(push, 2)

/* 34 bytes */
struct Device
{
    struct Library dd_Library;
};

/* 38 bytes */
struct Unit
{
    struct MsgPort unit_MsgPort;
    UBYTE unit_flags;
    UBYTE unit_pad;
    UWORD unit_OpenCnt;
};

struct DeviceManagerInterface
{
    struct InterfaceData Data;
    uint32 (*Obtain)(struct DeviceManagerInterface *Self);
    uint32 (*Release)(struct DeviceManagerInterface *Self);
    void (*Expunge)(struct DeviceManagerInterface *Self);
    struct Interface *(*Clone)(struct DeviceManagerInterface *Self);
    void (*Open)(struct DeviceManagerInterface *Self, struct IORequest *ioRequest, uint32 unitNumber, uint32 flags);
    APTR (*Close)(struct DeviceManagerInterface *Self, struct IORequest *ioRequest);
    APTR (*LibExpunge)(struct DeviceManagerInterface *Self);
    struct Interface *(*GetInterface)(struct DeviceManagerInterface *Self, CONST_STRPTR name, uint32 version, struct TagItem *taglist);
    void (*BeginIO)(struct DeviceManagerInterface *Self, struct IORequest *ioRequest);
    void (*AbortIO)(struct DeviceManagerInterface *Self, struct IORequest *ioRequest);
};

#pragma pack(pop)

#define UNITF_ACTIVE (1 << 0)
#define UNITF_INTASK (1 << 1)

#endif /* EXEC_DEVICES_H */
