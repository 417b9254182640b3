using System;

namespace DriverCompiler.Dsl
{
    /// <summary>The operating system a driver is lowered for.</summary>
    public enum DriverTarget
    {
        /// <summary>AmigaOS 4.1 Final Edition on PowerPC: GNU C99 against the AmigaOS 4.1 SDK.</summary>
        AmigaOS4 = 1,
        /// <summary>Amix 2.1c (SVR4) on the 68030: C89 with K&amp;R definitions for the kernel's <c>cc</c>.</summary>
        Amix = 2,
    }

    /// <summary>
    /// Declares the driver a folder of C# sources makes. Exactly one per driver folder.
    /// </summary>
    /// <remarks>
    /// <c>[assembly: Driver("virtioscsi", DriverTarget.AmigaOS4, Prefix = "vscsi")]</c>.
    /// <see cref="Name"/> names the output (<c>out/&lt;name&gt;/</c>, the device or module name);
    /// <see cref="Prefix"/> starts every emitted C identifier (default: the name, lower case).
    /// </remarks>
    [AttributeUsage(AttributeTargets.Assembly)]
    public sealed class DriverAttribute : Attribute
    {
        /// <param name="name">Driver name, e.g. <c>"virtioscsi"</c>: letters, digits and '_' only.</param>
        /// <param name="target">The target the driver is written for; <c>drvc build --target</c> overrides it.</param>
        public DriverAttribute(string name, DriverTarget target) { Name = name; Target = target; }
        /// <summary>Driver name.</summary>
        public string Name { get; }
        /// <summary>Default target.</summary>
        public DriverTarget Target { get; }
        /// <summary>Prefix of every emitted C identifier; defaults to <see cref="Name"/> in lower case.</summary>
        public string? Prefix { get; set; }
        /// <summary>Version (the <c>$VER</c> string and resident tag on AmigaOS 4).</summary>
        public int Version { get; set; } = 1;
        /// <summary>Revision.</summary>
        public int Revision { get; set; }
    }

    /// <summary>
    /// Marks a struct as a block of memory-mapped device registers. Every read and write of a
    /// field through a pointer to it is volatile, in program order, and byte-reversed when the
    /// field's endian type differs from the CPU's (PowerPC: <c>lwbrx</c>/<c>stwbrx</c> with
    /// <c>sync</c>, as Linux's <c>in_le32</c>/<c>out_le32</c>; 68k: plain volatile accesses).
    /// </summary>
    [AttributeUsage(AttributeTargets.Struct)]
    public sealed class MmioAttribute : Attribute { }

    /// <summary>
    /// Marks a struct shared with a device by DMA (descriptor rings, DSA tables). Its layout is
    /// checked like an <see cref="MmioAttribute"/> struct's; accesses are ordinary memory accesses.
    /// </summary>
    [AttributeUsage(AttributeTargets.Struct)]
    public sealed class DmaAttribute : Attribute { }

    /// <summary>
    /// Marks a static method as an interrupt handler the target registers (AmigaOS 4:
    /// <c>struct Interrupt</c> and <c>AddIntServer</c>; Amix: an <c>int2_tbl</c> entry).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class InterruptHandlerAttribute : Attribute { }

    /// <summary>
    /// Binds a static method to a C function, macro or AmigaOS 4 interface method. Calls lower
    /// to <c>Name(args)</c>, or <c>Interface-&gt;Name(args)</c> when <see cref="Interface"/> is set.
    /// The method is either <c>extern</c> (no .NET implementation) or has a body that runs only in
    /// .NET (a simulation for tests); its body is never lowered. A trailing <c>params</c> array
    /// is passed as C variadic arguments (AmigaOS tag lists).
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CBindingAttribute : Attribute
    {
        /// <param name="name">The C name, e.g. <c>"AllocVecTags"</c> or <c>"sptalloc"</c>.</param>
        public CBindingAttribute(string name) { Name = name; }
        /// <summary>The C name.</summary>
        public string Name { get; }
        /// <summary>AmigaOS 4 interface pointer the call goes through, e.g. <c>"IExec"</c> (a global the
        /// device skeleton obtains). <c>"this"</c>: the method's first parameter is the interface, as for a
        /// <c>struct PCIDevice</c>: <c>ReadConfigWord(dev, off)</c> lowers to <c>dev-&gt;ReadConfigWord(off)</c>.</summary>
        public string? Interface { get; set; }
    }

    /// <summary>
    /// A header the emitted C must include for the bindings of this class, e.g.
    /// <c>[CHeader("interfaces/exec.h")]</c>. Several may be given; system headers use angle brackets
    /// unless <see cref="Local"/> is set.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true)]
    public sealed class CHeaderAttribute : Attribute
    {
        /// <param name="path">Header path as written inside <c>#include</c>.</param>
        public CHeaderAttribute(string path) { Path = path; }
        /// <summary>Header path.</summary>
        public string Path { get; }
        /// <summary>Include with quotes instead of angle brackets.</summary>
        public bool Local { get; set; }
    }

    /// <summary>
    /// Declares that a struct mirrors a C type defined by an SDK or kernel header (e.g.
    /// <c>[CType("struct IOStdReq")]</c>): the compiler emits no definition and uses the C name.
    /// The C# fields must have the SDK's layout; the header comes from <see cref="CHeaderAttribute"/>.
    /// On a method's return value (<c>[return: CType("bool")]</c>) it gives the C return type of the
    /// function's definition and prototype, for an entry point whose caller declares it with a header
    /// type: Amix's <c>sd.c</c> declares queue functions <c>extern bool a4091queue();</c> with
    /// <c>rico.h</c>'s <c>typedef char bool</c>. The C# return value must convert to that type.
    /// On a parameter or a field it names a scalar typedef of the headers (<c>dev_t</c>, <c>caddr_t</c>, <c>off_t</c>)
    /// that replaces the C# integer type, under the pointers the C# type has: <c>[CType("dev_t")] uint* devp</c> is
    /// <c>dev_t *devp</c>. The C# type must be an integer (or pointers to one) of the typedef's size: the emitted header
    /// checks <c>sizeof(dev_t) == sizeof(uint)</c> (a negative array size fails the C build otherwise), and DRV0115 reports
    /// it on anything else. <c>Amix.Types</c> names the SVR4 typedefs with their sizes.
    /// </summary>
    [AttributeUsage(AttributeTargets.Struct | AttributeTargets.ReturnValue | AttributeTargets.Parameter | AttributeTargets.Field)]
    public sealed class CTypeAttribute : Attribute
    {
        /// <param name="name">The C type as written in a declaration, e.g. <c>"struct IOStdReq"</c>.</param>
        public CTypeAttribute(string name) { Name = name; }
        /// <summary>The C type.</summary>
        public string Name { get; }
        /// <summary>The C# field names are the C member names exactly as the header spells them
        /// (<c>ln_Succ</c>, <c>io_Command</c>, <c>BaseAddress</c>); without it they are mapped as the
        /// driver's own fields are (<c>NextFree</c> → <c>next_free</c>).</summary>
        public bool ExactFieldNames { get; set; }
        /// <summary>The C type's packing in bytes, as <c>StructLayout(Pack = n)</c> gives it (the AmigaOS 4 SDK
        /// packs exec structures to 2); 0: natural alignment. Needed when the mirror comes from a referenced
        /// assembly (a binding library such as <c>DriverCompiler.AmigaOS</c>): compiled metadata keeps
        /// <c>[StructLayout]</c> only as a table Roslyn does not expose, so the compiler reads this value
        /// instead. Where both are given they must agree; the source's <c>[StructLayout]</c> wins.</summary>
        public int Pack { get; set; }
    }
}
