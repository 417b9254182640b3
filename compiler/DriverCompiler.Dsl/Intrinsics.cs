using System.Threading;

namespace DriverCompiler.Dsl
{
    /// <summary>
    /// Memory barriers. Each lowers to a runtime-header macro (<c>runtime-headers/drv/barrier.h</c>):
    /// PowerPC <c>sync</c> (<c>eieio</c> for <see cref="Io"/>); 68030 a compiler barrier only (in-order CPU,
    /// registers mapped non-cacheable).
    /// </summary>
    public static class Barrier
    {
        /// <summary>Orders every earlier load and store before every later one (PowerPC <c>sync</c>).
        /// Use before ringing a doorbell after filling DMA memory.</summary>
        [CBinding("DRV_BARRIER_FULL")] public static void Full() => Interlocked.MemoryBarrier();
        /// <summary>Orders earlier loads before later loads (PowerPC <c>sync</c>: the 440 has no lighter form for I/O).</summary>
        [CBinding("DRV_BARRIER_READ")] public static void Read() => Interlocked.MemoryBarrier();
        /// <summary>Orders earlier stores before later stores (PowerPC <c>sync</c>, as Linux's <c>wmb</c>).</summary>
        [CBinding("DRV_BARRIER_WRITE")] public static void Write() => Interlocked.MemoryBarrier();
        /// <summary>Orders accesses to cache-inhibited device memory (PowerPC <c>eieio</c>).</summary>
        [CBinding("DRV_BARRIER_IO")] public static void Io() => Interlocked.MemoryBarrier();
    }

    /// <summary>Byte-order helpers; lower to <c>DRV_SWAP16/32/64</c> from <c>drv/endian.h</c>.</summary>
    public static class Endian
    {
        /// <summary>Reverses the two bytes of <paramref name="v"/>.</summary>
        [CBinding("DRV_SWAP16")] public static ushort Swap16(ushort v) => (ushort)((v >> 8) | (v << 8));
        /// <summary>Reverses the four bytes of <paramref name="v"/>.</summary>
        [CBinding("DRV_SWAP32")]
        public static uint Swap32(uint v) =>
            (v >> 24) | ((v >> 8) & 0x0000FF00u) | ((v << 8) & 0x00FF0000u) | (v << 24);
        /// <summary>Reverses the eight bytes of <paramref name="v"/>.</summary>
        [CBinding("DRV_SWAP64")]
        public static ulong Swap64(ulong v) => ((ulong)Swap32((uint)v) << 32) | Swap32((uint)(v >> 32));
    }
}
