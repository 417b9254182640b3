namespace DriverCompiler.A4091.Sim.Tests.Infrastructure;

/// <summary>A raw disk image file on the host with known, seeded contents (512-byte blocks).</summary>
public sealed class DiskImage
{
    public const int BlockSize = 512;
    public string Path { get; }
    public int Blocks { get; }

    private DiskImage(string path, int blocks) { Path = path; Blocks = blocks; }

    /// <summary>Creates <paramref name="blocks"/> blocks of pseudo-random bytes from <paramref name="seed"/>.</summary>
    public static DiskImage Create(string dir, string name, int blocks, int seed)
    {
        var bytes = new byte[blocks * BlockSize];
        new Random(seed).NextBytes(bytes);
        var path = System.IO.Path.Combine(dir, name);
        File.WriteAllBytes(path, bytes);
        return new DiskImage(path, blocks);
    }

    /// <summary>The bytes of blocks [lba, lba + count) as the file holds them now.</summary>
    public byte[] Read(long lba, int count)
    {
        using var f = File.OpenRead(Path);
        f.Position = lba * BlockSize;
        var b = new byte[count * BlockSize];
        f.ReadExactly(b);
        return b;
    }

    /// <summary>Writes a data file of <paramref name="count"/> random blocks for a WRITE command; returns its bytes.</summary>
    public static byte[] DataFile(string path, int count, int seed)
    {
        var b = new byte[count * BlockSize];
        new Random(seed).NextBytes(b);
        File.WriteAllBytes(path, b);
        return b;
    }
}
