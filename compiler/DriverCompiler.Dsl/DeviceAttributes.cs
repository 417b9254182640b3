using System;

namespace DriverCompiler.Dsl
{
    /// <summary>
    /// The entry points of an exec device (AmigaOS 4), which the target's device skeleton
    /// (resident tag, CreateLibrary tags, the <c>__device</c> manager interface and the 68k jump
    /// table) calls. Source: AmigaOS 4 SDK <c>exec/devices.h</c> (DeviceManagerInterface).
    /// </summary>
    public enum DeviceEntryPoint
    {
        /// <summary><c>static bool Init(Device* device)</c>: once, from CLT_InitFunc, after the skeleton has
        /// filled the library node and obtained the interfaces the bindings use; false fails the load.</summary>
        Init = 1,
        /// <summary><c>static sbyte Open(IORequest* io, uint unit, uint flags)</c>: sets <c>io_Unit</c> and returns
        /// 0, or returns an <c>io_Error</c> (IOERR_OPENFAIL); the skeleton keeps <c>lib_OpenCnt</c> and LIBF_DELEXP.</summary>
        Open = 2,
        /// <summary><c>static void Close(IORequest* io)</c>: undoes one successful Open of <c>io_Unit</c>.</summary>
        Close = 3,
        /// <summary><c>static void Expunge()</c>: frees everything Init allocated; the skeleton then removes the node,
        /// drops the interfaces and deletes the library.</summary>
        Expunge = 4,
        /// <summary><c>static void BeginIO(IORequest* io)</c>: the device's BeginIO (-30 in the 68k jump table).</summary>
        BeginIO = 5,
        /// <summary><c>static int AbortIO(IORequest* io)</c>: the device's AbortIO (-36); 0 when the request was aborted.</summary>
        AbortIO = 6,
    }

    /// <summary>
    /// Marks a static method as one of the device's entry points, e.g.
    /// <c>[DeviceEntry(DeviceEntryPoint.BeginIO)]</c>. A driver that marks <see cref="DeviceEntryPoint.Init"/>
    /// gets the target's device skeleton emitted around it; each entry point may be marked once.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class DeviceEntryAttribute : Attribute
    {
        /// <param name="entryPoint">Which entry point the method implements.</param>
        public DeviceEntryAttribute(DeviceEntryPoint entryPoint) { EntryPoint = entryPoint; }
        /// <summary>The entry point.</summary>
        public DeviceEntryPoint EntryPoint { get; }
    }
}
