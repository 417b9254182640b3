// Endian-typed integers. Generated once by hand from a table; edit freely.
using System;
using System.Runtime.InteropServices;

namespace DriverCompiler.Dsl
{
    /// <summary>
    /// A 16-bit unsigned integer stored in little-endian byte order (Linux's <c>__le16</c>).
    /// Converts implicitly to and from <c>ushort</c>; the conversion is where the byte order is applied.
    /// In an <see cref="MmioAttribute"/> struct a read or write is one volatile, ordered access.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Le16 : IEquatable<Le16>
    {
        private ushort raw;

        /// <summary>The value in CPU byte order.</summary>
        public static implicit operator ushort(Le16 v) => !BitConverter.IsLittleEndian ? Endian.Swap16(v.raw) : v.raw;
        /// <summary>Stores <paramref name="v"/> in little-endian byte order.</summary>
        public static implicit operator Le16(ushort v) => new Le16 { raw = !BitConverter.IsLittleEndian ? Endian.Swap16(v) : v };
        /// <inheritdoc/>
        public bool Equals(Le16 other) => raw == other.raw;
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Le16 o && Equals(o);
        /// <inheritdoc/>
        public override int GetHashCode() => raw.GetHashCode();
        /// <inheritdoc/>
        public override string ToString() => ((ushort)this).ToString();
    }

    /// <summary>
    /// A 32-bit unsigned integer stored in little-endian byte order (Linux's <c>__le32</c>).
    /// Converts implicitly to and from <c>uint</c>; the conversion is where the byte order is applied.
    /// In an <see cref="MmioAttribute"/> struct a read or write is one volatile, ordered access.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Le32 : IEquatable<Le32>
    {
        private uint raw;

        /// <summary>The value in CPU byte order.</summary>
        public static implicit operator uint(Le32 v) => !BitConverter.IsLittleEndian ? Endian.Swap32(v.raw) : v.raw;
        /// <summary>Stores <paramref name="v"/> in little-endian byte order.</summary>
        public static implicit operator Le32(uint v) => new Le32 { raw = !BitConverter.IsLittleEndian ? Endian.Swap32(v) : v };
        /// <inheritdoc/>
        public bool Equals(Le32 other) => raw == other.raw;
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Le32 o && Equals(o);
        /// <inheritdoc/>
        public override int GetHashCode() => raw.GetHashCode();
        /// <inheritdoc/>
        public override string ToString() => ((uint)this).ToString();
    }

    /// <summary>
    /// A 64-bit unsigned integer stored in little-endian byte order (Linux's <c>__le64</c>).
    /// Converts implicitly to and from <c>ulong</c>; the conversion is where the byte order is applied.
    /// In an <see cref="MmioAttribute"/> struct a read or write is one volatile, ordered access.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Le64 : IEquatable<Le64>
    {
        private ulong raw;

        /// <summary>The value in CPU byte order.</summary>
        public static implicit operator ulong(Le64 v) => !BitConverter.IsLittleEndian ? Endian.Swap64(v.raw) : v.raw;
        /// <summary>Stores <paramref name="v"/> in little-endian byte order.</summary>
        public static implicit operator Le64(ulong v) => new Le64 { raw = !BitConverter.IsLittleEndian ? Endian.Swap64(v) : v };
        /// <inheritdoc/>
        public bool Equals(Le64 other) => raw == other.raw;
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Le64 o && Equals(o);
        /// <inheritdoc/>
        public override int GetHashCode() => raw.GetHashCode();
        /// <inheritdoc/>
        public override string ToString() => ((ulong)this).ToString();
    }

    /// <summary>
    /// A 16-bit unsigned integer stored in big-endian byte order (Linux's <c>__be16</c>).
    /// Converts implicitly to and from <c>ushort</c>; the conversion is where the byte order is applied.
    /// In an <see cref="MmioAttribute"/> struct a read or write is one volatile, ordered access.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Be16 : IEquatable<Be16>
    {
        private ushort raw;

        /// <summary>The value in CPU byte order.</summary>
        public static implicit operator ushort(Be16 v) => BitConverter.IsLittleEndian ? Endian.Swap16(v.raw) : v.raw;
        /// <summary>Stores <paramref name="v"/> in big-endian byte order.</summary>
        public static implicit operator Be16(ushort v) => new Be16 { raw = BitConverter.IsLittleEndian ? Endian.Swap16(v) : v };
        /// <inheritdoc/>
        public bool Equals(Be16 other) => raw == other.raw;
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Be16 o && Equals(o);
        /// <inheritdoc/>
        public override int GetHashCode() => raw.GetHashCode();
        /// <inheritdoc/>
        public override string ToString() => ((ushort)this).ToString();
    }

    /// <summary>
    /// A 32-bit unsigned integer stored in big-endian byte order (Linux's <c>__be32</c>).
    /// Converts implicitly to and from <c>uint</c>; the conversion is where the byte order is applied.
    /// In an <see cref="MmioAttribute"/> struct a read or write is one volatile, ordered access.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Be32 : IEquatable<Be32>
    {
        private uint raw;

        /// <summary>The value in CPU byte order.</summary>
        public static implicit operator uint(Be32 v) => BitConverter.IsLittleEndian ? Endian.Swap32(v.raw) : v.raw;
        /// <summary>Stores <paramref name="v"/> in big-endian byte order.</summary>
        public static implicit operator Be32(uint v) => new Be32 { raw = BitConverter.IsLittleEndian ? Endian.Swap32(v) : v };
        /// <inheritdoc/>
        public bool Equals(Be32 other) => raw == other.raw;
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Be32 o && Equals(o);
        /// <inheritdoc/>
        public override int GetHashCode() => raw.GetHashCode();
        /// <inheritdoc/>
        public override string ToString() => ((uint)this).ToString();
    }

    /// <summary>
    /// A 64-bit unsigned integer stored in big-endian byte order (Linux's <c>__be64</c>).
    /// Converts implicitly to and from <c>ulong</c>; the conversion is where the byte order is applied.
    /// In an <see cref="MmioAttribute"/> struct a read or write is one volatile, ordered access.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Be64 : IEquatable<Be64>
    {
        private ulong raw;

        /// <summary>The value in CPU byte order.</summary>
        public static implicit operator ulong(Be64 v) => BitConverter.IsLittleEndian ? Endian.Swap64(v.raw) : v.raw;
        /// <summary>Stores <paramref name="v"/> in big-endian byte order.</summary>
        public static implicit operator Be64(ulong v) => new Be64 { raw = BitConverter.IsLittleEndian ? Endian.Swap64(v) : v };
        /// <inheritdoc/>
        public bool Equals(Be64 other) => raw == other.raw;
        /// <inheritdoc/>
        public override bool Equals(object? obj) => obj is Be64 o && Equals(o);
        /// <inheritdoc/>
        public override int GetHashCode() => raw.GetHashCode();
        /// <inheritdoc/>
        public override string ToString() => ((ulong)this).ToString();
    }

}
