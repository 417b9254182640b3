// Sense data (SPC-4 4.5): fixed (0x70/0x71) and descriptor (0x72/0x73) formats.
namespace Scsi;

/// <summary>Sense keys (SPC-4 table 51).</summary>
public static class SenseKey
{
    public const byte NoSense = 0x0;
    public const byte RecoveredError = 0x1;
    public const byte NotReady = 0x2;
    public const byte MediumError = 0x3;
    public const byte HardwareError = 0x4;
    public const byte IllegalRequest = 0x5;
    public const byte UnitAttention = 0x6;
    public const byte DataProtect = 0x7;
    public const byte BlankCheck = 0x8;
    public const byte AbortedCommand = 0xB;
}

/// <summary>Additional sense codes (SPC-4 annex D) the driver acts on.</summary>
public static class Asc
{
    /// <summary>NOT READY TO READY CHANGE, MEDIUM MAY HAVE CHANGED (a medium was inserted).</summary>
    public const byte MediumMayHaveChanged = 0x28;
    /// <summary>PARAMETERS CHANGED; with ASCQ 09h CAPACITY DATA HAS CHANGED.</summary>
    public const byte ParametersChanged = 0x2A;
    /// <summary>MEDIUM NOT PRESENT (the tray is open or empty).</summary>
    public const byte MediumNotPresent = 0x3A;
    /// <summary>REPORTED LUNS DATA HAS CHANGED is 3Fh/0Eh: the target's LUN inventory changed.</summary>
    public const byte TargetOperatingConditionsChanged = 0x3F;
}

/// <summary>Decoded sense: key, additional sense code and qualifier.</summary>
public struct SenseInfo
{
    public byte Key;
    public byte Asc;
    public byte Ascq;
    public bool Valid;
}

public static unsafe class Sense
{
    /// <summary>
    /// Decodes <paramref name="length"/> bytes of sense data. Fixed format: key in byte 2, ASC/ASCQ in
    /// 12/13; descriptor format: key, ASC, ASCQ in bytes 1-3. Unknown response codes or too little
    /// data give Valid = false and key NO SENSE.
    /// </summary>
    public static SenseInfo Decode(byte* sense, uint length)
    {
        SenseInfo info = default;
        if (sense == null || length < 2)
            return info;
        byte code = (byte)(sense[0] & 0x7F);
        if ((code == 0x70 || code == 0x71) && length >= 3)
        {
            info.Key = (byte)(sense[2] & 0x0F);
            if (length >= 14)
            {
                info.Asc = sense[12];
                info.Ascq = sense[13];
            }
            info.Valid = true;
        }
        else if ((code == 0x72 || code == 0x73) && length >= 4)
        {
            info.Key = (byte)(sense[1] & 0x0F);
            info.Asc = sense[2];
            info.Ascq = sense[3];
            info.Valid = true;
        }
        return info;
    }
}
