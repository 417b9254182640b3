// virtio-scsi request and response headers (VirtIO 1.2 section 5.6.6.1), with the default CDB
// size (32) and sense size (96). Little-endian fields on a modern device, guest-native on legacy.
using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace Scsi;

/// <summary>struct virtio_scsi_req_cmd's device-readable part: 51 bytes (<see cref="VirtioScsi.ReqCmdBytes"/>);
/// every field is naturally aligned, C pads the struct to 56.</summary>
[Dma, StructLayout(LayoutKind.Sequential)]
public unsafe struct VirtioScsiReqCmd
{
    public fixed byte Lun[8];
    public ulong Id;
    public byte TaskAttr;
    public byte Prio;
    public byte Crn;
    public fixed byte Cdb[32];
}

/// <summary>struct virtio_scsi_resp_cmd's device-writable part: 108 bytes.</summary>
[Dma, StructLayout(LayoutKind.Sequential)]
public unsafe struct VirtioScsiRespCmd
{
    public uint SenseLen;
    public uint Residual;
    public ushort StatusQualifier;
    public byte Status;
    public byte Response;
    public fixed byte Sense[96];
}

/// <summary>struct virtio_scsi_event (5.6.6.3): what the device writes into an event queue buffer, 16 bytes.</summary>
[Dma, StructLayout(LayoutKind.Sequential)]
public unsafe struct VirtioScsiEvent
{
    public uint Event;
    public fixed byte Lun[8];
    public uint Reason;
}

/// <summary>virtio-scsi constants (spec 5.6).</summary>
public static class VirtioScsi
{
    public const uint PciDeviceTransitional = 0x1004;
    public const uint PciDeviceModern = 0x1048;
    public const ushort ControlQueue = 0;
    public const ushort EventQueue = 1;
    public const ushort RequestQueue = 2;
    public const int CdbSize = 32;
    /// <summary>Bytes of the request header the device reads (lun, id, task_attr, prio, crn, cdb[32]).</summary>
    public const uint ReqCmdBytes = 51;
    /// <summary>Bytes of the response the device writes (sense_len .. sense[96]).</summary>
    public const uint RespCmdBytes = 108;
    public const int SenseSize = 96;
    /// <summary>Response codes (5.6.6.1): VIRTIO_SCSI_S_OK .. S_FAILURE.</summary>
    public const byte S_Ok = 0, S_Overrun = 1, S_Aborted = 2, S_BadTarget = 3, S_Reset = 4, S_Busy = 5,
        S_TransportFailure = 6, S_TargetFailure = 7, S_NexusFailure = 8, S_Failure = 9;
    public const byte TaskAttrSimple = 0;

    /// <summary>Feature bits (5.6.3): VIRTIO_SCSI_F_HOTPLUG (transport-reset events for LUNs added and removed),
    /// VIRTIO_SCSI_F_CHANGE (parameter-change events).</summary>
    public const int F_Hotplug = 1, F_Change = 2;
    /// <summary>Offsets in struct virtio_scsi_config (5.6.4): max_target (le16), max_lun (le32).</summary>
    public const uint ConfigMaxTarget = 30, ConfigMaxLun = 32;
    /// <summary>Event types (5.6.6.3): VIRTIO_SCSI_T_NO_EVENT, _TRANSPORT_RESET, _ASYNC_NOTIFY, _PARAM_CHANGE; the
    /// VIRTIO_SCSI_T_EVENTS_MISSED flag: the device dropped events for want of buffers.</summary>
    public const uint T_NoEvent = 0, T_TransportReset = 1, T_AsyncNotify = 2, T_ParamChange = 3, T_EventsMissed = 0x80000000;
    /// <summary>TRANSPORT_RESET reasons: VIRTIO_SCSI_EVT_RESET_HARD, _RESCAN (a LUN appeared), _REMOVED (a LUN went away).</summary>
    public const uint EvtResetHard = 0, EvtResetRescan = 1, EvtResetRemoved = 2;
    /// <summary>The largest LUN the request header can address (flat space, 14 bits).</summary>
    public const int MaxLun = 0x3FFF;

    /// <summary>The target an event's LUN field names (byte 1), or -1 when byte 0 is not 1 (no single target).</summary>
    public static unsafe int EventTarget(VirtioScsiEvent* e) => e->Lun[0] == 1 ? e->Lun[1] : -1;

    /// <summary>The LUN an event's LUN field names: bytes 2..3 as a flat or peripheral single-level LUN (14 bits).</summary>
    public static unsafe int EventLun(VirtioScsiEvent* e) => ((e->Lun[2] & 0x3F) << 8) | e->Lun[3];

    /// <summary>Fills the 8-byte LUN field: 1, target, then a flat single-level LUN (0x40 | lun high, lun low).</summary>
    public static unsafe void SetLun(VirtioScsiReqCmd* req, byte target, ushort lun)
    {
        req->Lun[0] = 1;
        req->Lun[1] = target;
        req->Lun[2] = (byte)(0x40 | ((lun >> 8) & 0x3F));
        req->Lun[3] = (byte)lun;
        req->Lun[4] = 0;
        req->Lun[5] = 0;
        req->Lun[6] = 0;
        req->Lun[7] = 0;
    }
}
