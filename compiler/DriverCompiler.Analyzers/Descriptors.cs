using Microsoft.CodeAnalysis;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// Every diagnostic DriverCompiler reports. Ids are stable: each has a page
    /// <c>docs/diagnostics/DRVnnnn.md</c>, and the CLI and the analyzer report the same ones.
    /// DRV0001-0099: constructs outside the driver subset. DRV0100-0199: driver declaration and
    /// layout. DRV0200-0299: target restrictions. DRV0300-0349: SCRIPTS programs written in C#,
    /// exported C names and Amix kernel registration (DRV0320-0322: the Amix char/block/STREAMS driver model). DRV0900-0999: the compiler itself.
    /// </summary>
    public static class Descriptors
    {
        /// <summary>
        /// Base of the help links: the page's path in the repository and in the DriverCompiler.Dsl
        /// package (both carry <c>docs/diagnostics/DRVnnnn.md</c>); <c>drvc explain DRVnnnn</c>
        /// prints the same page anywhere. No web host is named because none is known to serve them.
        /// </summary>
        public const string HelpBase = "docs/diagnostics/";

        /// <summary>
        /// The ids drvc reports from outside the analyzer, so an editor never shows them: DRV0103 (reading project
        /// files), DRV0307 (the SCRIPTS assembler), DRV0313 (constant folding in the lowering), DRV0900 and DRV0999
        /// (the lowering). Their pages have no example the analyzer can check.
        /// </summary>
        public static readonly string[] NotFromTheAnalyzer = { "DRV0103", "DRV0307", "DRV0313", "DRV0900", "DRV0999" };

        private static DiagnosticDescriptor Error(string id, string title, string message, string category = "Subset") =>
            new DiagnosticDescriptor(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                helpLinkUri: HelpBase + id + ".md");

        private static DiagnosticDescriptor Warning(string id, string title, string message, string category, params string[] customTags) =>
            new DiagnosticDescriptor(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
                helpLinkUri: HelpBase + id + ".md", customTags: customTags);

#pragma warning disable CS1591 // the titles say what each is; the docs pages say the rest
        public static readonly DiagnosticDescriptor ClassInstance = Error("DRV0001", "Class instances are not in the driver subset",
            "'{0}' creates or uses an instance of a class; driver code has no garbage-collected heap: use a struct, a static class or memory from an allocation binding");
        public static readonly DiagnosticDescriptor HeapArray = Error("DRV0002", "Arrays on the heap are not in the driver subset",
            "'{0}' allocates an array on the heap; use stackalloc with a constant size, a fixed buffer, or a static readonly table");
        public static readonly DiagnosticDescriptor Exceptions = Error("DRV0003", "Exceptions are not in the driver subset",
            "'{0}' uses exceptions; report failures with return codes (io_Error, errno values)");
        public static readonly DiagnosticDescriptor LambdasDelegates = Error("DRV0004", "Lambdas, delegates and LINQ are not in the driver subset",
            "'{0}' needs a lambda, delegate or LINQ; use a static method, or a C# function pointer (delegate* unmanaged)");
        public static readonly DiagnosticDescriptor FloatingPoint = Error("DRV0005", "Floating point is not in the driver subset",
            "'{0}' uses floating point; kernels and drivers do not save FPU state: use integers or fixed-point");
        public static readonly DiagnosticDescriptor Boxing = Error("DRV0006", "Boxing is not in the driver subset",
            "'{0}' boxes a value of type '{1}' to '{2}'");
        public static readonly DiagnosticDescriptor Dynamic = Error("DRV0007", "dynamic is not in the driver subset",
            "'{0}' uses dynamic; every type must be known at compile time");
        public static readonly DiagnosticDescriptor AsyncIterators = Error("DRV0008", "async, await and iterators are not in the driver subset",
            "'{0}' uses async, await or yield; use exec tasks, signals and message ports instead");
        public static readonly DiagnosticDescriptor Generics = Error("DRV0009", "Generics are not in the driver subset",
            "'{0}' declares or uses a generic type or method; write the concrete type");
        public static readonly DiagnosticDescriptor StringManipulation = Error("DRV0010", "String manipulation is not in the driver subset",
            "'{0}' manipulates strings; only string literals (as C strings) are allowed");
        public static readonly DiagnosticDescriptor Checked = Error("DRV0011", "checked arithmetic is not in the driver subset",
            "'{0}' is checked arithmetic; test the operands explicitly and handle overflow as an error code");
        public static readonly DiagnosticDescriptor InstanceClass = Error("DRV0012", "Non-static classes are not in the driver subset",
            "Class '{0}' is not static; driver code lives in static classes and structs");
        public static readonly DiagnosticDescriptor UnsupportedType = Error("DRV0013", "Type not in the driver subset",
            "Type '{0}' is not in the driver subset; use the integer types, bool, pointers, structs and enums");
        public static readonly DiagnosticDescriptor UnsupportedMember = Error("DRV0014", "Member kind not in the driver subset",
            "'{0}' is a {1}; driver code uses fields and methods only");
        public static readonly DiagnosticDescriptor StaticInitializer = Error("DRV0015", "Static initialization must be constant",
            "'{0}' cannot initialize static data: {1}");
        public static readonly DiagnosticDescriptor RefKinds = Error("DRV0016", "ref locals, ref returns and ref structs are not in the driver subset",
            "'{0}' uses a ref local, ref return or ref struct; use a pointer");
        public static readonly DiagnosticDescriptor Patterns = Error("DRV0017", "Pattern not in the driver subset",
            "'{0}' uses a pattern other than a constant; use == or a switch with constant cases");
        public static readonly DiagnosticDescriptor ResourceStatements = Error("DRV0018", "lock and using are not in the driver subset",
            "'{0}' needs the .NET runtime; use Forbid/Permit or a semaphore binding, and free resources explicitly");
        public static readonly DiagnosticDescriptor Tuples = Error("DRV0019", "Tuples are not in the driver subset",
            "'{0}' uses a tuple; use a struct or out parameters");
        public static readonly DiagnosticDescriptor StructConstructor = Error("DRV0020", "Struct constructors are not in the driver subset",
            "'{0}' calls a struct constructor with arguments; use default, new() or an object initializer");
        public static readonly DiagnosticDescriptor StackallocSize = Error("DRV0021", "stackalloc needs a constant size",
            "'{0}' has a size that is not a compile-time constant");
        public static readonly DiagnosticDescriptor RuntimeLibrary = Error("DRV0022", "Call into the .NET runtime library",
            "'{0}' uses '{1}', which is in the .NET runtime library; drivers call C through [CBinding] methods");
        public static readonly DiagnosticDescriptor UnsupportedTypeKind = Error("DRV0023", "Type kind not in the driver subset",
            "'{0}' is {1}; driver code declares static classes, structs and enums only");
        public static readonly DiagnosticDescriptor Inheritance = Error("DRV0024", "Inheritance is not in the driver subset",
            "'{0}' inherits from or implements '{1}'; C structs have no base types or interfaces");
        public static readonly DiagnosticDescriptor EnumUnderlyingType = Error("DRV0025", "Enum needs an explicit underlying type",
            "Enum '{0}' has no explicit underlying type; write one (for example ': byte' or ': uint') so its size is the same in C on every target");
        public static readonly DiagnosticDescriptor ForEachCollection = Error("DRV0026", "foreach over an unsupported collection",
            "'{0}' is not a static readonly array or an [InlineArray] struct; foreach in driver code walks only those (use a for loop over a pointer otherwise)");
        public static readonly DiagnosticDescriptor PackedFieldAddress = Error("DRV0027", "Address of a field of a packed struct",
            "'{0}' takes the address of a field of '{1}', which StructLayout Pack makes packed in C; the field may be unaligned there, so copy it to a local instead");
        public static readonly DiagnosticDescriptor Unsupported = Error("DRV0099", "Construct not in the driver subset",
            "'{0}' ({1}) is not in the driver subset");

        public static readonly DiagnosticDescriptor NoDriver = Warning("DRV0100", "No driver declared",
            "No [assembly: Driver(...)] in '{0}'; checked the subset only, nothing can be built", "Driver",
            WellKnownDiagnosticTags.CompilationEnd);
        public static readonly DiagnosticDescriptor SeveralDrivers = Error("DRV0101", "More than one driver declared",
            "A folder declares one driver; found another [assembly: Driver] here", "Driver");
        public static readonly DiagnosticDescriptor BadDriverName = Error("DRV0102", "Invalid driver name or prefix",
            "'{0}' is not a valid driver name or prefix; use letters, digits and '_', starting with a letter", "Driver");
        public static readonly DiagnosticDescriptor LibraryReference = Error("DRV0103", "Driver library reference cannot be used",
            "{0}", "Driver");
        public static readonly DiagnosticDescriptor ScalarCType = Error("DRV0115", "[CType] on a parameter or field that is not an integer",
            "[CType(\"{0}\")] on '{1}' of type {2}: a scalar typedef replaces an integer (or pointers to one) of its size, as [CType(\"dev_t\")] uint dev", "Driver");
        public static readonly DiagnosticDescriptor FieldOverlap = Error("DRV0110", "Fields overlap",
            "Field '{0}' at offset {1} overlaps field '{2}' ({3} bytes at offset {4})", "Layout");
        public static readonly DiagnosticDescriptor FieldMisaligned = Error("DRV0111", "Field misaligned",
            "Field '{0}' of {1} bytes is at offset {2}, not a multiple of its alignment {3}; {4}", "Layout");
        public static readonly DiagnosticDescriptor EmptyStruct = Error("DRV0112", "Empty struct",
            "Struct '{0}' has no fields; C has no empty structs", "Layout");
        public static readonly DiagnosticDescriptor DocumentedOffset = Warning("DRV0113", "Offset comment disagrees with the layout",
            "Field '{0}' is commented as offset {1} but the layout puts it at offset {2}; a padding field is missing or the comment is wrong", "Layout");
        public static readonly DiagnosticDescriptor DeclaredSize = Warning("DRV0114", "Declared struct size smaller than its fields",
            "Struct '{0}' declares Size = {1} but its fields need {2} bytes; the struct (and the C struct) will be {3} bytes", "Layout");

        public static readonly DiagnosticDescriptor Amix64Bit = Warning("DRV0200", "64-bit integer on Amix",
            "'{0}' is a 64-bit integer; Amix 2.1c's cc has no 64-bit type, so this builds only with GCC (long long)", "Target");
        public static readonly DiagnosticDescriptor AmixPackedStruct = Warning("DRV0201", "Packed struct on Amix",
            "Struct '{0}' is packed by StructLayout Pack (alignment {1}, {2} bytes); Amix 2.1c's cc cannot pack structs, so this builds only with GCC (__attribute__((packed)))", "Target");

        public static readonly DiagnosticDescriptor ScriptsStatement = Error("DRV0300", "Not a SCRIPTS instruction",
            "'{0}' is not a SCRIPTS instruction: the body of a [Scripts] method is a sequence of calls to DriverCompiler.Dsl.Scripts intrinsics", "Scripts");
        public static readonly DiagnosticDescriptor ScriptsNotConstant = Error("DRV0301", "SCRIPTS operand is not constant",
            "SCRIPTS operand '{0}' is not a compile-time constant: the program is assembled when the driver is built", "Scripts");
        public static readonly DiagnosticDescriptor ScriptsDsaField = Error("DRV0302", "Unknown DSA field",
            "'{0}' is not a field of the DSA struct {1}", "Scripts");
        public static readonly DiagnosticDescriptor ScriptsLabel = Error("DRV0303", "SCRIPTS label problem",
            "SCRIPTS label '{0}' {1}", "Scripts");
        public static readonly DiagnosticDescriptor ScriptsPhase = Error("DRV0304", "Not a SCSI phase",
            "{0} is not a SCSI phase: SCRIPTS phases are 0 (DATA OUT) to 7 (MESSAGE IN)", "Scripts");
        public static readonly DiagnosticDescriptor ScriptsOutside = Error("DRV0305", "SCRIPTS intrinsic used outside a SCRIPTS program",
            "'{0}' {1}", "Scripts");
        public static readonly DiagnosticDescriptor ScriptsMethod = Error("DRV0306", "Invalid [Scripts] method",
            "[Scripts] method '{0}' {1}", "Scripts");
        public static readonly DiagnosticDescriptor ScriptsAssembly = Error("DRV0307", "SCRIPTS assembler error",
            "SCRIPTS program '{0}': {1}", "Scripts");
        public static readonly DiagnosticDescriptor ScriptsMoveCondition = Error("DRV0308", "Not a block move condition",
            "'{0}' is not a block move condition: a block move takes When(phase) (wait for REQ, then compare the phase) or With(phase) (compare the latched phase at once)", "Scripts");
        public static readonly DiagnosticDescriptor CExportName = Error("DRV0310", "Invalid exported C name",
            "Exported C name '{0}' {1}", "Scripts");
        public static readonly DiagnosticDescriptor AmixScsiCardQueue = Error("DRV0311", "Amix SCSI card without a queue function",
            "[AmixScsiCard] Queue '{0}' is not the [CExport] name of a static driver method", "Scripts");
        public static readonly DiagnosticDescriptor BuildOption = Error("DRV0312", "Invalid build option",
            "[BuildOption] field '{0}' {1}", "Scripts");
        public static readonly DiagnosticDescriptor BuildOptionFolded = Warning("DRV0313", "Build option folded to its default",
            "'{0}' names build option '{1}' but C cannot compute it as C# does, so it is emitted as C#'s value {2}: a -D for '{1}' does not change it",
            "Scripts");

        public static readonly DiagnosticDescriptor AmixEntrySignature = Error("DRV0320", "Amix entry point without its SVR4 signature",
            "'{0}' is the Amix {1} entry point, whose SVR4 DDI/DKI signature is '{2}': declare it '{3}'", "Scripts");
        public static readonly DiagnosticDescriptor AmixMajor = Error("DRV0321", "Amix major number taken or out of range",
            "{0} major {1} {2}", "Scripts");
        public static readonly DiagnosticDescriptor AmixDriverModel = Error("DRV0322", "Amix driver declaration incomplete or inconsistent",
            "Amix driver: {0}", "Scripts");

        public static readonly DiagnosticDescriptor NotLowered = Error("DRV0900", "Not supported by the lowering yet",
            "'{0}' ({1}) passes the subset check but the lowering does not support it yet", "Compiler");
        public static readonly DiagnosticDescriptor InternalError = Error("DRV0999", "Internal compiler error",
            "Internal compiler error while lowering '{0}': {1}", "Compiler");
#pragma warning restore CS1591
    }
}
