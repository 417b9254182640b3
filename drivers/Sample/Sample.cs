using DriverCompiler.Dsl;

[assembly: Driver("sample", DriverTarget.AmigaOS4, Prefix = "smp", Version = 1, Revision = 0)]

namespace Sample;

/// <summary>A small request ring driver: the shape of the real drivers, small enough to read.</summary>
public static unsafe class Ring
{
    public const int RingSize = 16;
    public const uint ControlEnable = 1u << 0;
    public const uint ControlIrqEnable = 1u << 1;

    private static SampleRegs* regs;
    private static Descriptor* ring;
    private static ushort head;
    private static ushort used;
    private static uint interrupts;

    /// <summary>CRC-8 (polynomial 0x07) of the descriptor table, for the self test.</summary>
    private static readonly byte[] Crc8Table = { 0x00, 0x07, 0x0E, 0x09, 0x1C, 0x1B, 0x12, 0x15, 0x38, 0x3F, 0x36, 0x31, 0x24, 0x23, 0x2A, 0x2D };

    /// <summary>Resets the device and hands it the ring; returns false when it does not come ready.</summary>
    public static bool Init(SampleRegs* r, Descriptor* descriptors, ulong busAddress)
    {
        regs = r;
        ring = descriptors;
        head = 0;
        used = 0;
        for (int i = 0; i < RingSize; i++)
        {
            ring[i] = default;
            ring[i].Next = (ushort)((i + 1) % RingSize);
        }
        r->RingBase = busAddress;
        r->RingSize = RingSize;
        r->Control = ControlEnable | ControlIrqEnable;
        for (int spin = 0; spin < 1000; spin++)
        {
            if ((r->Status & (uint)SampleStatus.Ready) != 0)
                return true;
        }
        return false;
    }

    /// <summary>Queues one buffer; returns its descriptor index, or -1 when the ring is full.</summary>
    public static int Submit(ulong address, uint length, bool write)
    {
        if ((ushort)(head - used) >= RingSize)
            return -1;
        int slot = head % RingSize;
        Descriptor* d = &ring[slot];
        d->Address = address;
        d->Length = length;
        d->Flags = (ushort)(write ? 1 : 0);
        Barrier.Full();
        head++;
        regs->Doorbell = head;
        return slot;
    }

    /// <summary>The device's interrupt: acknowledges it and retires completed descriptors.</summary>
    [InterruptHandler]
    public static bool Interrupt()
    {
        byte isr = regs->Isr;
        if (isr == 0)
            return false;
        interrupts++;
        used = (ushort)(regs->Status >> 16);
        return true;
    }

    public static byte Crc8(byte* data, int length)
    {
        byte crc = 0;
        for (int i = 0; i < length; i++)
        {
            byte x = (byte)(crc ^ data[i]);
            crc = (byte)((crc << 4) ^ Crc8Table[x >> 4] ^ Crc8Table[x & 0xF]);
            crc = (byte)((crc << 4) ^ Crc8Table[(crc >> 4) & 0xF]);
        }
        return crc;
    }
}
