namespace DriverCompiler.Fuzz.Generator;

/// <summary>
/// SplitMix64: a tiny generator whose sequence depends only on the seed, never on the .NET version
/// (System.Random's algorithms are an implementation detail), so a seed names the same program forever.
/// </summary>
public sealed class Rng(ulong seed)
{
    private ulong state = seed;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next64()
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A number in [0, n); n must be positive.</summary>
    public int Below(int n) => (int)(Next64() % (ulong)n);

    /// <summary>A number in [lo, hi].</summary>
    public int Between(int lo, int hi) => lo + Below(hi - lo + 1);

    /// <summary>True with probability <paramref name="percent"/> / 100.</summary>
    public bool Chance(int percent) => Below(100) < percent;

    /// <summary>One element of <paramref name="items"/>, uniformly.</summary>
    public T Pick<T>(IReadOnlyList<T> items) => items[Below(items.Count)];
}
