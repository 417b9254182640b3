namespace DriverCompiler.Analyzers.Tests;

/// <summary>
/// Layout diagnostics the editor shows while a register block or DMA structure is typed:
/// overlap (DRV0110) and misalignment (DRV0111) of endian fields, offset comments that disagree
/// with the layout (DRV0113) and a declared Size the fields do not fit (DRV0114).
/// </summary>
public class LayoutTests
{
    private const string U = "using DriverCompiler.Dsl;\nusing System.Runtime.InteropServices;\n";

    [Fact]
    public void Overlapping_registers_in_an_mmio_block()
    {
        var found = Harness.AssertMarked(U + """
            [Mmio, StructLayout(LayoutKind.Explicit)]
            public struct Regs
            {
                [FieldOffset(0x00)] public Le32 Status;
                [FieldOffset(0x02)] public Le16 {|DRV0110:Half|};
                [FieldOffset(0x04)] public Le32 Control;
            }
            """);
        Assert.Equal("Field 'Half' at offset 2 overlaps field 'Status' (4 bytes at offset 0)", found.Single().Message);
    }

    [Fact]
    public void Le32_at_an_offset_not_a_multiple_of_four()
    {
        var found = Harness.AssertMarked(U + """
            [Mmio, StructLayout(LayoutKind.Explicit)]
            public struct Regs
            {
                [FieldOffset(0x00)] public byte Isr;
                [FieldOffset(0x02)] public Le32 {|DRV0111:Doorbell|};
            }
            """);
        // The fix names the next multiple of 4 after offset 2.
        Assert.Equal("Field 'Doorbell' of 4 bytes is at offset 2, not a multiple of its alignment 4; move it to offset 4 ([FieldOffset(4)])", found.Single().Message);
    }

    [Fact]
    public void Le64_packed_to_four_in_a_dma_structure()
    {
        // Pack = 4 puts the 8-byte field at offset 4: a PowerPC 64-bit access there is split, and
        // the device (VirtIO, for one) expects 64-bit fields 8-aligned.
        var found = Harness.AssertMarked(U + """
            [Dma, StructLayout(LayoutKind.Sequential, Pack = 4)]
            public struct Descriptor
            {
                public Le32 Length;
                public Le64 {|DRV0111:Address|};
            }
            """);
        // 4 bytes of padding after the 4-byte Length bring Address to 8; or the struct is not packed below 8.
        Assert.Equal("Field 'Address' of 8 bytes is at offset 4, not a multiple of its alignment 8; add 4 bytes of padding after 'Length' (4 bytes)"
            + " as a field before it ('public uint Pad;') so that it is at offset 8, or remove Pack = 4 (only [CType] SDK mirrors may follow the SDK's packing)", found.Single().Message);
    }

    [Fact]
    public void Be32_after_a_byte_with_pack_one()
    {
        Harness.AssertMarked(U + """
            [Mmio, StructLayout(LayoutKind.Sequential, Pack = 1)]
            public struct Regs
            {
                public byte Scntl0;
                public Be32 {|DRV0111:Dsa|};
            }
            """);
    }

    /// <summary>VirtIO 1.1, 4.1.4.3 "Common configuration structure layout": the offsets in the comments are the spec's.</summary>
    private const string VirtioCommonCfg = """
        [Mmio]
        public struct VirtioPciCommonCfg
        {
            public Le32 DeviceFeatureSelect;   // 0x00
            public Le32 DeviceFeature;         // 0x04
            public Le32 DriverFeatureSelect;   // 0x08
            public Le32 DriverFeature;         // 0x0C
            public Le16 MsixConfig;            // 0x10
            public Le16 NumQueues;             // 0x12
            public byte DeviceStatus;          // 0x14
            public byte ConfigGeneration;      // 0x15
            public Le16 QueueSelect;           // 0x16
            public Le16 QueueSize;             // 0x18
            public Le16 QueueMsixVector;       // 0x1A
            public Le16 QueueEnable;           // 0x1C
            public Le16 QueueNotifyOff;        // 0x1E
            public Le64 QueueDesc;             // 0x20
            public Le64 QueueDriver;           // 0x28
            public Le64 QueueDevice;           // 0x30
        }
        """;

    [Fact]
    public void The_virtio_common_configuration_matches_its_spec_offsets()
    {
        Harness.AssertMarked(U + VirtioCommonCfg);
    }

    [Fact]
    public void A_register_left_out_shifts_the_rest_and_the_next_comment_says_so()
    {
        // Drop MsixConfig: NumQueues moves from 0x12 to 0x10, and every later field moves too;
        // from QueueDesc on, 8-byte alignment puts the fields back where the spec has them.
        string text = VirtioCommonCfg.Replace("    public Le16 MsixConfig;            // 0x10\n", "");
        foreach (var (field, offset) in new[] { ("NumQueues", "0x12"), ("DeviceStatus", "0x14"), ("ConfigGeneration", "0x15"),
                     ("QueueSelect", "0x16"), ("QueueSize", "0x18"), ("QueueMsixVector", "0x1A"), ("QueueEnable", "0x1C"), ("QueueNotifyOff", "0x1E") })
        {
            int at = text.IndexOf("public " + (field.StartsWith("Device") || field.StartsWith("Config") ? "byte " : "Le16 ") + field + ";", StringComparison.Ordinal);
            int comment = text.IndexOf("// " + offset, at, StringComparison.Ordinal);
            text = text[..comment] + "{|DRV0113:// " + offset + "|}" + text[(comment + 3 + offset.Length)..];
        }
        var found = Harness.AssertMarked(U + text);
        Assert.Equal("Field 'NumQueues' is commented as offset 0x12 but the layout puts it at offset 0x10; a padding field is missing or the comment is wrong",
            found[0].Message);
        Assert.All(found, d => Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Offset_comments_in_block_form_and_with_the_word_offset()
    {
        Harness.AssertMarked(U + """
            [Dma]
            public struct Dsa
            {
                public Be32 Select;     /* 0x00 */
                public Be32 Address;    {|DRV0113:/* 0x08 */|}
                public Be32 Count;      // offset 0x08
                public Be32 Flags;      {|DRV0113:// OFFSET 0x10: flags|}
            }
            """);
    }

    [Fact]
    public void Comments_that_are_not_offsets_and_structs_without_mmio_or_dma_are_not_checked()
    {
        Harness.AssertMarked(U + """
            [Mmio]
            public struct Regs
            {
                public Le32 Status;     // status register, read only
                public Le32 Control;    // 12 bits used
                public Le32 Data;       // see 0x40 for the FIFO
            }

            public struct Plain
            {
                public uint A;          // 0x00
                public uint B;          // 0x08 (not a device layout: not checked)
            }
            """);
    }

    [Fact]
    public void Offsets_follow_explicit_field_offsets_too()
    {
        Harness.AssertMarked(U + """
            [Mmio, StructLayout(LayoutKind.Explicit)]
            public struct Regs
            {
                [FieldOffset(0x00)] public Le32 Status;     // 0x00
                [FieldOffset(0x10)] public Le32 Doorbell;   {|DRV0113:// 0x0C|}
            }
            """);
    }

    [Fact]
    public void Declared_size_smaller_than_the_fields()
    {
        var found = Harness.AssertMarked(U + """
            [Dma, StructLayout(LayoutKind.Sequential, {|DRV0114:Size = 8|})]
            public struct Descriptor
            {
                public Le32 Address;
                public Le32 Length;
                public Le16 Flags;
            }
            """);
        Assert.Equal("Struct 'Descriptor' declares Size = 8 but its fields need 10 bytes; the struct (and the C struct) will be 12 bytes", found.Single().Message);
    }

    [Fact]
    public void Declared_size_that_leaves_room_is_fine()
    {
        Harness.AssertMarked(U + """
            [Mmio, StructLayout(LayoutKind.Sequential, Size = 0x100)]
            public struct Window
            {
                public Le32 Id;         // 0x00
                public Le32 Control;    // 0x04
            }
            """);
    }
}
