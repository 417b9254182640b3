// What the emitted device skeleton (templates/amigaos4/device) provides to the driver: the
// interrupt-server glue in exec's calling convention, around the driver's [InterruptHandler].
using DriverCompiler.Dsl;

namespace AmigaOS;

/// <summary>The device skeleton's services (device_skeleton.h).</summary>
[CHeader("device_skeleton.h", Local = true)]
public static unsafe class Skeleton
{
    /// <summary>Registers the driver's [InterruptHandler] on <paramref name="irq"/> with AddIntServer
    /// (a struct Interrupt owned by the skeleton, is_Data = <paramref name="data"/>); false when exec refuses
    /// or the skeleton's 8 servers are in use. A driver of several PCI functions adds one per distinct line.</summary>
    [CBinding("drv_add_int_server")] public static extern bool AddIntServer(uint irq, void* data);
    /// <summary>Removes the server <see cref="AddIntServer"/> registered on <paramref name="irq"/>.</summary>
    [CBinding("drv_rem_int_server")] public static extern void RemIntServer(uint irq);
}
