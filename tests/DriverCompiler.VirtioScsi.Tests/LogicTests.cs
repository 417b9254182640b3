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
    private static readonly string[] Sources = ["virtqueue.c", "cdb.c", "sense.c", "error_map.c", "geometry.c", "logical_geometry.c", "local_answers.c"];

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

    /// <summary>
    /// The answers the driver gives for commands a unit lacks (drivers/Scsi/LocalAnswers.cs). Expected bytes from the
    /// standards: LOG SENSE parameter data and the informational exceptions page (SPC-4 6.8, 7.3.8.2), ATA PASS-THROUGH
    /// (SAT-4 12.2.2, the ATA Status Return descriptor 12.2.2.6), the SMART data structure and its checksum (ACS-3
    /// 7.48.6: the 512 bytes sum to 0 mod 256), fixed and descriptor sense (SPC-4 4.5.2, 4.5.3).
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Local_answers_follow_spc4_and_sat4(bool ppc)
    {
        var r = RunProgram(ppc);
        const string Illegal24 = "700005000000000a0000000024000000";   // fixed sense, ILLEGAL REQUEST, INVALID FIELD IN CDB
        // Supported log pages: header (page 00h, subpage 0, length 2), then 00h and 2Fh; the byte after is untouched.
        Assert.Equal("1 0 6 00000002002f /", r["la.log0"]);
        Assert.Equal("ee", r["la.log0.after"]);
        // Informational exceptions: header 2Fh, length 7; parameter 0000h, control 03h, length 3, ASC 0, ASCQ 0, temperature FFh.
        Assert.Equal("1 0 11 2f000007000003030000ff /", r["la.log2f"]);
        Assert.Equal("1 0 6 2f0000070000 /", r["la.log2f_alloc6"]);     // cut to the allocation length
        Assert.Equal("1 0 5 2f00000700 /", r["la.log2f_buf5"]);          // and to the buffer
        Assert.Equal("1 0 4 2f000000 /", r["la.log2f_pointer"]);        // parameter pointer past 0000h: no parameter
        foreach (var refused in new[] { "la.log_ppc", "la.log_page0d", "la.log_subpage", "la.log_short" })
            Assert.Equal("1 2 0 / " + Illegal24 + "0000", r[refused]);
        // SMART READ DATA / THRESHOLDS: 512 bytes, revision 0010h little-endian, checksum F0h so the sum is 0.
        Assert.Equal("1 0 512 10000000000000000000000000000000 /", r["la.smart16"]);
        Assert.Equal("1000 f0 0", r["la.smart16.smart"]);
        Assert.Equal("1000 f0 0", r["la.thresh12.smart"]);
        Assert.Equal("1 2 0 / " + Illegal24 + "0000", r["la.smart_small"]);
        // RETURN STATUS with CK_COND: descriptor sense 72h, RECOVERED ERROR, 00h/1Dh, additional length 14, the ATA Status
        // Return descriptor (09h, 0Ch) with EXTEND, LBA 15:8 = 4Fh, LBA 23:16 = C2h, STATUS 50h.
        // Descriptor bytes: code, length, EXTEND, ERROR, COUNT 15:8 and 7:0, LBA 31:24, 7:0, 39:32, 15:8, 47:40, 23:16, DEVICE, STATUS.
        static string Ata(int extend) => $"090c{extend:x2}00" + "0000" + "000000" + "4f" + "00" + "c2" + "00" + "50";
        Assert.Equal("1 2 0 / 7201001d0000000e" + Ata(0), r["la.status16"]);
        Assert.Equal("1 2 0 / 7201001d0000000e" + Ata(1), r["la.status16x"]);
        Assert.Equal("1 0 0 /", r["la.status_quiet"]);
        // Not SMART (IDENTIFY DEVICE), or SMART without its C24Fh signature: ABORTED COMMAND.
        Assert.Equal("1 2 0 / 70000b000000000a0000000000000000" + "0000", r["la.identify"]);
        Assert.Equal(r["la.identify"], r["la.smart_nosig"]);
        Assert.Equal("0 0 0 /", r["la.inquiry"]);                     // not a command it answers
        // LOG SENSE for any type; ATA PASS-THROUGH only on direct access (A1h is BLANK on an MMC device).
        Assert.Equal("1 1 1 1 0 0", r["la.answers"]);
        Assert.Equal("18 700005000000000a00000000200000000000eeee", r["sense.build"]);
        Assert.Equal("8 700003000000000aee", r["sense.build8"]);
    }
}
