using Xunit;
using Xunit.Abstractions;

namespace DriverCompiler.VirtioScsi.Tests;

/// <summary>
/// The driver's VirtIO and SCSI logic as emitted C, driven by Host/logic_test.c natively (little-endian)
/// and under qemu-ppc (big-endian, the AmigaOS CPU). Expected values come from the specifications:
/// VirtIO 1.2 section 2.7 (split virtqueue layout, descriptor flags, used_event), SBC-3/SPC-4 (CDB
/// layouts, sense formats) and the geometry and error rules of issue 3 / the facts file.
/// </summary>
public sealed class LogicTests(ITestOutputHelper output)
{
    private static readonly Lazy<string> Emitted = new(Tools.EmitDriver);
    private static readonly string[] Sources = ["virtqueue.c", "cdb.c", "sense.c", "error_map.c", "geometry.c", "logical_geometry.c"];

    private Dictionary<string, string> RunProgram(bool ppc)
    {
        string dir = Emitted.Value;
        string exe = Path.Combine(dir, ppc ? "logic_test_ppc" : "logic_test_host");
        string test = Path.Combine(AppContext.BaseDirectory, "Host", "logic_test.c");
        string args = $"{(ppc ? "-static " : "")}{Tools.DriverCFlags} -I. -I{Tools.RepoPath("tests", "include", "amigaos4")} -o {exe} {test} {string.Join(" ", Sources)}";
        var (code, text) = Tools.Run(ppc ? Tools.PpcGcc : "gcc", args, dir, ppc ? Tools.PpcGccPackage : "gcc");
        Assert.True(code == 0, "compile failed:\n" + text);
        (code, text) = ppc ? Tools.Run("qemu-ppc", exe, dir, "qemu-user") : Tools.Run(exe, "", dir, "gcc");
        output.WriteLine(text);
        Assert.Equal(0, code);
        var lines = new Dictionary<string, string>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int sp = line.IndexOf(' ');
            lines[line[..sp]] = line[(sp + 1)..].Replace("  ", " ").Trim();
        }
        return lines;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Cdbs_follow_sbc3(bool ppc)
    {
        var r = RunProgram(ppc);
        Assert.Equal(ppc ? "big" : "little", r["endian"]);
        // READ(10): opcode 28, LBA big-endian in 2..5, transfer length in 7..8.
        Assert.Equal("10 28001234567800000800", r["rw.read10"]);
        // WRITE(16) once the LBA needs 33 bits: 8A, LBA 2..9, length 10..13.
        Assert.Equal("16 8a000000000100000000000000080000", r["rw.write16"]);
        // READ(16) when the count exceeds READ(10)'s 16-bit field, at LBA 0.
        Assert.Equal("16 88000000000000000000000100000000", r["rw.count16"]);
        Assert.Equal("10 28000000000000ffff00", r["rw.count10"]);
        Assert.Equal("10", r["rw.lastlba10"]);
        Assert.Equal("16", r["rw.straddle"]);
        // SERVICE ACTION IN(16) / READ CAPACITY(16): 9E, service action 10h, allocation length 10..13.
        Assert.Equal("16 9e100000000000000000000000200000", r["rc16"]);
        Assert.Equal("10 25000000000000000000", r["rc10"]);
        Assert.Equal("6 120000002400", r["inquiry"]);
        Assert.Equal("6 000000000000", r["tur"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sense_and_error_mapping(bool ppc)
    {
        var r = RunProgram(ppc);
        Assert.Equal("5 24 1 1", r["sense.fixed"]);
        Assert.Equal("6 29 0 1", r["sense.desc"]);
        Assert.Equal("0 0", r["sense.bad"]);
        Assert.Equal("0", r["sense.short"]);
        // exec/errors.h, devices/trackdisk.h, devices/scsidisk.h values.
        Assert.Equal("0", r["err.good"]);
        Assert.Equal("-3", r["err.illegal"]);   // ILLEGAL REQUEST -> IOERR_NOCMD
        Assert.Equal("29", r["err.ua"]);        // UNIT ATTENTION -> TDERR_DiskChanged
        Assert.Equal("33", r["err.notready"]);  // TDERR_BadDriveType
        Assert.Equal("27", r["err.medium"]);    // TDERR_BadSecHdr
        Assert.Equal("28", r["err.protect"]);   // TDERR_WriteProt
        Assert.Equal("0", r["err.recovered"]);
        Assert.Equal("20", r["err.aborted"]);   // TDERR_NotSpecified
        Assert.Equal("45", r["err.blank"]);     // HFERR_BadStatus
        Assert.Equal("45", r["err.busy"]);
        Assert.Equal("20", r["err.badtarget"]); // virtio-scsi response != S_OK
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Geometry_product_rule_and_capacity(bool ppc)
    {
        var r = RunProgram(ppc);
        Assert.Equal("256 67108864", r["geo.8tib"]);            // 2^34 blocks: 256 x 2^26
        Assert.Equal("256 25165824 4294967295", r["geo.3tib"]); // 3 x 2^31 blocks, TotalSectors clamped
        Assert.Equal("8 125", r["geo.1000"]);
        Assert.Equal("1 1001", r["geo.odd"]);
        Assert.Equal("1 1", r["geo.zero"]);
        Assert.Equal("256 4294967295", r["geo.huge"]);
        Assert.Equal("1 655360 512", r["cap10"]);
        Assert.Equal("0", r["cap10.full"]);                     // last LBA FFFFFFFF: READ CAPACITY(16) needed
        Assert.Equal("6442450944 4096", r["cap16"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Virtqueue_rings_in_both_byte_orders(bool ppc)
    {
        var r = RunProgram(ppc);
        // Legacy layout: descriptors 16 x 256, avail 6 + 2 x 256, used ring at the next 4096 boundary.
        Assert.Equal("8192 10246 4096", r["layout"]);
        foreach (var mode in new[] { "modern", "legacy" })
        {
            // Modern rings are little-endian on every CPU; legacy rings are in the CPU's order.
            bool le = mode == "modern" || !ppc;
            string L16(int v) => le ? $"{v & 0xFF:x2}{v >> 8:x2}" : $"{v >> 8:x2}{v & 0xFF:x2}";
            string L32(uint v) => le ? $"{L16((int)(v & 0xFFFF))}{L16((int)(v >> 16))}" : $"{L16((int)(v >> 16))}{L16((int)(v & 0xFFFF))}";
            string L64(ulong v) => le ? L32((uint)v) + L32((uint)(v >> 32)) : L32((uint)(v >> 32)) + L32((uint)v);
            string Desc(ulong addr, uint len, int flags, int next) => L64(addr) + L32(len) + L16(flags) + L16(next);
            Assert.Equal("0", r[mode + ".head"]);
            // request header (device-readable) NEXT, response WRITE|NEXT, data WRITE; chained 0 -> 1 -> 2.
            Assert.Equal(Desc(0x1122334455667788, 51, 1, 1), r[mode + ".desc0"]);
            Assert.Equal(Desc(0x2000, 108, 3, 2), r[mode + ".desc1"]);
            Assert.Equal(Desc(0x3000, 4096, 2, 3), r[mode + ".desc2"]);
            Assert.Equal(L16(0) + L16(1) + L16(0), r[mode + ".avail"]);  // flags 0 (interrupts on), idx 1, ring[0] = head
            Assert.Equal("5", r[mode + ".numfree"]);
            Assert.Equal("-1", r[mode + ".full"]);
            Assert.Equal("0", r[mode + ".early"]);
            Assert.Equal("1 305 4204", r[mode + ".got"]);                 // cookie back, bytes written
            Assert.Equal("8", r[mode + ".numfree2"]);                     // the whole chain is free again
            Assert.Equal(L16(1), r[mode + ".usedevent"]);                 // used_event = last_used_idx
            Assert.Equal("1 0 8", r[mode + ".bogus"]);                    // id 99 >= size: consumed, ignored
            Assert.Equal("0 7", r[mode + ".ihead"]);
            Assert.Equal(Desc(0xABCD000, 48, 4, 1), r[mode + ".idesc"]);  // VIRTQ_DESC_F_INDIRECT, 3 x 16 bytes
            Assert.Equal(Desc(0x1122334455667788, 51, 1, 1), r[mode + ".itable0"]);
            Assert.Equal(Desc(0x3000, 4096, 2, 3), r[mode + ".itable2"]);
            Assert.Equal("0", r[mode + ".arm"]);
            Assert.Equal(L16(2 + 4), r[mode + ".usedevent5"]);            // 5 pending: last_used_idx + 4
        }
    }
}
