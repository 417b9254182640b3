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
