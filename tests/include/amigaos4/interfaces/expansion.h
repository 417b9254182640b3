/*
 * interfaces/expansion.h (test declaration): expansion.library's "pci" interface (PCIIFace)
 * and the PCIDevice interface FindDeviceTags() returns. As in interfaces/exec.h the methods are
 * declared without the implicit Self parameter (see there), and only those drivers use.
 * A PCIDevice's I/O methods do the bus's little-endian conversion themselves.
 */
#ifndef EXPANSION_INTERFACE_DEF_H
#define EXPANSION_INTERFACE_DEF_H

#include <exec/interfaces.h>
#include <expansion/pci.h>

struct PCIDevice
{
    struct InterfaceData Data;

    uint32 (*Obtain)(void);
    uint32 (*Release)(void);
    void (*Expunge)(void);
    struct Interface *(*Clone)(void);

    uint8 (*InByte)(uint32 port);
    void (*OutByte)(uint32 port, uint8 value);
    uint16 (*InWord)(uint32 port);
    void (*OutWord)(uint32 port, uint16 value);
    uint32 (*InLong)(uint32 port);
    void (*OutLong)(uint32 port, uint32 value);
    uint8 (*ReadConfigByte)(uint32 offset);
    void (*WriteConfigByte)(uint32 offset, uint8 value);
    uint16 (*ReadConfigWord)(uint32 offset);
    void (*WriteConfigWord)(uint32 offset, uint16 value);
    uint32 (*ReadConfigLong)(uint32 offset);
    void (*WriteConfigLong)(uint32 offset, uint32 value);
    struct PCIResourceRange *(*GetResourceRange)(uint32 bar);
    void (*FreeResourceRange)(struct PCIResourceRange *range);
    uint32 (*MapInterrupt)(void);
    struct PCICapability *(*GetFirstCapability)(void);
    struct PCICapability *(*GetNextCapability)(struct PCICapability *capability);
};

struct PCIIFace
{
    struct InterfaceData Data;

    uint32 (*Obtain)(void);
    uint32 (*Release)(void);
    void (*Expunge)(void);
    struct Interface *(*Clone)(void);

    struct PCIDevice *(*FindDeviceTags)(uint32 tag1, ...);
    void (*FreeDevice)(struct PCIDevice *device);
};

#endif /* EXPANSION_INTERFACE_DEF_H */
