using System.Text.RegularExpressions;

namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// The eight targets of a device run (the guest's guest/config.h holds the same table): six
/// 64 MiB disks, a sparse 3 TiB disk and a 64 MiB disk with 4 KiB logical blocks; and the
/// host-side check of what the guest says it wrote.
/// </summary>
internal sealed class DiskSet : IDisposable
{
    public static readonly (string Product, int BlockSize, long Bytes)[] Layout =
    [
        ("VSCSI-T0", 512, 64L << 20), ("VSCSI-T1", 512, 64L << 20), ("VSCSI-T2", 512, 64L << 20),
        ("VSCSI-T3", 512, 64L << 20), ("VSCSI-T4", 512, 64L << 20), ("VSCSI-T5", 512, 64L << 20),
        ("VSCSI-3TIB", 512, 3L << 40), ("VSCSI-4KN", 4096, 64L << 20),
    ];

    public string Dir { get; } = Directory.CreateTempSubdirectory("drvc-qemu-disks-").FullName;
    public IReadOnlyList<Disk> Disks { get; }

    public DiskSet()
    {
        var disks = new List<Disk>();
        for (int i = 0; i < Layout.Length; i++)
        {
            var path = Path.Combine(Dir, $"t{i}.img");
            using (var f = File.Create(path)) f.SetLength(Layout[i].Bytes); // sparse
            disks.Add(new Disk(path, i, Layout[i].Product, Layout[i].BlockSize));
        }
        Disks = disks;
    }

    /// <summary>The guest's pattern: xorshift32 words from the seed, stored big-endian.</summary>
    public static byte[] Pattern(uint seed, int length)
    {
        var b = new byte[length];
        uint s = seed == 0 ? 1 : seed;
        for (int i = 0; i < length; i += 4)
        {
            s ^= s << 13; s ^= s >> 17; s ^= s << 5;
            for (int k = 0; k < 4 && i + k < length; k++) b[i + k] = (byte)(s >> (24 - 8 * k));
        }
        return b;
    }

    private static readonly Regex Wrote = new(@"^wrote unit (\d+) offset (\d+) length (\d+) seed (\d+)\r?$", RegexOptions.Multiline);

    /// <summary>
    /// Reads every range the guest reported writing back from the image files and compares it with
    /// the pattern; the 4 KiB on either side of each range (when no other write covers them) must
    /// still be zero, so a write that landed elsewhere is caught too. Returns the number of ranges.
    /// </summary>
    public int VerifyWrites(string log)
    {
        var writes = Wrote.Matches(log).Select(m => (Unit: int.Parse(m.Groups[1].Value), Offset: long.Parse(m.Groups[2].Value),
            Length: int.Parse(m.Groups[3].Value), Seed: uint.Parse(m.Groups[4].Value))).ToList();
        var problems = new List<string>();
        foreach (var w in writes)
        {
            using var f = File.OpenRead(Disks[w.Unit].Image);
            var actual = new byte[w.Length];
            f.Position = w.Offset;
            f.ReadExactly(actual);
            var expected = Pattern(w.Seed, w.Length);
            int diff = FirstDifference(expected, actual);
            if (diff >= 0) problems.Add($"unit {w.Unit} offset {w.Offset} length {w.Length} seed {w.Seed}: image differs at byte {diff}");
            foreach (var (start, len) in new[] { (w.Offset - 4096, 4096), (w.Offset + w.Length, 4096) })
            {
                if (start < 0 || start + len > f.Length) continue;
                if (writes.Any(o => o.Unit == w.Unit && o.Offset < start + len && start < o.Offset + o.Length)) continue;
                var around = new byte[len];
                f.Position = start;
                f.ReadExactly(around);
                if (around.Any(b => b != 0)) problems.Add($"unit {w.Unit}: nonzero bytes in [{start}, {start + len}) next to a write");
            }
        }
        if (problems.Count > 0) throw new Xunit.Sdk.XunitException("host-side image check failed:\n" + string.Join("\n", problems));
        return writes.Count;
    }

    private static int FirstDifference(byte[] a, byte[] b)
    {
        for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return i;
        return -1;
    }

    public void Dispose() { try { Directory.Delete(Dir, true); } catch (IOException) { } }
}
