// A device-style register protocol on [Mmio] memory: reset handshake, feature select windows, W1C status.
using DriverCompiler.Dsl;

namespace Corpus.MmioRegisterProtocol;

[Mmio]
public struct CommonCfg
{
    public Le32 DeviceFeatureSelect;
    public Le32 DeviceFeature;
    public Le32 DriverFeatureSelect;
    public Le32 DriverFeature;
    public Le16 MsixConfig;
    public Le16 NumQueues;
    public byte DeviceStatus;
    public byte ConfigGeneration;
    public Le16 QueueSelect;
}

public static unsafe class Program
{
    const byte Acknowledge = 1, Driver = 2, DriverOk = 4, FeaturesOk = 8;

    static CommonCfg cfg;
    static uint featuresLow = 0x39000006u;
    static uint featuresHigh = 0x00000001u;

    // What the "device" would answer for the selected window; here the driver simulates it.
    static void DeviceLatch(CommonCfg* c)
    {
        c->DeviceFeature = c->DeviceFeatureSelect == 0 ? featuresLow : featuresHigh;
    }

    static ulong ReadFeatures(CommonCfg* c)
    {
        c->DeviceFeatureSelect = 0u;
        DeviceLatch(c);
        Barrier.Read();
        ulong low = c->DeviceFeature;
        c->DeviceFeatureSelect = 1u;
        DeviceLatch(c);
        Barrier.Read();
        ulong high = c->DeviceFeature;
        return high << 32 | low;
    }

    static void WriteFeatures(CommonCfg* c, ulong f)
    {
        c->DriverFeatureSelect = 0u;
        c->DriverFeature = (uint)f;
        Barrier.Write();
        c->DriverFeatureSelect = 1u;
        c->DriverFeature = (uint)(f >> 32);
        Barrier.Full();
    }

    public static void Run()
    {
        fixed (CommonCfg* c = &cfg)
        {
            c->DeviceStatus = 0;
            Barrier.Full();
            c->DeviceStatus |= Acknowledge;
            c->DeviceStatus |= Driver;
            ulong offered = ReadFeatures(c);
            Probe.U(offered);
            ulong wanted = offered & (1ul << 32 | 1ul << 1 | 1ul << 2);
            WriteFeatures(c, wanted);
            Probe.I((uint)c->DriverFeature);
            Probe.I((uint)c->DriverFeatureSelect);
            c->DeviceStatus |= FeaturesOk;
            Probe.B((c->DeviceStatus & FeaturesOk) != 0);
            c->DeviceStatus |= DriverOk;
            Probe.I(c->DeviceStatus);
            c->NumQueues = (ushort)3;
            for (ushort q = 0; q < c->NumQueues; q++)
            {
                c->QueueSelect = q;
                Probe.I((ushort)c->QueueSelect);
            }
            byte* raw = (byte*)c;
            for (int i = 16; i < 24; i++) Probe.I(raw[i]);
        }
    }
}
