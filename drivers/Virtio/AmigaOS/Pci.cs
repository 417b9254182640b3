// The part of expansion.library's PCI interface (interfaces/expansion.h, expansion/pci.h) the VirtIO
// transport calls: IPCI->FindDeviceTags and methods of the struct PCIDevice interface it returns.
// Interim: these declarations go when the AmigaOS binding library (issue 10, point 2) declares them
// once for every driver; the transport then names that library's types instead. They live in their
// own namespace so a driver with its own SDK mirrors (namespace AmigaOS) sees no second PCIDevice.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace Virtio.AmigaOS;

/// <summary>struct PCIDevice: an interface object; only handled by pointer.</summary>
[CType("struct PCIDevice", ExactFieldNames = true)]
public struct PCIDevice { }

/// <summary>struct Node (exec/nodes.h), 14 bytes: the head of a PCIResourceRange.</summary>
[CType("struct Node", ExactFieldNames = true), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct Node
{
    public Node* ln_Succ;
    public Node* ln_Pred;
    public byte ln_Type;
    public sbyte ln_Pri;
    public byte* ln_Name;
}

/// <summary>struct MinNode (exec/nodes.h), 8 bytes: the head of a PCICapability.</summary>
[CType("struct MinNode", ExactFieldNames = true), StructLayout(LayoutKind.Sequential, Pack = 2)]
public unsafe struct MinNode
{
    public MinNode* mln_Succ;
    public MinNode* mln_Pred;
}

/// <summary>struct PCIResourceRange (expansion/pci.h): a BAR; BaseAddress is the CPU address, Physical the bus address.</summary>
[CType("struct PCIResourceRange", ExactFieldNames = true), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct PCIResourceRange
{
    public Node Node;
    public uint BaseAddress;
    public uint Size;
    public uint Physical;
    public uint Flags;
}

/// <summary>struct PCICapability (expansion/pci.h): one entry of the capability list.</summary>
[CType("struct PCICapability", ExactFieldNames = true), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct PCICapability
{
    public MinNode Node;
    public uint Type;
    public uint Size;
    public uint CapOffset;
}

/// <summary>PCI configuration-space names and the IPCI / PCIDevice methods (AmigaOS 4.1 SDK expansion autodocs).</summary>
[CHeader("expansion/pci.h"), CHeader("interfaces/expansion.h"), CHeader("utility/tagitem.h")]
public static unsafe class Pci
{
    [CConstant("PCI_COMMAND")] public const uint PCI_COMMAND = 0x04;
    [CConstant("PCI_BASE_ADDRESS_5")] public const uint PCI_BASE_ADDRESS_5 = 0x24;
    [CConstant("PCI_COMMAND_IO")] public const ushort PCI_COMMAND_IO = 0x1;
    [CConstant("PCI_COMMAND_MEMORY")] public const ushort PCI_COMMAND_MEMORY = 0x2;
    [CConstant("PCI_COMMAND_MASTER")] public const ushort PCI_COMMAND_MASTER = 0x4;
    [CConstant("PCI_CAPABILITYID_VENDOR")] public const uint PCI_CAPABILITYID_VENDOR = 0x09;
    [CConstant("FDT_VendorID")] public const uint FDT_VendorID = 0x80000001;
    [CConstant("FDT_DeviceID")] public const uint FDT_DeviceID = 0x80000002;
    [CConstant("TAG_DONE")] public const uint TAG_DONE = 0;

    [CBinding("FindDeviceTags", Interface = "IPCI")] public static extern PCIDevice* FindDeviceTags(params uint[] tags);
    [CBinding("FreeDevice", Interface = "IPCI")] public static extern void FreeDevice(PCIDevice* device);

    [CBinding("ReadConfigByte", Interface = "this")] public static extern byte ReadConfigByte(PCIDevice* dev, uint offset);
    [CBinding("ReadConfigWord", Interface = "this")] public static extern ushort ReadConfigWord(PCIDevice* dev, uint offset);
    [CBinding("ReadConfigLong", Interface = "this")] public static extern uint ReadConfigLong(PCIDevice* dev, uint offset);
    [CBinding("WriteConfigWord", Interface = "this")] public static extern void WriteConfigWord(PCIDevice* dev, uint offset, ushort value);
    [CBinding("WriteConfigLong", Interface = "this")] public static extern void WriteConfigLong(PCIDevice* dev, uint offset, uint value);
    [CBinding("InByte", Interface = "this")] public static extern byte InByte(PCIDevice* dev, uint port);
    [CBinding("OutByte", Interface = "this")] public static extern void OutByte(PCIDevice* dev, uint port, byte value);
    [CBinding("InWord", Interface = "this")] public static extern ushort InWord(PCIDevice* dev, uint port);
    [CBinding("OutWord", Interface = "this")] public static extern void OutWord(PCIDevice* dev, uint port, ushort value);
    [CBinding("InLong", Interface = "this")] public static extern uint InLong(PCIDevice* dev, uint port);
    [CBinding("OutLong", Interface = "this")] public static extern void OutLong(PCIDevice* dev, uint port, uint value);
    [CBinding("GetResourceRange", Interface = "this")] public static extern PCIResourceRange* GetResourceRange(PCIDevice* dev, uint bar);
    [CBinding("FreeResourceRange", Interface = "this")] public static extern void FreeResourceRange(PCIDevice* dev, PCIResourceRange* range);
    [CBinding("MapInterrupt", Interface = "this")] public static extern uint MapInterrupt(PCIDevice* dev);
    [CBinding("GetFirstCapability", Interface = "this")] public static extern PCICapability* GetFirstCapability(PCIDevice* dev);
    [CBinding("GetNextCapability", Interface = "this")] public static extern PCICapability* GetNextCapability(PCIDevice* dev, PCICapability* cap);
}
