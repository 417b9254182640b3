// A static struct field: mutated field by field, through a pointer, copied in and out.
namespace Corpus.StaticStructField;

public struct Config
{
    public byte Version;
    public uint Features;
    public short Offset;
    public long Stamp;
}

public static unsafe class Program
{
    static Config current;
    static Config backup;

    static void Touch()
    {
        current.Version++;
        current.Features |= 1u << (int)current.Version;
    }

    public static void Run()
    {
        Probe.I(current.Version);
        Probe.I(current.Features);
        Touch();
        Touch();
        Probe.I(current.Version);
        Probe.I(current.Features);
        fixed (Config* p = &current)
        {
            p->Offset = -2;
            p->Stamp = long.MinValue + 1;
        }
        backup = current;
        current.Offset = 7;
        Probe.I(backup.Offset);
        Probe.I(current.Offset);
        Probe.I(backup.Stamp);
        Config local = backup;
        local.Features = 0;
        Probe.I(backup.Features);
        Probe.I(local.Features);
    }
}
