using System;

namespace DriverCompiler.Dsl
{
    /// <summary>
    /// Gives a driver method or constant the exact C name the given name instead of the generated one.
    /// On a method (instead of <c>prefix_type_method</c>): for entry points a kernel or an OS table calls by
    /// name, such as Amix's <c>a4091queue</c> (named in <c>sd.c</c>'s <c>scsicard[]</c>) and <c>a4091intr</c>
    /// (named in <c>master.d/kernel.c</c>'s <c>int2_tbl[]</c>); the method is lowered as usual and is never
    /// <c>static</c> in C. On a <c>const</c> (instead of <c>PREFIX_TYPE_NAME</c>): for a value programs outside
    /// the driver use by name, such as an ioctl number,
    /// <c>[CExport("PARIOCGSTATUS")] public const int GetStatus = ('p' &lt;&lt; 8) | 1;</c>, emitted as
    /// <c>#define PARIOCGSTATUS (('p' &lt;&lt; 8) | 1)</c> in the driver's header (<c>&lt;driver&gt;.h</c>) and used under
    /// that name in the driver's own C.
    /// </summary>
    /// <remarks>
    /// The name must be a C identifier and unique among the driver's exported names, methods and constants
    /// together (DRV0310); on a field, the field must be a <c>const</c> without <see cref="CConstantAttribute"/>
    /// (which says the opposite: a header defines the name).
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Field)]
    public sealed class CExportAttribute : Attribute
    {
        /// <param name="name">The C name, e.g. <c>"a4091queue"</c> or <c>"PARIOCGSTATUS"</c>.</param>
        public CExportAttribute(string name) { Name = name; }
        /// <summary>The C name.</summary>
        public string Name { get; }
    }

    /// <summary>
    /// Declares that a C# constant stands for a constant a C header defines (usually a macro), e.g.
    /// <c>[CConstant("PG_V")] const uint PgV = 1;</c>: uses are emitted as <c>PG_V</c> and no
    /// <c>#define</c> is written. The C# value is what .NET code sees; the header's value is what the
    /// C build uses, so keep them equal. The header comes from a <see cref="CHeaderAttribute"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Field)]
    public sealed class CConstantAttribute : Attribute
    {
        /// <param name="name">The C name, e.g. <c>"PG_V"</c>.</param>
        public CConstantAttribute(string name) { Name = name; }
        /// <summary>The C name.</summary>
        public string Name { get; }
    }

    /// <summary>
    /// Makes a constant a build option of the emitted C: its <c>#define</c> is printed inside
    /// <c>#ifndef NAME</c> … <c>#endif</c> (NAME is the constant's generated C name), so the C# value is
    /// the default and a C build may give another one (<c>-DA4091_SIOP_WRITE_OFFSET=0</c>). For a setting
    /// that differs between boards or test benches, not between drivers. What .NET code sees is always
    /// the C# value; uses in C go through the name, and constants computed from it are printed as
    /// expressions of the name (see docs/dsl.md), so they follow the option too.
    /// </summary>
    /// <remarks>Applies to <c>const</c> fields of integral type without <see cref="CConstantAttribute"/>.</remarks>
    [AttributeUsage(AttributeTargets.Field)]
    public sealed class BuildOptionAttribute : Attribute
    {
    }

    /// <summary>
    /// Emits all of the driver's code and data into one C file named the given name
    /// (e.g. <c>"a4091.c"</c>) instead of one C file per C# file, for build systems that expect a
    /// driver to be one source file (the Amix kernel's <c>alien/</c> Makefile lists one object per
    /// driver). The header (<c>&lt;driver&gt;.h</c>) is unchanged.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class CSourceFileAttribute : Attribute
    {
        /// <param name="name">File name, ending in <c>.c</c>.</param>
        public CSourceFileAttribute(string name) { Name = name; }
        /// <summary>File name.</summary>
        public string Name { get; }
    }

    /// <summary>
    /// Registers an Amix driver as the SCSI host adapter for one Zorro product: <c>drvc build</c> then
    /// renders the kernel patches from <c>templates/amix/patches/</c> into <c>patches/</c> of the output —
    /// the <c>scsicard[]</c> row and the <c>sdcardbase()</c> function for <c>sd.c</c>, the object in the
    /// <c>alien/</c> Makefile, the <c>int2_tbl[]</c> entry of the driver's <see cref="InterruptHandlerAttribute"/>
    /// method in <c>master.d/kernel.c</c>, and install instructions. One attribute per product.
    /// </summary>
    /// <remarks>
    /// Source: the stock <c>sd.c</c> table <c>{ uint pn; bool (*f)(); char *hardwarename; }</c>, where
    /// <c>pn = manufacturer &lt;&lt; 16 | product</c> as <c>autocon()</c> takes it (A4091: <c>0x02020054</c>).
    /// </remarks>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class AmixScsiCardAttribute : Attribute
    {
        /// <param name="productCode">Zorro manufacturer &lt;&lt; 16 | product, e.g. <c>0x02020054</c>.</param>
        /// <param name="hardwareName">The name <c>sdhardwarename()</c> reports, e.g. <c>"A4091 SCSI"</c>.</param>
        public AmixScsiCardAttribute(uint productCode, string hardwareName) { ProductCode = productCode; HardwareName = hardwareName; }
        /// <summary>Zorro manufacturer &lt;&lt; 16 | product.</summary>
        public uint ProductCode { get; }
        /// <summary>Name reported by <c>sdhardwarename()</c>.</summary>
        public string HardwareName { get; }
        /// <summary>The <see cref="CExportAttribute"/> name of the queue function <c>bool queue(c, cp)</c>, e.g. <c>"a4091queue"</c>.</summary>
        public string Queue { get; set; } = "";
    }
}
