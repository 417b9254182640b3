// An [Mmio] register block with Le and Be registers, accessed through a pointer to a static instance.
using DriverCompiler.Dsl;

namespace Corpus.EndianMmioStatic;

[Mmio]
public struct Regs
{
    public Le32 DeviceFeature;
    public Le32 DriverFeature;
    public Le16 QueueSelect;
    public Le16 QueueSize;
    public byte Status;
    public byte Config;
    public Be16 WireLength;
    public Be32 WireAddress;
    public Le64 QueueDesc;
}

public static unsafe class Program
{
    static Regs device;

    static void Dump(Regs* r)
    {
        byte* p = (byte*)r;
        for (int i = 0; i < sizeof(Regs); i++) Probe.I(p[i]);
    }

    public static void Run()
    {
        Probe.I(sizeof(Regs));
        fixed (Regs* r = &device)
        {
            r->DeviceFeature = 0x01000030u;
            r->DriverFeature = r->DeviceFeature & 0x00000030u;
            r->QueueSelect = (ushort)2;
            r->QueueSize = (ushort)256;
            r->Status = 0x0F;
            r->Config = (byte)(r->Status | 0x80);
            r->WireLength = (ushort)0x0102;
            r->WireAddress = 0xC0A80001u;
            r->QueueDesc = 0x00000001FFFF0000ul;
            Dump(r);
            Probe.I((uint)r->DriverFeature);
            Probe.I((ushort)r->QueueSize);
            Probe.I(r->Config);
            Probe.I((uint)r->WireAddress);
            Probe.U(r->QueueDesc);
            uint features = r->DeviceFeature;
            features |= 1u << 31;
            r->DeviceFeature = features;
            Barrier.Io();
            Probe.I((uint)r->DeviceFeature);
        }
        Probe.I(device.Status);
        Probe.I((ushort)device.QueueSelect);
    }
}
