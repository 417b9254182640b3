// Rotates written with shifts: a rotate by 0 relies on C#'s masking (x >> 32 == x).
namespace Corpus.ShiftRotate;

public static unsafe class Program
{
    static uint Rol32(uint x, int n) => (x << n) | (x >> (32 - n));
    static uint Ror32(uint x, int n) => (x >> n) | (x << (32 - n));
    static ulong Rol64(ulong x, int n) => (x << n) | (x >> (64 - n));

    public static void Run()
    {
        for (int n = 0; n <= 33; n++)
        {
            Probe.I(Rol32(0x80000001u, n));
            Probe.I(Ror32(0x12345678u, n));
        }
        for (int n = 0; n <= 65; n += 5)
            Probe.U(Rol64(0x8000000000000001ul, n));
    }
}
