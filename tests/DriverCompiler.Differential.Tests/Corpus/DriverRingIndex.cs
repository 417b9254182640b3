// Free-running 16-bit ring indices (as virtio's): wrap at 65536, masked slot numbers, fill levels.
namespace Corpus.DriverRingIndex;

public static unsafe class Program
{
    const int Size = 8;
    const int Mask = Size - 1;

    static ushort produced = 65530;
    static ushort consumed = 65530;

    static int Used() => (ushort)(produced - consumed);

    public static void Run()
    {
        uint* slots = stackalloc uint[Size];
        uint next = 1;
        for (int round = 0; round < 6; round++)
        {
            while (Used() < Size)
            {
                slots[produced & Mask] = next++;
                produced++;
            }
            Probe.I(Used());
            Probe.I(produced);
            uint sum = 0;
            for (int k = 0; k < 5; k++)
            {
                sum += slots[consumed & Mask];
                consumed++;
            }
            Probe.I(sum);
            Probe.I(consumed);
            Probe.I(Used());
        }
        ushort a = 65535, b = 1;
        Probe.I((ushort)(b - a));
        Probe.B((short)(b - a) > 0);
        uint head = 0xFFFFFFFEu, tail = 3;
        Probe.I(tail - head);
        Probe.I((tail - head) % 4096);
    }
}
