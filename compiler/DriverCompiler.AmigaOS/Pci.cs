// Mirrors of expansion.library's PCI interface (interfaces/expansion.h, expansion/pci.h):
// IPCI->FindDeviceTags and the methods of the struct PCIDevice interface it returns.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace AmigaOS;

/// <summary>struct PCIDevice: an interface object; only handled by pointer.</summary>
[CHeader("interfaces/expansion.h")]
[CType("struct PCIDevice", ExactFieldNames = true)]
public struct PCIDevice { }

/// <summary>struct PCIResourceRange (expansion/pci.h): a BAR; BaseAddress is the CPU address, Physical the bus address.</summary>
[CHeader("expansion/pci.h")]
[CType("struct PCIResourceRange", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct PCIResourceRange
{
    public Node Node;
    public uint BaseAddress;
    public uint Size;
    public uint Physical;
    public uint Flags;
}

/// <summary>struct PCICapability (expansion/pci.h): one entry of the capability list.</summary>
[CHeader("expansion/pci.h")]
[CType("struct PCICapability", ExactFieldNames = true, Pack = 2), StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct PCICapability
{
    public MinNode Node;
    public uint Type;
    public uint Size;
    public uint CapOffset;
}

/// <summary>PCI configuration-space names and the IPCI / PCIDevice methods (AmigaOS 4.1 SDK expansion autodocs).</summary>
[CHeader("expansion/pci.h"), CHeader("interfaces/expansion.h")]
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
    /// <summary>FindDeviceTags: return the n-th (0-based) function that matches the other tags (expansion/pci.h, TAG_USER + 3).</summary>
    [CConstant("FDT_Index")] public const uint FDT_Index = 0x80000003;

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
