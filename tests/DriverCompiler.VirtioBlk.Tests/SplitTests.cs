using Xunit;
using Xunit.Abstractions;

namespace DriverCompiler.VirtioBlk.Tests;

/// <summary>
/// size_max and seg_max honoured by splitting (issue 11): the emitted Requests.AddBlockData, which builds the data
/// segments of one virtio-blk request, run natively and under qemu-ppc by Host/split_test.c against a model of
/// VirtIO 1.2 5.2.3/5.2.6 (no segment above size_max, at most seg_max of them, whole blocks). QEMU's virtio-blk-pci
/// never offers VIRTIO_BLK_F_SIZE_MAX, so BlkTests on the QEMU tier can prove only the seg_max split.
/// </summary>
public sealed class SplitTests(ITestOutputHelper output)
{
    private static readonly Lazy<string> Emitted = new(Tools.EmitDriver);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_request_respects_size_max_seg_max_and_whole_blocks(bool ppc)
    {
        string dir = Emitted.Value;
        // requests.c comes in through the test's #include (AddBlockData is static); the skeleton is not linked.
        var others = Directory.GetFiles(dir, "*.c").Select(Path.GetFileName).Where(f => f is not ("requests.c" or "device_skeleton.c"))
            .Order(StringComparer.Ordinal);
        string exe = ppc ? "split_test_ppc" : "split_test_host";
        string test = Path.Combine(AppContext.BaseDirectory, "Host", "split_test.c");
        string args = $"{(ppc ? "-static " : "")}-std=gnu99 -O2 -Wall -Wextra -Werror -fwrapv -I. -I{Tools.RepoPath("tests", "include", "amigaos4")} -o {exe} {test} {string.Join(" ", others)}";
        var (code, text) = Tools.Run(ppc ? Tools.PpcGcc : "gcc", args, dir, ppc ? Tools.PpcGccPackage : "gcc");
        Assert.True(code == 0, "compile failed:\n" + text);
        (code, text) = ppc ? Tools.Run("qemu-ppc", exe, dir, "qemu-user") : Tools.Run(Path.Combine(dir, exe), "", dir, "gcc");
        output.WriteLine(string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("PASS ", StringComparison.Ordinal))));
        Assert.Contains("308 passed, 0 failed", text);
        Assert.Equal(0, code);
    }
}
