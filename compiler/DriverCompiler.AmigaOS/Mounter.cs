// Bindings of mounter.library's "main" interface (libraries/mounter.h, interfaces/mounter.h): how a block
// device tells AmigaOS 4 that a unit appeared (the mounter reads its partitions and mounts them) or went away.
// Source: AmigaOS 4.1 SDK 53.x include_h/libraries/mounter.h; the original virtioscsi.device v1.9
// (virtio_mounter.c) used exactly these calls with the tag below.
using DriverCompiler.Dsl;

namespace AmigaOS;

/// <summary>
/// mounter.library calls through the IMounter interface. The device skeleton does not open mounter.library in
/// Init (at resident priority 0 it is not ready yet: calling it from Init crashed MediaToolbox, facts file
/// 1.15); a driver calls <see cref="Obtain"/> when it first needs it, from a task (the library may load from
/// disk), and the skeleton closes it after Expunge. Announce only units that appear after boot: diskboot.kmod
/// mounts the ones Init finds.
/// </summary>
[CHeader("libraries/mounter.h"), CHeader("interfaces/mounter.h")]
public static unsafe class Mounter
{
    /// <summary>Tag of <see cref="AnnounceDeviceTags"/>: the DOS device name prefix to suggest (a string, "VSCSI").</summary>
    [CConstant("MNTA_DosNamePrefixHint")] public const uint MNTA_DosNamePrefixHint = 0x80000000u + 0x1000u + 2u;

    /// <summary>Opens mounter.library 53 and its "main" interface 1 into the global IMounter on the first call (the
    /// skeleton's drv_obtain_IMounter); true when IMounter is there. Call it from one task at a time.</summary>
    [CBinding("drv_obtain_IMounter")] public static extern bool Obtain();

    /// <summary>Tells the mounter that unit <paramref name="unit"/> of device <paramref name="device"/> (its exec name,
    /// "virtioscsi.device") can be mounted; <paramref name="tags"/> a TAG_DONE-ended list (MNTA_*). Non-zero when the
    /// mounter took the unit: it must be denounced before the unit goes away.</summary>
    [CBinding("AnnounceDeviceTags", Interface = "IMounter")] public static extern int AnnounceDeviceTags(string device, uint unit, params uint[] tags);

    /// <summary>Withdraws an announced unit (its DOS devices are removed).</summary>
    [CBinding("DenounceDevice", Interface = "IMounter")] public static extern void DenounceDevice(string device, uint unit);
}
