/* expansion/pci.h (test declaration, SDK names, values and layout): PCI constants and structures. */
#ifndef EXPANSION_PCI_H
#define EXPANSION_PCI_H

#include <exec/nodes.h>
#include <utility/tagitem.h>

/* Configuration space registers */
#define PCI_VENDOR_ID 0x00
#define PCI_DEVICE_ID 0x02
#define PCI_COMMAND 0x04
#define PCI_STATUS 0x06
#define PCI_BASE_ADDRESS_0 0x10
#define PCI_BASE_ADDRESS_4 0x20
#define PCI_BASE_ADDRESS_5 0x24
#define PCI_INTERRUPT_LINE 0x3c

#define PCI_COMMAND_IO 0x1
#define PCI_COMMAND_MEMORY 0x2
#define PCI_COMMAND_MASTER 0x4

#define PCI_CAPABILITYID_VENDOR 0x09
#define PCI_CAPABILITYID_MSIX 0x11

/* FindDeviceTags() tags */
#define FDT_VendorID (TAG_USER + 1)
#define FDT_DeviceID (TAG_USER + 2)
#define FDT_Index (TAG_USER + 3)
#define FDT_Class (TAG_USER + 4)

#pragma pack(push, 2)

/* A BAR as the CPU sees it: BaseAddress is the CPU address, Physical the bus address. */
struct PCIResourceRange
{
    struct Node Node;
    uint32 BaseAddress;
    uint32 Size;
    uint32 Physical;
    uint32 Flags;
};

struct PCICapability
{
    struct MinNode Node;
    uint32 Type;
    uint32 Size;
    uint32 CapOffset;
};

#pragma pack(pop)

#define PCI_RANGE_IO 1
#define PCI_RANGE_MEMORY 2
#define PCI_RANGE_PREFETCH 4

#endif /* EXPANSION_PCI_H */
