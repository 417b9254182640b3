using Microsoft.CodeAnalysis;

namespace DriverCompiler.Diagnostics.Tests;

/// <summary>Everything the subset allows must pass the analyzer untouched: the lowering supports it.</summary>
public class ValidProgramTests
{
    /// <summary>A driver-shaped program using every allowed construct at least once.</summary>
    public const string Everything = """
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using DriverCompiler.Dsl;

        [assembly: Driver("everything", DriverTarget.AmigaOS4, Prefix = "evr", Version = 2, Revision = 1)]

        namespace Sample;

        public enum Status : byte { Idle, Busy = 4, Failed = 0xFF }
        public enum Flags : uint { None = 0, Ready = 1u << 0, Error = 1u << 31 }

        [Mmio]
        [StructLayout(LayoutKind.Sequential)]
        public struct Regs
        {
            public Le32 DeviceFeature;
            public Le16 QueueSize;
            public byte DeviceStatus;
            public byte ConfigGeneration;
            public Be32 BigEndian;
            public Le64 Address;
            public Be16 Short;
            public Be64 Long;
        }

        [Dma]
        [StructLayout(LayoutKind.Explicit, Size = 16)]
        public struct Descriptor
        {
            [FieldOffset(0)] public Le64 Addr;
            [FieldOffset(8)] public Le32 Len;
            [FieldOffset(12)] public Le16 Flags;
            [FieldOffset(14)] public Le16 Next;
        }

        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        public unsafe struct Packet
        {
            public Descriptor Inner;
            public byte Kind;
            public fixed byte Data[16];
            public Packet* Next;
            public delegate*<int, int> Hook;
            public int Spare; // 48 bytes, as C pads it: Pack = 4 cuts nothing, so &p->Inner stays aligned (DRV0027)

            public int Sum()
            {
                int s = 0;
                for (int i = 0; i < 16; i++) s += Data[i];
                return s + Kind + this.Kind;
            }

            public void Clear() { Kind = 0; Inner = default; }
        }

        [InlineArray(8)]
        public struct Eight { private uint element0; }

        [CType("struct IOStdReq")]
        [CHeader("exec/io.h")]
        public struct IOStdReq { public ushort io_Command; public byte io_Error; }

        [CHeader("proto/exec.h")]
        public static unsafe class Exec
        {
            [CBinding("AllocVecTags", Interface = "IExec")]
            public static extern void* AllocVecTags(uint size, params uint[] tags);
            [CBinding("FreeVec", Interface = "IExec")]
            public static extern void FreeVec(void* p);
            [CBinding("DebugPrintF", Interface = "IExec")]
            public static extern void DebugPrintF(string format, params uint[] args);
            [CBinding("Simulated")]
            public static int Simulated(int x) { var list = new System.Collections.Generic.List<int> { x }; return list.Count; }
        }

        public static unsafe class Driver
        {
            public const int Units = 4;
            public const uint Magic = 0xDEADBEEF;
            public const string Version = "everything 2.1";
            private const long Big = long.MaxValue;
            static readonly byte[] Table = { 1, 2, 3, (byte)Units, 0xFF };
            static readonly ushort[] Shorts = new ushort[] { 1, 2 };
            static readonly string[] Names = { "a", "b" };
            static int counter = 5;
            static Status state = Status.Idle;
            static Regs* regs;
            static Packet* queue = null;
            static uint flags = (uint)Flags.Ready;
            static Packet global;
            static string banner = "everything";

            public static int Arithmetic(int a, uint b, short c, ushort d, sbyte e, byte f, long g, ulong h)
            {
                int r = a + c * d - e / (f | 1) % 7;
                r <<= 3; r >>= a; r ^= ~r; r |= 1; r &= 0x7F;
                uint u = b >> 33;
                u = unchecked(u * 0x9E3779B9u);
                long l = g * (long)h;
                l = unchecked(l + 1);
                ulong x = h++ + (ulong)--g;
                bool t = a < b && c >= d || !(e != f) ^ (g <= (long)h);
                r = t ? r : -r;
                unchecked { r = (int)(u + (uint)l + (uint)x); }
                return r + (int)(a > 0 ? 1u : 2u) + +a;
            }

            public static void Pointers(byte* buf, Packet* p, int n)
            {
                byte* end = buf + n;
                for (byte* q = buf; q < end; q++) *q = 0;
                buf[0] = p->Data[1];
                p->Data[2] = (byte)sizeof(Packet);
                int* ip = (int*)buf;
                *ip = 1;
                void* v = ip;
                uint addr = (uint)p;
                p = (Packet*)addr;
                long diff = end - buf;
                bool same = p == null || (void*)buf != v;
                p->Kind = same ? (byte)diff : (byte)0;
                Descriptor* d = &p->Inner;
                d->Len = 5u;
                uint len = d->Len;
                d->Addr = (ulong)len;
                (*p).Kind = 1;
                p[0].Kind = 2;
                byte* second = &buf[1];
                *(buf + 2) = *second;
                Packet** pp = &p;
                (*pp)->Kind = 3;
                byte* init = stackalloc byte[] { 1, 2, 3 };
                int size = sizeof(Descriptor) + sizeof(long) + default(int);
                byte* stack = stackalloc byte[16];
                int* more = stackalloc int[Units * 2];
                stack[0] = (byte)more[0];
                Packet copy = *p;
                copy.Data[0] = 1;
                int sum = copy.Sum();
                copy.Clear();
                p->Hook = &Twice;
                sum += p->Hook(sum);
                delegate*<int, int> f = &Twice;
                sum = f(sum);
                fixed (int* c = &counter) { *c = sum; }
                fixed (byte* data = global.Data) { data[0] = 1; }
                queue->Next = null;
            }

            static int Twice(int x) => x * 2;

            public static void Params(ref int a, out int b, in int c)
            {
                b = a + c;
                a++;
                Swap(ref a, ref b);
                Read(out int fresh);
                Read(out var fresh2);
                a += fresh + fresh2;
            }

            static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }
            static void Read(out int v) { v = 1; }

            public static int Loops(int n)
            {
                int total = 0;
                while (n > 0) { n--; if (n == 3) continue; if (n == 1) break; total++; }
                do { total += 2; } while (total < 10);
                foreach (byte b in Table) total += b;
                foreach (var s in Shorts) total += s;
                for (int i = 0; i < Table.Length; i++) total += Table[i];
                Eight e = default;
                e[0] = 1;
                foreach (uint x in e) total += (int)x;
                if (total > 100) goto done;
                total = -total;
            done:
                return total;
            }

            public static int Switches(Status s, int x)
            {
                switch (s)
                {
                    case Status.Idle: return 0;
                    case Status.Busy:
                    case Status.Failed:
                        x++;
                        break;
                    default:
                        goto case Status.Idle;
                }
                switch (x) { case 1: case 2: return 3; case Units: return 4; default: break; }
                return x;
            }

            public static void Structs()
            {
                Packet p = new Packet();
                Packet q = new Packet { Kind = 3 };
                Descriptor d = new() { Len = 4u, Flags = (ushort)1 };
                Packet r = default;
                p.Inner = d;
                q.Inner.Len = r.Inner.Len;
                Regs local = default(Regs);
                local.DeviceStatus = (byte)state;
                state = (Status)local.DeviceStatus;
                regs = &local;
                regs->DeviceStatus = 1;
                regs->QueueSize = (ushort)256;
                uint feature = regs->DeviceFeature;
                string name = nameof(Structs);
                counter = (int)feature;
            }

            public static int Strings()
            {
                string s = "hello";
                string t = s;
                string u = Version;
                banner = u;
                Exec.DebugPrintF("counter=%lu name=%s\n", (uint)counter, 0u);
                Exec.DebugPrintF(t);
                return u == null ? 0 : 1;
            }

            [InterruptHandler]
            public static int Interrupt(void* data)
            {
                Barrier.Full();
                Barrier.Io();
                uint swapped = Endian.Swap32(flags);
                ushort s2 = Endian.Swap16((ushort)swapped);
                void* mem = Exec.AllocVecTags(64, 0x1000u, 0u);
                Exec.FreeVec(mem);
                return data != null ? s2 + unchecked((int)Big) : 0;
            }
        }

        // issue 10/15: volatile, Volatile.Read/Write, Addr.Of, char literals in constants, parentheses
        public static unsafe class Sync
        {
            public const int GetStatus = ('p' << 8) | 1;
            static volatile byte done;
            static int seen;
            static int paren = (-5);
            static ushort castParen = ((ushort)7);
            static Packet packet;
            // issue 10: address constants in static data
            const uint RegsBase = 0xBFE001;
            static Regs* ciaA = (Regs*)0xBFE001;
            static Regs* ciaB = ((Regs*)(RegsBase - 0x1001));
            static byte* bytes = (byte*)(Regs*)RegsBase;
            static void* untyped = (Regs*)(-1);
            static readonly Regs*[] Blocks = { (Regs*)RegsBase, null };

            public static int Wait()
            {
                while (done == 0) { }
                System.Threading.Volatile.Write(ref seen, 1);
                int* p = Addr.Of(ref seen);
                Packet* pk = Addr.Of(ref packet);
                (pk)->Kind = 1;
                if (ciaA == ciaB || bytes == untyped || Blocks[1] != null) return 0;
                return System.Threading.Volatile.Read(ref seen) + *p + paren + castParen + GetStatus + (byte)'a';
            }
        }
        """;

    [Fact]
    public void Everything_in_the_subset_gets_no_diagnostic()
    {
        var (compiler, analyzer) = AnalyzerHarness.Run(Everything, withDriver: false);
        Assert.DoesNotContain(compiler, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(analyzer);
    }

    [Fact]
    public void Everything_on_amix_only_warns_about_64_bit_integers()
    {
        var (_, analyzer) = AnalyzerHarness.Run(Everything, withDriver: false, targetProperty: "amix");
        Assert.NotEmpty(analyzer);
        Assert.All(analyzer, d => Assert.Equal(("DRV0200", DiagnosticSeverity.Warning), (d.Id, d.Severity)));
    }
}
