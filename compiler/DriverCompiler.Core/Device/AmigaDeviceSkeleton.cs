using DriverCompiler.Analyzers;
using DriverCompiler.Core.Lower;
using DriverCompiler.Core.Templates;
using DriverCompiler.Dsl;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DriverCompiler.Core.Device;

/// <summary>
/// The AmigaOS 4 exec device around a driver that marks its entry points with [DeviceEntry]:
/// a writable resident tag (RTF_NATIVE|RTF_COLDSTART|RTF_AUTOINIT, NT_DEVICE, priority 0) whose
/// CreateLibrary tags build the <c>__device</c> manager interface and the 68k jump table (BeginIO
/// at -30, AbortIO at -36), the <c>$VER</c> string, the guard that refuses to run from a shell,
/// the interfaces the driver's bindings call through, and the interrupt-server glue of its
/// [InterruptHandler]. Rendered from templates/amigaos4/device; source of the shapes: AmigaOS 4
/// SDK exec/resident.h, exec/exectags.h (CLT_*, MIT_*), exec/devices.h (DeviceManagerInterface).
/// </summary>
internal static class AmigaDeviceSkeleton
{
    /// <summary>File names of the rendered skeleton.</summary>
    public const string SourceName = "device_skeleton.c", HeaderName = "device_skeleton.h";

    /// <summary>An interface the skeleton obtains in Init: which library (or device) and interface name provide it.
    /// A library is opened with OpenLibrary(<see cref="Library"/>, <see cref="LibraryVersion"/>); a device
    /// (<see cref="DeviceUnit"/> not null) with OpenDevice(<see cref="Library"/>, unit, request, 0) on a request the
    /// skeleton keeps (<see cref="RequestType"/>), and the interface is taken from the request's io_Device
    /// (timer.device autodoc: "ITimer = GetInterface(TimerBase, "main", 1, NULL)" with TimerBase = io_Device).</summary>
    private sealed record KnownInterface(string Global, string CType, string Header, string Library, int LibraryVersion, string Name, int Version,
        string? DeviceUnit = null, string? RequestType = null);

    private static readonly KnownInterface[] Known =
    [
        new("IPCI", "struct PCIIFace", "interfaces/expansion.h", "expansion.library", 53, "pci", 1),
        new("IUtility", "struct UtilityIFace", "interfaces/utility.h", "utility.library", 50, "main", 1),
        new("IDOS", "struct DOSIFace", "interfaces/dos.h", "dos.library", 53, "main", 1),
        // timer.device is a device: no OpenLibrary; the skeleton opens UNIT_MICROHZ (any unit gives the same
        // interface) for the device's lifetime and never sends the request (SDK devices/timer.h, interfaces/timer.h).
        new("ITimer", "struct TimerIFace", "interfaces/timer.h", "timer.device", 0, "main", 1, "UNIT_MICROHZ", "struct TimeRequest"),
    ];

    /// <summary>True when <paramref name="driver"/> targets AmigaOS 4 and one of its methods is [DeviceEntry(Init)]:
    /// the driver is an exec device and <see cref="Render"/> emits the skeleton around it.</summary>
    public static bool IsDevice(CSharpCompilation compilation, DriverInfo driver)
    {
        if (driver.Target != DriverTarget.AmigaOS4) return false;
        var methods = new List<IMethodSymbol>();
        Collect(compilation.Assembly.GlobalNamespace, methods);
        return methods.Any(m => DslSymbols.Attribute(m, "DeviceEntryAttribute") is { ConstructorArguments: [{ Value: int kind }] } && (DeviceEntryPoint)kind == DeviceEntryPoint.Init);
    }

    /// <summary>The rendered skeleton files and the device Makefile.</summary>
    public sealed record Output(IReadOnlyList<EmittedFile> Files, string Makefile);

    /// <summary>The [CBinding] methods of referenced binding libraries (DriverCompiler.AmigaOS) the driver's source names:
    /// the interfaces they call through are the ones the skeleton obtains, not every interface the library declares.</summary>
    private static IEnumerable<IMethodSymbol> BindingMethodsCalled(CSharpCompilation compilation)
    {
        var seen = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.SimpleNameSyntax>())
                if (model.GetSymbolInfo(name).Symbol is IMethodSymbol m && !SymbolEqualityComparer.Default.Equals(m.ContainingAssembly, compilation.Assembly)
                    && DslSymbols.Binding(m) is not null && seen.Add(m.OriginalDefinition))
                    yield return m.OriginalDefinition;
        }
    }

    /// <summary>
    /// Renders the skeleton when the driver marks [DeviceEntry(Init)] and targets AmigaOS 4; null
    /// otherwise. Entry points with the wrong shape, or calls through an interface the skeleton
    /// does not know, are reported as DRV0900.
    /// </summary>
    public static Output? Render(CSharpCompilation compilation, DriverInfo driver, IReadOnlyDictionary<ISymbol, string> names,
        Func<ISymbol, ITypeSymbol, string> cType, ITemplateEngine templates, string toolVersion,
        Func<string, string, string> comment, IReadOnlyList<string> objects, List<Diagnostic> diagnostics)
    {
        if (driver.Target != DriverTarget.AmigaOS4) return null;
        var methods = new List<IMethodSymbol>();
        Collect(compilation.Assembly.GlobalNamespace, methods);
        var entries = new Dictionary<DeviceEntryPoint, IMethodSymbol>();
        IMethodSymbol? handler = null;
        foreach (var m in methods)
        {
            if (DslSymbols.Attribute(m, "InterruptHandlerAttribute") is not null) handler ??= m;
            if (DslSymbols.Attribute(m, "DeviceEntryAttribute") is { ConstructorArguments: [{ Value: int kind }] })
            {
                if (!entries.TryAdd((DeviceEntryPoint)kind, m))
                    Report(diagnostics, m, "a second [DeviceEntry(" + (DeviceEntryPoint)kind + ")]");
            }
        }
        if (!entries.TryGetValue(DeviceEntryPoint.Init, out var init)) return null;

        bool ok = true;
        foreach (DeviceEntryPoint e in Enum.GetValues(typeof(DeviceEntryPoint)))
        {
            if (!entries.TryGetValue(e, out var m)) { Report(diagnostics, init, "a device without [DeviceEntry(" + e + ")]"); ok = false; continue; }
            if (!m.IsStatic || !names.ContainsKey(m) || !Shape(e, m)) { Report(diagnostics, m, "[DeviceEntry(" + e + ")] with another signature than the DSL documents"); ok = false; }
        }
        if (handler is not null && (handler.Parameters.Length != 1 || handler.Parameters[0].Type is not IPointerTypeSymbol { PointedAtType.SpecialType: SpecialType.System_Void }
                                    || handler.ReturnType.SpecialType != SpecialType.System_Boolean || !names.ContainsKey(handler)))
        { Report(diagnostics, handler, "an AmigaOS 4 [InterruptHandler] other than 'static bool Handler(void* data)'"); ok = false; }

        var interfaces = new List<KnownInterface>();
        foreach (var iface in methods.Concat(BindingMethodsCalled(compilation)).Select(DslSymbols.Binding).Where(b => b?.Interface is not null and not "this" and not "IExec")
                     .Select(b => b!.Value.Interface!).Distinct(StringComparer.Ordinal).OrderBy(x => x, StringComparer.Ordinal))
        {
            var k = Known.FirstOrDefault(x => x.Global == iface);
            if (k is null) { Report(diagnostics, init, "calls through interface '" + iface + "', which the device skeleton cannot obtain"); ok = false; }
            else interfaces.Add(k);
        }
        if (!ok) return null;

        var baseType = ((IPointerTypeSymbol)init.Parameters[0].Type).PointedAtType;
        var model = new
        {
            driver = driver.Name,
            prefix = driver.Prefix,
            deviceName = driver.Name + ".device",
            version = driver.Version,
            revision = driver.Revision,
            header = driver.Name + ".h",
            skeletonHeader = HeaderName,
            guard = "DEVICE_SKELETON_H",
            baseType = cType(init, baseType),
            init = names[init],
            open = names[entries[DeviceEntryPoint.Open]],
            close = names[entries[DeviceEntryPoint.Close]],
            expunge = names[entries[DeviceEntryPoint.Expunge]],
            beginIO = names[entries[DeviceEntryPoint.BeginIO]],
            abortIO = names[entries[DeviceEntryPoint.AbortIO]],
            handler = handler is null ? null : names[handler],
            interfaces = interfaces.Select(i => new
            {
                global = i.Global, ctype = i.CType, header = i.Header, library = i.Library,
                libraryVersion = i.LibraryVersion, name = i.Name, version = i.Version, libraryBase = "drv_" + i.Global + "_library",
                isDevice = i.DeviceUnit is not null, unit = i.DeviceUnit, requestType = i.RequestType, request = "drv_" + i.Global + "_request",
            }).ToList(),
            sourceComment = comment(SourceName, "device skeleton: resident tag, manager interface, 68k jump table"),
            headerComment = comment(HeaderName, "device skeleton's declarations"),
        };
        var files = new List<EmittedFile>
        {
            new(HeaderName, templates.Render("amigaos4/device/skeleton.h.hbs", model)),
            new(SourceName, templates.Render("amigaos4/device/skeleton.c.hbs", model)),
        };
        string makefile = templates.Render("amigaos4/device/Makefile.hbs", new
        {
            driver = driver.Name, version = toolVersion,
            objects = string.Join(" ", new[] { Path.ChangeExtension(SourceName, ".o") }.Concat(objects)),
        });
        return new Output(files, makefile);
    }

    /// <summary>The signature each entry point must have (DeviceEntryPoint's documentation).</summary>
    private static bool Shape(DeviceEntryPoint e, IMethodSymbol m)
    {
        bool Ptr(int i, string name) => m.Parameters.Length > i && m.Parameters[i].Type is IPointerTypeSymbol p && p.PointedAtType.Name == name;
        bool UInt(int i) => m.Parameters.Length > i && m.Parameters[i].Type.SpecialType == SpecialType.System_UInt32;
        return e switch
        {
            DeviceEntryPoint.Init => m.Parameters.Length == 1 && m.Parameters[0].Type is IPointerTypeSymbol { PointedAtType: INamedTypeSymbol { TypeKind: TypeKind.Struct } b }
                                     && b.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => !f.IsStatic)?.Type is { Name: "Device" }
                                     && m.ReturnType.SpecialType == SpecialType.System_Boolean,
            DeviceEntryPoint.Open => m.Parameters.Length == 3 && Ptr(0, "IORequest") && UInt(1) && UInt(2) && m.ReturnType.SpecialType == SpecialType.System_SByte,
            DeviceEntryPoint.Close or DeviceEntryPoint.BeginIO => m.Parameters.Length == 1 && Ptr(0, "IORequest") && m.ReturnsVoid,
            DeviceEntryPoint.Expunge => m.Parameters.Length == 0 && m.ReturnsVoid,
            DeviceEntryPoint.AbortIO => m.Parameters.Length == 1 && Ptr(0, "IORequest") && m.ReturnType.SpecialType == SpecialType.System_Int32,
            _ => false,
        };
    }

    private static void Collect(INamespaceSymbol ns, List<IMethodSymbol> into)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child) Collect(child, into);
            else if (member is INamedTypeSymbol t) CollectType(t, into);
        }
    }

    private static void CollectType(INamedTypeSymbol t, List<IMethodSymbol> into)
    {
        if (t.DeclaringSyntaxReferences.Length == 0) return;
        into.AddRange(t.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary));
        foreach (var n in t.GetTypeMembers()) CollectType(n, into);
    }

    private static void Report(List<Diagnostic> diagnostics, IMethodSymbol m, string what) =>
        diagnostics.Add(Diagnostic.Create(Descriptors.NotLowered, m.Locations.FirstOrDefault() ?? Location.None, m.Name, what));
}
