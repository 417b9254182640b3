using System.Runtime.InteropServices;
using DriverCompiler.Dsl;

namespace AmixPar;

/// <summary>
/// The registers of one MOS 8520 CIA as the Amiga maps it: sixteen byte registers 256 bytes apart (CIA-A on the odd
/// bytes from 0xBFE001, CIA-B on the even bytes from 0xBFD000). Source: Amiga Hardware Reference Manual, 3rd ed.,
/// appendix F (8520 CIAs) and appendix A (register map).
/// </summary>
[Mmio, StructLayout(LayoutKind.Explicit, Size = 0xE01)]
public struct Cia
{
    /// <summary>Peripheral data register A. CIA-B: bit 0 BUSY, bit 1 POUT, bit 2 SEL of the parallel port.</summary>
    [FieldOffset(0x000)] public byte Pra;
    /// <summary>Peripheral data register B. CIA-A: the parallel port's eight data lines; a write strobes /STROBE (PC).</summary>
    [FieldOffset(0x100)] public byte Prb;
    /// <summary>Data direction of port A (1: output).</summary>
    [FieldOffset(0x200)] public byte Ddra;
    /// <summary>Data direction of port B (1: output).</summary>
    [FieldOffset(0x300)] public byte Ddrb;
    /// <summary>Interrupt control register. A write sets (bit 7 set) or clears the mask bits written as 1; a read returns
    /// the pending sources and clears them all, so on Amix only the level-2 dispatch (aciaaintr) reads CIA-A's.</summary>
    [FieldOffset(0xD00)] public byte Icr;
    /// <summary>Control register A.</summary>
    [FieldOffset(0xE00)] public byte Cra;
}

/// <summary>
/// The custom chips' interrupt enable register (INTENA, 0xDFF09A): bit 15 set/clear, bit 3 PORTS (INT2: CIA-A, the
/// expansion bus). Source: Amiga Hardware Reference Manual, appendix A and chapter 7 (interrupts).
/// </summary>
[Mmio, StructLayout(LayoutKind.Explicit, Size = 0x9C)]
public struct Custom
{
    /// <summary>INTENA (write only).</summary>
    [FieldOffset(0x9A)] public ushort Intena;
}

/// <summary>Bits and addresses of the parallel port (Amiga Hardware Reference Manual, appendix E and F).</summary>
public static class Hw
{
    /// <summary>CIA-A's base (its registers are the odd bytes).</summary>
    [BuildOption] public const uint CiaABase = 0xBFE001;
    /// <summary>CIA-B's base (the even bytes).</summary>
    [BuildOption] public const uint CiaBBase = 0xBFD000;
    /// <summary>The custom chips' base.</summary>
    [BuildOption] public const uint CustomBase = 0xDFF000;

    /// <summary>CIA-B PRA: the printer is busy (1).</summary>
    public const byte Busy = 0x01;
    /// <summary>CIA-B PRA: the printer is out of paper (1).</summary>
    public const byte POut = 0x02;
    /// <summary>CIA-B PRA: the printer is selected (1: on line). Active high, unlike BUSY and POUT.</summary>
    public const byte Sel = 0x04;
    /// <summary>The three status lines.</summary>
    public const byte StatusLines = Busy | POut | Sel;

    /// <summary>ICR bit 7 on a write: set the bits written as 1 (0: clear them).</summary>
    public const byte IcrSet = 0x80;
    /// <summary>ICR bit 4: the FLAG input, wired to the parallel port's /ACK.</summary>
    public const byte IcrFlag = 0x10;

    /// <summary>INTENA: set the bits written as 1.</summary>
    public const ushort IntenaSet = 0x8000;
    /// <summary>INTENA bit 3: PORTS (level 2).</summary>
    public const ushort IntPorts = 0x0008;
}
