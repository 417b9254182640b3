// SCSI sense decoding: fixed-format sense bytes, a sense-key table mapping to error codes, ASC/ASCQ switch.
namespace Corpus.DriverSenseKeys;

public enum SenseKey : byte
{
    NoSense = 0, RecoveredError = 1, NotReady = 2, MediumError = 3, HardwareError = 4,
    IllegalRequest = 5, UnitAttention = 6, DataProtect = 7, AbortedCommand = 0xB,
}

public static unsafe class Program
{
    // Error code per sense key 0..15 (what the driver reports in io_Error).
    static readonly sbyte[] KeyToError = { 0, 0, -3, -4, -4, -5, -7, -6, -1, -1, -1, -8, -1, -9, -1, -1 };

    static int Decode(byte* sense, out int retry)
    {
        retry = 0;
        if ((sense[0] & 0x7F) != 0x70 && (sense[0] & 0x7F) != 0x71) return -100;
        SenseKey key = (SenseKey)(sense[2] & 0x0F);
        byte asc = sense[12], ascq = sense[13];
        switch (key)
        {
            case SenseKey.UnitAttention:
                retry = 1;
                break;
            case SenseKey.NotReady:
                switch (asc)
                {
                    case 0x04:
                        retry = ascq == 0x01 ? 5 : 0;
                        break;
                    case 0x3A:
                        retry = -1;
                        break;
                }
                break;
            case SenseKey.AbortedCommand:
                retry = 3;
                break;
        }
        return KeyToError[(int)key];
    }

    public static void Run()
    {
        byte* sense = stackalloc byte[18];
        byte* keys = stackalloc byte[] { 0, 2, 2, 2, 3, 5, 6, 0xB, 0xE };
        byte* ascs = stackalloc byte[] { 0, 4, 4, 0x3A, 0x11, 0x24, 0x29, 0x47, 0 };
        byte* ascqs = stackalloc byte[] { 0, 1, 2, 0, 0, 0, 0, 0, 0 };
        for (int i = 0; i < 9; i++)
        {
            for (int k = 0; k < 18; k++) sense[k] = 0;
            sense[0] = (byte)(i % 2 == 0 ? 0xF0 : 0x71);
            sense[2] = (byte)(keys[i] | 0x20);
            sense[7] = 10;
            sense[12] = ascs[i];
            sense[13] = ascqs[i];
            int err = Decode(sense, out int retry);
            Probe.I(err);
            Probe.I(retry);
        }
        sense[0] = 0x72;
        Probe.I(Decode(sense, out int r2));
        Probe.I(r2);
    }
}
