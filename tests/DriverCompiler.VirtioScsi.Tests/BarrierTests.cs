using DriverCompiler.Core;
using DriverCompiler.Core.CModel;
using DriverCompiler.Testing.CModelChecks;
using Xunit;

namespace DriverCompiler.VirtioScsi.Tests;

/// <summary>
/// Memory ordering of drivers/VirtioScsi, checked on the lowered C model (QEMU's TCG keeps memory
/// coherent and in order, so no run can show a missing barrier). The rules are the VirtIO 1.2 spec's:
/// <list type="bullet">
/// <item>2.7.13.2 / 2.7.13.3.1 (Updating the Index Field): "The driver MUST perform a suitable memory
/// barrier before the idx update, to ensure the device sees the most up-to-date copy" — every store
/// of the available ring's <c>idx</c> is preceded, on every path through its function and after the
/// last store to a ring entry or descriptor, by a write (or full) barrier.</item>
/// <item>2.7.13.4 (Notifying the Device) and 4.1.4.4 / 4.1.4.10 (the notify register): the
/// notification must not overtake the <c>idx</c> store it announces; the notify is an uncached write to
/// device memory or I/O space while the ring is cacheable memory, so only a full barrier (PowerPC
/// <c>sync</c>, not <c>lwsync</c>/<c>eieio</c>) orders them — every notify register write is preceded
/// by a full barrier in its function.</item>
/// <item>2.7.10 (Used Buffer Notification Suppression) with VIRTIO_F_EVENT_IDX: after the driver
/// writes <c>used_event</c> it must read the used ring's <c>idx</c> again before sleeping, and that
/// read must not be satisfied before the store is visible (a store→load order: a full barrier), or a
/// completion that passed the old threshold is missed — every check of the used index after a
/// <c>used_event</c> store is preceded by a full barrier.</item>
/// </list>
/// Each rule also counts its publishes, so a rule whose predicate stopped matching the driver fails
/// instead of passing on nothing.
/// </summary>
public sealed class BarrierTests
{
    private static readonly Lazy<IReadOnlyList<CFile>> Model = new(() =>
    {
        var result = DriverCompilation.Load(Tools.RepoPath("drivers", "VirtioScsi")).Build(new BuildOptions());
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => d.ToMsBuildString())));
        return result.Model;
    });

    private static bool IsCall(CEvent e, params string[] names) => e.Kind == CEventKind.Call && e.Callee is { } c && names.Contains(c);

    private static bool PointsTo(CExpr e, string structSuffix, string member) => e switch
    {
        CLocalRef { Local.Type: CPointerType { Target: CNamedType t } } => t.Name.EndsWith(structSuffix, StringComparison.Ordinal),
        CMember m => m.Member == member,
        _ => false,
    };

    /// <summary>A store to a descriptor or a ring entry: t[i] = ..., t[i].f = ..., d->f through a descriptor pointer.</summary>
    private static bool RingOrDescriptorStore(CEvent e) => e.Kind == CEventKind.Store && e.Target switch
    {
        CIndex => true,
        CMember { Operand: CIndex } => true,
        CMember { Operand: var o, Arrow: true } => PointsTo(o, "virtq_desc", "desc"),
        _ => false,
    };

    private static void AssertRule(PublishRule rule, int atLeast)
    {
        var (violations, publishes) = rule.Check(Model.Value);
        Assert.True(publishes >= atLeast, $"{rule.Name}: {publishes} publishes found, expected at least {atLeast}: the rule no longer matches the driver");
        Assert.True(violations.Count == 0, $"{rule.Name}: no barrier before\n" + string.Join("\n", violations.Select(v => $"  {v.Function}: {v.Publish}")));
    }

    [Fact]
    public void Every_avail_idx_store_follows_a_write_barrier()
    {
        AssertRule(new PublishRule(
            "avail->idx store after a write barrier",
            IsPublish: e => e.Kind == CEventKind.Store && e.Target is CMember { Member: "idx", Operand: var o } && PointsTo(o, "virtq_avail", "avail"),
            IsBarrier: e => IsCall(e, "DRV_BARRIER_WRITE", "DRV_BARRIER_FULL"),
            Invalidates: RingOrDescriptorStore,
            Exempt: new Dictionary<string, string>
            {
                // Init lays the rings out (idx = 0) before the transport gives the queue's address to the
                // device; the device cannot read them yet.
                ["vscsi_virtqueue_init"] = "rings not yet given to the device",
            }), atLeast: 1);
    }

    [Fact]
    public void Every_notify_follows_a_full_barrier()
    {
        static bool NotifyRegister(CExpr e) => e switch
        {
            CMember { Member: "queue_index" } => true,
            CName { Name: var n } => n.EndsWith("_QUEUE_NOTIFY", StringComparison.Ordinal),
            CUnary u => NotifyRegister(u.Operand),
            CCast c => NotifyRegister(c.Operand),
            CBinary b => NotifyRegister(b.Left) || NotifyRegister(b.Right),
            CMember m => NotifyRegister(m.Operand),
            _ => false,
        };
        AssertRule(new PublishRule(
            "notify after a full barrier",
            IsPublish: e => e.Kind == CEventKind.Call && e.Expression is CCall c && c.Arguments.Any(NotifyRegister),
            IsBarrier: e => IsCall(e, "DRV_BARRIER_FULL")), atLeast: 2);
    }

    [Fact]
    public void Used_index_is_read_again_only_after_a_full_barrier_behind_used_event()
    {
        // used_event is reached through a local that holds self->used_event, or directly
        var aliases = Model.Value.SelectMany(f => f.Items).OfType<CFunction>().Where(f => f.Body is not null)
            .SelectMany(f => PublishRule.Statements(f.Body!)).OfType<CDecl>()
            .Where(d => d.Init is CMember { Member: "used_event" }).Select(d => d.Local).ToHashSet();
        bool UsedEventStore(CEvent e) => e.Kind == CEventKind.Store && e.Target is CUnary { Op: "*" } u
            && (u.Operand is CMember { Member: "used_event" } || u.Operand is CLocalRef r && aliases.Contains(r.Local));
        var rule = new PublishRule(
            "used idx re-read after used_event store and a full barrier",
            IsPublish: e => e.Kind == CEventKind.Call && e.Callee is { } c && c.EndsWith("_virtqueue_has_used", StringComparison.Ordinal),
            IsBarrier: e => IsCall(e, "DRV_BARRIER_FULL"),
            Invalidates: UsedEventStore,
            SatisfiedAtEntry: true);
        AssertRule(rule, atLeast: 1);
        Assert.Contains(PublishRule.Statements(Model.Value.SelectMany(f => f.Items).OfType<CFunction>().Single(f => f.Name == "vscsi_virtqueue_arm_interrupt" && f.Body is not null).Body!)
            .OfType<CExprStmt>(), s => s.Expression is CAssign a && UsedEventStore(new CEvent(CEventKind.Store, a, a.Target, "")));
    }
}
