// Library code for DriverLibraryTests. TinyDriver calls Sum (which calls the private Mix) and takes the
// address of Twice; nothing calls Unused (which alone uses the private Scramble and the Table).
namespace TinyLib;

public static unsafe class Checksum
{
    private static readonly byte[] Table = { 3, 5, 7, 11 };

    public static uint Sum(uint a, uint b) => Mix(a) + b;

    public static uint Twice(uint a) => a + a;

    public static uint Unused(uint a) => Table[a & 3] + Scramble(a);

    private static uint Mix(uint a) => a * 3;

    private static uint Scramble(uint a) => a ^ 0x5A5A5A5Au;
}

/// <summary>A struct with an instance method the driver calls.</summary>
public struct Counter
{
    public uint Count;

    public void Add(uint n) { Count += n; }

    public void Reset() { Count = 0; }
}
