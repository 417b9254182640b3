using DriverCompiler.Dsl;
using TinyLib;

[assembly: Driver("tiny", DriverTarget.AmigaOS4)]

namespace TinyDriver;

public static unsafe class Entry
{
    private static Counter counter;

    /// <summary>Uses Checksum.Sum, Counter.Add and Checksum.Twice (through a function pointer) from the library.</summary>
    public static uint Run(uint x)
    {
        delegate*<uint, uint> twice = &Checksum.Twice;
        counter.Add(x);
        return Checksum.Sum(twice(x), counter.Count);
    }
}
