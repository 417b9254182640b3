namespace DriverCompiler.VirtioScsi.Qemu.Tests;

/// <summary>
/// The harness alone (no driver) on each machine: boots, sets up PCI and interrupts, checks them,
/// its exec emulation (tasks, signals, ports, mutexes, DMA lists) and the interrupt path (a
/// virtio-scsi INQUIRY completed through the board's interrupt controller), then powers off.
/// </summary>
[Trait("Category", "Qemu")]
public sealed class HarnessTests
{
    internal static readonly string[] SelfChecks =
    [
        "harness.objects_agree_on_layouts", "harness.timebase.advances", "harness.pci.virtio_scsi_found", "harness.pci.command_enabled",
        "harness.pci.bars_assigned", "harness.pci.interrupt_line",
        "exec.findtask_self", "exec.allocvectags_alignment_and_clear", "exec.dma_list_splits_at_run_boundary",
        "exec.createtask", "exec.signal_from_task", "exec.message_round_trip", "exec.mutex_handover", "exec.no_api_misuse",
        "harness.irq.direct_client_opens", "harness.irq.used_buffer_interrupt_delivered", "harness.irq.inquiry_completed", "harness.irq.line_deasserts_after_isr_read",
    ];

    private static void SelfTest(string machine)
    {
        var dir = Directory.CreateTempSubdirectory("drvc-qemu-disk-").FullName;
        try
        {
            var image = Path.Combine(dir, "t0.img");
            using (var f = File.Create(image)) f.SetLength(16 << 20);
            var log = Qemu.Run(machine, Harness.Image(machine), [new Disk(image, 0, "VSCSI-T0")]);
            Assert.Contains($"harness: board {machine}", log.Text);
            log.AssertAllPassed(SelfChecks);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact] public void Pegasos2_HarnessSelfTests() => SelfTest("pegasos2");
    [Fact] public void AmigaOne_HarnessSelfTests() => SelfTest("amigaone");
    [Fact] public void Sam460ex_HarnessSelfTests() => SelfTest("sam460ex");
}
