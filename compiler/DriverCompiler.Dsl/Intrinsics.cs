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

    /// <summary>
    /// The address of a static field (or of a field of one) without a <c>fixed</c> statement: the targets
    /// have no garbage collector, so such storage never moves. <c>Addr.Of(ref sleepChannel)</c> lowers to
    /// plain <c>&amp;sleepChannel</c> in C, for sleep channels, poll heads and callout arguments.
    /// </summary>
    public static unsafe class Addr
    {
        /// <summary>The address of <paramref name="location"/>; lowers to <c>&amp;location</c>.</summary>
        /// <remarks>In .NET the pointer stays valid only while the storage does not move, which holds for
        /// statics of unmanaged types (and for anything on the stack while its frame lives).</remarks>
        [CBinding("DRV_ADDR_OF")]
        public static T* Of<T>(ref T location) where T : unmanaged
        {
            fixed (T* p = &location) return p;
        }
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
