// Constants exported under a chosen C name (issue 10): [CExport("PARIOCGSTATUS")] on a const is
// #define PARIOCGSTATUS (('p' << 8) | 1) in the driver's header, where a user program including it finds
// the ioctl number, and the driver's own C uses that name. An exported name that a generated name
// would also take (T_PROGRAM_GET_MODE, declared after the const it collides with) keeps it; the
// generated one moves aside. Values must agree.
using DriverCompiler.Dsl;

namespace Corpus.ExportedConstants;

public static class Par
{
    [CExport("PARIOCGSTATUS")] public const int GetStatus = ('p' << 8) | 1;
    [CExport("PARIOCSMODE")] public const int SetMode = ('p' << 8) | 2;
    [CExport("PAR_STATUS_BUSY")] public const byte Busy = 0x80;
    [CExport("PAR_BASE")] public const uint Base = 0xBFD000u;
    public const uint Next = Base + 0x100;
}

public static unsafe class Program
{
    const int GetMode = Par.SetMode + 1;
    [CExport("T_PROGRAM_GET_MODE")] const int Other = 77;
    [CExport("PAR_MASK")] const uint Mask = ~(Par.Base - 1);

    static int Ioctl(int cmd, byte status)
    {
        switch (cmd)
        {
            case Par.GetStatus: return status & Par.Busy;
            case Par.SetMode: return 2;
            case GetMode: return 3;
            default: return -1;
        }
    }

    public static void Run()
    {
        Probe.I(Par.GetStatus);
        Probe.I(Par.SetMode);
        Probe.I(Ioctl(Par.GetStatus, 0xC1));
        Probe.I(Ioctl(Par.SetMode, 0));
        Probe.I(Ioctl(GetMode, 0));
        Probe.I(Ioctl(Other, 0));
        Probe.I(GetMode);
        Probe.I(Other);
        Probe.U(Par.Next);
        Probe.U(Mask);
        Probe.U(Par.Base | Par.Busy);
    }
}
