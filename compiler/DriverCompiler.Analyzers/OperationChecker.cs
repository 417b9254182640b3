using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// Walks one executable block (method body, field or parameter initializer) against the
    /// whitelist of operations the lowering supports. A rejected operation is reported once, at
    /// its own syntax; the walk goes on into its children only where they can hold violations of
    /// their own (the body of a <c>try</c>, the arguments of a runtime call), never where a child
    /// would only repeat the parent's problem.
    /// </summary>
    internal sealed class OperationChecker
    {
        private readonly DriverSymbols k;
        private readonly Action<Diagnostic> report;

        public OperationChecker(DriverSymbols k, Action<Diagnostic> report) { this.k = k; this.report = report; }

        private int reported;

        private void Report(DiagnosticDescriptor d, Location loc, params object[] args)
        {
            reported++;
            report(Diagnostic.Create(d, loc, args));
        }
        private void Report(DiagnosticDescriptor d, SyntaxNode node) => Report(d, node.GetLocation(), DriverSymbols.Snippet(node));
        private void ReportAtToken(DiagnosticDescriptor d, SyntaxNode node) =>
            Report(d, node.GetFirstToken().GetLocation(), DriverSymbols.Snippet(node));
        private void Unsupported(IOperation op, string what) =>
            Report(Descriptors.Unsupported, op.Syntax.GetLocation(), DriverSymbols.Snippet(op.Syntax), what);

        private void VisitChildren(IOperation op)
        {
            foreach (var child in op.ChildOperations) Visit(child);
        }

        private static IOperation StripImplicitConversions(IOperation op)
        {
            while (op is IConversionOperation c && c.IsImplicit) op = c.Operand;
            return op;
        }

        public void VisitRoot(IOperation root)
        {
            switch (root)
            {
                case IAttributeOperation _:
                case IPropertyInitializerOperation _: // the property itself is reported (DRV0014)
                    return;
                case IFieldInitializerOperation fi:
                    VisitFieldInitializer(fi);
                    return;
                default:
                    Visit(root);
                    return;
            }
        }

        private void VisitFieldInitializer(IFieldInitializerOperation fi)
        {
            var value = fi.Value;
            foreach (var f in fi.InitializedFields)
            {
                if (f.IsConst) { Visit(value); return; }
                if (!f.IsStatic) { Visit(value); return; } // needs a struct constructor, which is reported
                if (f.Type is IArrayTypeSymbol)
                {
                    if (!f.IsReadOnly) return; // the field's type is reported (DRV0013)
                    VisitStaticTable(StripImplicitConversions(value));
                    return;
                }
                // A problem inside the value (new C(), a runtime call) is the more specific report.
                int before = reported;
                Visit(value);
                if (reported == before && !StaticInitializers.IsConstant(value))
                    Report(Descriptors.StaticInitializer, value.Syntax.GetLocation(), DriverSymbols.Snippet(value.Syntax), StaticInitializers.Why(value));
                return;
            }
        }

        /// <summary>The initializer of a <c>static readonly</c> array: a table of constants.</summary>
        private void VisitStaticTable(IOperation value)
        {
            IArrayInitializerOperation? init = null;
            if (value is IArrayCreationOperation ac)
            {
                init = ac.Initializer;
                if (init == null)
                {
                    Report(Descriptors.StaticInitializer, value.Syntax.GetLocation(), DriverSymbols.Snippet(value.Syntax), StaticInitializers.Why(value));
                    return;
                }
            }
            else if (value is ICollectionExpressionOperation ce)
            {
                foreach (var e in ce.Elements) CheckTableElement(e);
                return;
            }
            else
            {
                Report(Descriptors.StaticInitializer, value.Syntax.GetLocation(), DriverSymbols.Snippet(value.Syntax), StaticInitializers.Why(value));
                return;
            }
            foreach (var e in init.ElementValues) CheckTableElement(e);
        }

        private void CheckTableElement(IOperation e)
        {
            int before = reported;
            Visit(e);
            if (reported == before && !e.ConstantValue.HasValue && !StripImplicitConversions(e).ConstantValue.HasValue
                && !StaticInitializers.IsNullPointer(e) && !StaticInitializers.IsAddressConstant(e))
                Report(Descriptors.StaticInitializer, e.Syntax.GetLocation(), DriverSymbols.Snippet(e.Syntax), StaticInitializers.Why(e));
        }

        /// <summary>
        /// Deeper trees than this are rejected rather than walked: the walk (and Roslyn's lazy
        /// operation tree under it) recurses, and a stack overflow would kill drvc or the IDE.
        /// No driver needs an expression or statement nested this deep.
        /// </summary>
        public const int MaxDepth = 300;
        private int depth;

        public void Visit(IOperation? op)
        {
            if (op == null) return;
            if (depth >= MaxDepth)
            {
                Unsupported(op, "nested more than " + MaxDepth + " levels deep");
                return;
            }
            depth++;
            try
            {
                VisitCore(op);
            }
            finally
            {
                depth--;
            }
        }

        private void VisitCore(IOperation op)
        {
            switch (op.Kind)
            {
                // Structure and statements the lowering supports: check the children.
                case OperationKind.Block:
                case OperationKind.MethodBody:
                case OperationKind.ConstructorBody:
                case OperationKind.ExpressionStatement:
                case OperationKind.VariableDeclarationGroup:
                case OperationKind.VariableDeclarator:
                case OperationKind.VariableInitializer:
                case OperationKind.ParameterInitializer:
                case OperationKind.Branch:
                case OperationKind.Labeled:
                case OperationKind.Empty:
                case OperationKind.Return:
                case OperationKind.Increment:
                case OperationKind.Decrement:
                case OperationKind.LocalReference:
                case OperationKind.ParameterReference:
                case OperationKind.InstanceReference:
                case OperationKind.Argument:
                case OperationKind.FunctionPointerInvocation:
                case OperationKind.InlineArrayAccess:
                case OperationKind.ArrayElementReference:
                case OperationKind.ArrayInitializer:
                case OperationKind.ObjectOrCollectionInitializer:
                case OperationKind.MemberInitializer:
                case OperationKind.SwitchCase:
                    CheckUserOperator(op);
                    VisitChildren(op);
                    return;

                case OperationKind.NameOf:
                    return; // a constant string; its argument is only a name

                case OperationKind.SizeOf:
                    if (op.Syntax is SizeOfExpressionSyntax so) CheckTypeAt(((ISizeOfOperation)op).TypeOperand, so.Type);
                    return;
                case OperationKind.DefaultValue:
                    if (op.Syntax is DefaultExpressionSyntax dx) CheckTypeAt(op.Type, dx.Type);
                    return;

                case OperationKind.Invalid:
                    return; // Roslyn reports the error

                case OperationKind.Literal:
                    VisitLiteral(op);
                    return;
                case OperationKind.VariableDeclaration:
                    VisitVariableDeclaration((IVariableDeclarationOperation)op);
                    return;
                case OperationKind.DeclarationExpression:
                    if (op.Syntax is DeclarationExpressionSyntax de && !de.Type.IsVar)
                        CheckTypeAt(op.Type, de.Type);
                    VisitChildren(op);
                    return;
                case OperationKind.Conditional:
                    if (((IConditionalOperation)op).IsRef) { Report(Descriptors.RefKinds, op.Syntax); return; }
                    VisitChildren(op);
                    return;
                case OperationKind.SimpleAssignment:
                    if (((ISimpleAssignmentOperation)op).IsRef) { Report(Descriptors.RefKinds, op.Syntax); return; }
                    VisitChildren(op);
                    return;
                case OperationKind.Binary:
                case OperationKind.Unary:
                case OperationKind.CompoundAssignment:
                    VisitOperator(op);
                    return;
                case OperationKind.Conversion:
                    VisitConversion((IConversionOperation)op);
                    return;
                case OperationKind.FieldReference:
                    VisitFieldReference((IFieldReferenceOperation)op);
                    return;
                case OperationKind.PropertyReference:
                    VisitPropertyReference((IPropertyReferenceOperation)op);
                    return;
                case OperationKind.Invocation:
                    VisitInvocation((IInvocationOperation)op);
                    return;
                case OperationKind.ObjectCreation:
                    VisitObjectCreation((IObjectCreationOperation)op);
                    return;
                case OperationKind.AddressOf:
                    {
                        var target = ((IAddressOfOperation)op).Reference;
                        if (target is IMethodReferenceOperation mr)
                        {
                            // &Method: a C function pointer. The method must be one the driver can name in C.
                            if (!DriverSymbols.IsInSource(mr.Method.OriginalDefinition) && !k.HasCBinding(mr.Method))
                                Report(Descriptors.RuntimeLibrary, op.Syntax.GetLocation(), DriverSymbols.Snippet(op.Syntax), Display(mr.Method));
                            return;
                        }
                        CheckPackedAddress(target, op.Syntax);
                        VisitChildren(op);
                        return;
                    }
                case OperationKind.Loop:
                    VisitLoop((ILoopOperation)op);
                    return;
                case OperationKind.Switch:
                    {
                        var sw = (ISwitchOperation)op;
                        Visit(sw.Value);
                        foreach (var c in sw.Cases)
                        {
                            foreach (var clause in c.Clauses) VisitCaseClause(clause);
                            foreach (var s in c.Body) Visit(s);
                        }
                        return;
                    }
                case OperationKind.None:
                    VisitNone(op);
                    return;

                // Rejected, with a specific id.
                case OperationKind.ArrayCreation:
                    Report(Descriptors.HeapArray, op.Syntax);
                    VisitChildren(op);
                    return;
                case OperationKind.CollectionExpression:
                    if (op.Type is IArrayTypeSymbol) Report(Descriptors.HeapArray, op.Syntax);
                    else Unsupported(op, "collection expression");
                    return;
                case OperationKind.AnonymousObjectCreation:
                    Report(Descriptors.ClassInstance, op.Syntax);
                    return;
                case OperationKind.Try:
                    ReportAtToken(Descriptors.Exceptions, op.Syntax);
                    VisitTryBodies((ITryOperation)op);
                    return;
                case OperationKind.Throw:
                    ReportAtToken(Descriptors.Exceptions, op.Syntax);
                    return;
                case OperationKind.Using:
                case OperationKind.UsingDeclaration:
                case OperationKind.Lock:
                    ReportAtToken(Descriptors.ResourceStatements, op.Syntax);
                    VisitResourceBodies(op);
                    return;
                case OperationKind.AnonymousFunction:
                case OperationKind.DelegateCreation:
                case OperationKind.TranslatedQuery:
                    Report(Descriptors.LambdasDelegates, op.Syntax);
                    return;
                case OperationKind.LocalFunction:
                    if (op.Syntax is LocalFunctionStatementSyntax lf)
                        Report(Descriptors.LambdasDelegates, lf.Identifier.GetLocation(), "local function " + lf.Identifier.ValueText);
                    else Report(Descriptors.LambdasDelegates, op.Syntax);
                    return;
                case OperationKind.MethodReference:
                    Report(Descriptors.LambdasDelegates, op.Syntax);
                    return;
                case OperationKind.Await:
                    ReportAtToken(Descriptors.AsyncIterators, op.Syntax);
                    VisitChildren(op);
                    return;
                case OperationKind.YieldReturn:
                case OperationKind.YieldBreak:
                    ReportAtToken(Descriptors.AsyncIterators, op.Syntax);
                    VisitChildren(op);
                    return;
                case OperationKind.DynamicInvocation:
                case OperationKind.DynamicMemberReference:
                case OperationKind.DynamicIndexerAccess:
                case OperationKind.DynamicObjectCreation:
                    Report(Descriptors.Dynamic, op.Syntax);
                    return;
                case OperationKind.Tuple:
                case OperationKind.DeconstructionAssignment:
                    Report(Descriptors.Tuples, op.Syntax);
                    return;
                case OperationKind.IsPattern:
                    {
                        var ip = (IIsPatternOperation)op;
                        Visit(ip.Value);
                        Report(Descriptors.Patterns, ip.Pattern.Syntax);
                        return;
                    }
                case OperationKind.IsType:
                    {
                        var it = (IIsTypeOperation)op;
                        Visit(it.ValueOperand);
                        var s = op.Syntax is BinaryExpressionSyntax b ? b.Right : op.Syntax;
                        Report(Descriptors.Patterns, s);
                        return;
                    }
                case OperationKind.SwitchExpression:
                    {
                        var se = (ISwitchExpressionOperation)op;
                        Visit(se.Value);
                        var loc = op.Syntax is SwitchExpressionSyntax ses ? ses.SwitchKeyword.GetLocation() : op.Syntax.GetLocation();
                        Report(Descriptors.Patterns, loc, DriverSymbols.Snippet(op.Syntax));
                        return;
                    }
                case OperationKind.InterpolatedString:
                case OperationKind.Utf8String:
                    Report(Descriptors.StringManipulation, op.Syntax);
                    return;
                case OperationKind.TypeParameterObjectCreation:
                    Report(Descriptors.Generics, op.Syntax);
                    return;
                case OperationKind.EventReference:
                case OperationKind.EventAssignment:
                case OperationKind.RaiseEvent:
                    Report(Descriptors.UnsupportedMember, op.Syntax.GetLocation(), DriverSymbols.Snippet(op.Syntax), "event");
                    return;

                // Rejected, general.
                case OperationKind.TypeOf:
                    Unsupported(op, "typeof: reflection");
                    return;
                case OperationKind.Discard:
                    Unsupported(op, "discard");
                    return;
                case OperationKind.ConditionalAccess:
                    Unsupported(op, "null-conditional access");
                    return;
                case OperationKind.Coalesce:
                case OperationKind.CoalesceAssignment:
                    Unsupported(op, "null-coalescing operator");
                    return;
                case OperationKind.Range:
                case OperationKind.ImplicitIndexerReference:
                    Unsupported(op, "index or range");
                    return;
                case OperationKind.With:
                    Unsupported(op, "with expression");
                    return;
                default:
                    Unsupported(op, KindName(op.Kind));
                    return;
            }
        }

        private static string KindName(OperationKind kind)
        {
            // "ConditionalAccess" -> "conditional access"
            var name = kind.ToString();
            var sb = new System.Text.StringBuilder(name.Length + 4);
            foreach (char c in name)
            {
                if (char.IsUpper(c) && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }

        private static string Display(ISymbol s) => s.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

        private void VisitLiteral(IOperation op)
        {
            switch (op.Type?.SpecialType)
            {
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                    Report(Descriptors.FloatingPoint, op.Syntax);
                    return;
                case SpecialType.System_Char:
                    // ('p' << 8) | 1: a char literal converted to an integer at once is that integer
                    if (op.Parent is IConversionOperation conv && conv.Type != null && conv.Type.SpecialType != SpecialType.System_Char
                        && (conv.Type.SpecialType >= SpecialType.System_SByte && conv.Type.SpecialType <= SpecialType.System_UInt64
                            || conv.Type.TypeKind == TypeKind.Enum))
                        return;
                    Report(Descriptors.UnsupportedType, op.Syntax.GetLocation(), "char");
                    return;
            }
        }

        private void CheckTypeAt(ITypeSymbol? type, TypeSyntax syntax, TypeUse use = TypeUse.Value)
        {
            var problem = TypeRules.Check(type, use, k);
            if (problem != null)
                Report(problem.Value.Descriptor, syntax.GetLocation(), TypeRules.Args(problem.Value, syntax));
        }

        private void VisitVariableDeclaration(IVariableDeclarationOperation op)
        {
            if (op.Syntax is VariableDeclarationSyntax vds && op.Declarators.Length > 0)
            {
                var local = op.Declarators[0].Symbol;
                if (local.IsRef || vds.Type is RefTypeSyntax)
                {
                    Report(Descriptors.RefKinds, vds.Type);
                    return;
                }
                if (!vds.Type.IsVar) CheckTypeAt(local.Type, vds.Type);
            }
            VisitChildren(op);
        }

        /// <summary>User-defined operators that are not the DSL's: source ones are reported at their declaration.</summary>
        private bool CheckUserOperator(IOperation op)
        {
            IMethodSymbol? method = op switch
            {
                IBinaryOperation b => b.OperatorMethod,
                IUnaryOperation u => u.OperatorMethod,
                ICompoundAssignmentOperation c => c.OperatorMethod,
                IIncrementOrDecrementOperation i => i.OperatorMethod,
                _ => null,
            };
            if (method == null || DriverSymbols.IsInSource(method.OriginalDefinition)) return false;
            if (method.ContainingType.SpecialType == SpecialType.System_String)
                Report(Descriptors.StringManipulation, op.Syntax);
            else
                Report(Descriptors.RuntimeLibrary, op.Syntax.GetLocation(), DriverSymbols.Snippet(op.Syntax), Display(method));
            return true;
        }

        private void VisitOperator(IOperation op)
        {
            if (CheckUserOperator(op))
            {
                foreach (var child in op.ChildOperations) Visit(StripImplicitConversions(child));
                return;
            }
            if (op is IBinaryOperation b && b.Type?.SpecialType == SpecialType.System_String
                || op is ICompoundAssignmentOperation c && c.Type?.SpecialType == SpecialType.System_String)
            {
                // string concatenation: report once; the operands' conversions to string/object are part of it
                Report(Descriptors.StringManipulation, op.Syntax);
                foreach (var child in op.ChildOperations) Visit(StripImplicitConversions(child));
                return;
            }
            if (op is IUnaryOperation u && u.OperatorKind == UnaryOperatorKind.Hat)
            {
                Unsupported(op, "index");
                return;
            }
            VisitChildren(op);
        }

        private void VisitConversion(IConversionOperation op)
        {
            var conv = op.Conversion;
            if (op.IsTryCast)
            {
                Unsupported(op, "'as' conversion");
                return;
            }
            if (op.GetConversion().IsBoxing)
            {
                Report(Descriptors.Boxing, op.Syntax.GetLocation(), DriverSymbols.Snippet(op.Syntax),
                    op.Operand.Type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "?",
                    op.Type?.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) ?? "?");
                Visit(op.Operand);
                return;
            }
            if (conv.IsUserDefined && !k.IsEndianConversion(conv.MethodSymbol)
                && conv.MethodSymbol != null && !DriverSymbols.IsInSource(conv.MethodSymbol.OriginalDefinition))
            {
                // A conversion operator of the runtime library (decimal, Span, Index...). When the
                // target type is itself outside the subset, it is reported where that type is written.
                if (op.IsImplicit && TypeRules.Check(op.Type, TypeUse.Value, k) != null) { Visit(op.Operand); return; }
                Report(Descriptors.RuntimeLibrary, op.Syntax.GetLocation(), DriverSymbols.Snippet(op.Syntax), Display(conv.MethodSymbol));
                Visit(op.Operand);
                return;
            }
            if (!op.IsImplicit && op.Syntax is CastExpressionSyntax cast)
            {
                var problem = TypeRules.Check(op.Type, TypeUse.Value, k);
                if (problem != null)
                {
                    Report(problem.Value.Descriptor, cast.Type.GetLocation(), TypeRules.Args(problem.Value, cast.Type));
                    Visit(op.Operand);
                    return;
                }
            }
            Visit(op.Operand);
        }

        private void VisitFieldReference(IFieldReferenceOperation op)
        {
            var f = op.Field;
            if (!f.IsConst && !DriverSymbols.IsInSource(f.OriginalDefinition) && !k.IsDsl(f) && !DriverSymbols.IsBinding(f) && !f.ContainingType.IsTupleType)
            {
                if (f.ContainingType.SpecialType == SpecialType.System_String)
                    Report(Descriptors.StringManipulation, op.Syntax);
                else
                    Report(Descriptors.RuntimeLibrary, op.Syntax.GetLocation(), DriverSymbols.Snippet(op.Syntax), Display(f));
                return;
            }
            Visit(op.Instance);
        }

        private void VisitPropertyReference(IPropertyReferenceOperation op)
        {
            var p = op.Property;
            if (DriverSymbols.IsInSource(p.OriginalDefinition))
            {
                VisitChildren(op); // the property is reported at its declaration (DRV0014)
                return;
            }
            // The length of a static readonly table is a constant the lowering knows.
            if (p.Name == "Length" && op.Instance?.Type is IArrayTypeSymbol && IsStaticReadonlyArray(op.Instance))
                return;
            if (p.ContainingType.SpecialType == SpecialType.System_String)
                Report(Descriptors.StringManipulation, op.Syntax);
            else
                Report(Descriptors.RuntimeLibrary, op.Syntax.GetLocation(), DriverSymbols.Snippet(op.Syntax), Display(p));
            foreach (var a in op.Arguments) Visit(a);
        }

        private static bool IsStaticReadonlyArray(IOperation? op) =>
            op != null && StripImplicitConversions(op) is IFieldReferenceOperation fr
            && fr.Field.IsStatic && fr.Field.IsReadOnly && fr.Field.Type is IArrayTypeSymbol;

        private void VisitInvocation(IInvocationOperation op)
        {
            var m = op.TargetMethod;
            var orig = (m.ReducedFrom ?? m).OriginalDefinition;
            bool cbinding = k.HasCBinding(m);
            bool allowed = cbinding || DriverSymbols.IsInSource(orig) || IsLoweredVolatileAccess(m);
            if (!allowed)
            {
                var location = op.Syntax is InvocationExpressionSyntax ies ? ies.Expression : op.Syntax;
                if (m.ContainingType?.SpecialType == SpecialType.System_String)
                    Report(Descriptors.StringManipulation, location.GetLocation(), DriverSymbols.Snippet(op.Syntax));
                else
                    Report(Descriptors.RuntimeLibrary, location.GetLocation(), DriverSymbols.Snippet(op.Syntax), Display(m));
                if (op.Instance != null) Visit(StripImplicitConversions(op.Instance));
            }
            else
            {
                Visit(op.Instance);
            }
            foreach (var arg in op.Arguments)
            {
                if (arg.ArgumentKind == ArgumentKind.ParamArray && arg.Value is IArrayCreationOperation pa && pa.IsImplicit)
                {
                    if (!cbinding && allowed)
                    {
                        // params of a C# method would be an array on the heap
                        var first = pa.Initializer?.ElementValues.FirstOrDefault();
                        Report(Descriptors.HeapArray, (first?.Syntax ?? op.Syntax).GetLocation(), DriverSymbols.Snippet(op.Syntax));
                    }
                    if (pa.Initializer != null)
                        foreach (var e in pa.Initializer.ElementValues) Visit(e);
                    continue;
                }
                if (arg.Parameter != null && arg.Parameter.RefKind != RefKind.None) CheckPackedAddress(arg.Value, arg.Syntax);
                Visit(arg);
            }
        }

        /// <summary>
        /// <c>System.Threading.Volatile.Read(ref x)</c> / <c>Write(ref x, v)</c> of an 8- to 32-bit integer: the
        /// lowering emits one C volatile access. The 64-bit overloads stay refused (two accesses on the
        /// 32-bit targets, not the single atomic one .NET promises), and so do bool (its C storage type
        /// differs between fields and variables) and the generic one.
        /// </summary>
        internal static bool IsLoweredVolatileAccess(IMethodSymbol m) =>
            m.IsStatic && !m.IsGenericMethod && m.Name is "Read" or "Write"
            && m.ContainingType is { Name: "Volatile" } t && t.ContainingNamespace?.ToDisplayString() == "System.Threading"
            && m.Parameters.Length > 0 && m.Parameters[0].RefKind != RefKind.None
            && m.Parameters[0].Type.SpecialType is SpecialType.System_SByte or SpecialType.System_Byte or SpecialType.System_Int16
                or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32;

        /// <summary>
        /// DRV0027: the address of a multi-byte field of a packed struct (StructLayout Pack cut its padding).
        /// In C the struct is packed, so the field may be unaligned and GCC rejects the pointer
        /// (-Waddress-of-packed-member); a ref argument passes the same address.
        /// </summary>
        private void CheckPackedAddress(IOperation reference, SyntaxNode where)
        {
            if (!(reference is IFieldReferenceOperation f) || f.Field.IsStatic || !(f.Field.ContainingType is INamedTypeSymbol owner)
                || owner.TypeKind != TypeKind.Struct || !DriverSymbols.IsInSource(owner)) return;
            // A [CType] mirror is never emitted: the SDK declares it (and the types of its fields) with
            // the same packing, so a pointer to its field has the alignment C expects (&port->mp_MsgList).
            if (owner.GetAttributes().Any(a => a.AttributeClass?.Name == "CTypeAttribute" && k.IsDsl(a.AttributeClass))) return;
            var layout = Layout.StructLayoutCalculator.Compute(owner);
            if (!layout.IsPacked) return;
            var field = layout.Fields.FirstOrDefault(x => SymbolEqualityComparer.Default.Equals(x.Field, f.Field));
            if (field == null || field.Alignment <= 1) return;
            Report(Descriptors.PackedFieldAddress, where.GetLocation(), DriverSymbols.Snippet(where), owner.Name);
        }

        private void VisitObjectCreation(IObjectCreationOperation op)
        {
            var type = op.Type;
            var typeSyntax = (op.Syntax as ObjectCreationExpressionSyntax)?.Type ?? (SyntaxNode)op.Syntax;
            if (type == null || type.TypeKind == TypeKind.Error) return;
            if (type.TypeKind != TypeKind.Struct)
            {
                Report(Descriptors.ClassInstance, op.Syntax);
                foreach (var a in op.Arguments) Visit(a);
                return;
            }
            var problem = TypeRules.Check(type, TypeUse.Value, k);
            if (problem != null)
            {
                Report(problem.Value.Descriptor, typeSyntax.GetLocation(), TypeRules.Args(problem.Value, typeSyntax));
                return;
            }
            if (op.Arguments.Length > 0)
            {
                Report(Descriptors.StructConstructor, op.Syntax);
                return;
            }
            if (op.Initializer != null)
            {
                foreach (var init in op.Initializer.Initializers)
                {
                    if (init is ISimpleAssignmentOperation || init is IMemberInitializerOperation) Visit(init);
                    else Unsupported(init, "collection initializer");
                }
            }
        }

        private void VisitLoop(ILoopOperation loop)
        {
            if (loop is IForEachLoopOperation fe)
            {
                if (fe.IsAsynchronous && fe.Syntax is ForEachStatementSyntax afs && afs.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))
                    Report(Descriptors.AsyncIterators, afs.AwaitKeyword.GetLocation(), DriverSymbols.Snippet(afs.Expression));
                var collection = StripImplicitConversions(fe.Collection);
                if (IsStaticReadonlyArray(collection) || k.IsInlineArray(collection.Type))
                    Visit(collection);
                else if (collection.Kind != OperationKind.Invalid)
                    Report(Descriptors.ForEachCollection, collection.Syntax);
                if (fe.Syntax is ForEachStatementSyntax fs && !fs.Type.IsVar)
                    CheckTypeAt(fe.Locals.FirstOrDefault()?.Type, fs.Type);
                else if (fe.Syntax is ForEachVariableStatementSyntax fv)
                    Report(Descriptors.Tuples, fv.Variable);
                Visit(fe.Body);
                return;
            }
            VisitChildren(loop);
        }

        private void VisitCaseClause(ICaseClauseOperation clause)
        {
            switch (clause)
            {
                case ISingleValueCaseClauseOperation sv:
                    Visit(sv.Value);
                    return;
                case IDefaultCaseClauseOperation _:
                    return;
                case IPatternCaseClauseOperation pc:
                    if (pc.Guard != null && pc.Syntax is CasePatternSwitchLabelSyntax cps && cps.WhenClause != null)
                        Report(Descriptors.Patterns, cps.WhenClause);
                    else if (pc.Pattern is IConstantPatternOperation cp)
                        Visit(cp.Value);
                    else
                        Report(Descriptors.Patterns, pc.Pattern.Syntax);
                    return;
                default:
                    Unsupported(clause, "case clause");
                    return;
            }
        }

        private void VisitTryBodies(ITryOperation t)
        {
            Visit(t.Body);
            foreach (var c in t.Catches) Visit(c.Handler);
            Visit(t.Finally);
        }

        private void VisitResourceBodies(IOperation op)
        {
            switch (op)
            {
                case IUsingOperation u: Visit(u.Resources); Visit(u.Body); return;
                case IUsingDeclarationOperation ud: Visit(ud.DeclarationGroup); return;
                case ILockOperation l: Visit(l.LockedValue); Visit(l.Body); return;
            }
        }

        /// <summary>
        /// <see cref="OperationKind.None"/>: Roslyn has no IOperation for pointer indirection,
        /// pointer element access, stackalloc to a pointer and the fixed statement. Those are in
        /// the subset; anything else that shows up as None is not.
        /// </summary>
        private void VisitNone(IOperation op)
        {
            var syntax = op.Syntax;
            switch (syntax)
            {
                case PrefixUnaryExpressionSyntax pi when pi.IsKind(SyntaxKind.PointerIndirectionExpression) || pi.IsKind(SyntaxKind.AddressOfExpression):
                case FixedStatementSyntax _:
                    VisitChildren(op);
                    return;
                case ElementAccessExpressionSyntax ea when op.ChildOperations.FirstOrDefault()?.Type is IPointerTypeSymbol:
                    _ = ea;
                    VisitChildren(op);
                    return;
                case StackAllocArrayCreationExpressionSyntax sa:
                    {
                        if (sa.Type is ArrayTypeSyntax at && at.RankSpecifiers.Count > 0 && at.RankSpecifiers[0].Sizes.Count > 0)
                        {
                            var size = at.RankSpecifiers[0].Sizes[0];
                            if (!(size is OmittedArraySizeExpressionSyntax)
                                && op.SemanticModel != null && !op.SemanticModel.GetConstantValue(size).HasValue)
                            {
                                Report(Descriptors.StackallocSize, size.GetLocation(), DriverSymbols.Snippet(size));
                                return;
                            }
                        }
                        VisitChildren(op);
                        return;
                    }
                case ImplicitStackAllocArrayCreationExpressionSyntax _:
                    VisitChildren(op);
                    return;
            }
            // p->F: the implicit dereference of p.
            // (p)->F: C# binds parentheses to their content, so look past them.
            var outer = syntax;
            while (outer.Parent is ParenthesizedExpressionSyntax paren) outer = paren;
            if (op.IsImplicit && outer.Parent is MemberAccessExpressionSyntax pm
                && pm.IsKind(SyntaxKind.PointerMemberAccessExpression) && pm.Expression == outer)
            {
                VisitChildren(op);
                return;
            }
            // fixed (T* p = Table): a static readonly array (emitted as a C array) decaying to a pointer.
            if (syntax is ExpressionSyntax && outer.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FixedStatementSyntax } } }
                && op.ChildOperations.FirstOrDefault() is IFieldReferenceOperation { Field: { IsStatic: true, IsReadOnly: true, Type: IArrayTypeSymbol } })
            {
                VisitChildren(op);
                return;
            }
            // A fixed-size buffer decaying to a pointer.
            if (op.SemanticModel != null && syntax is ExpressionSyntax ex
                && op.SemanticModel.GetSymbolInfo(ex).Symbol is IFieldSymbol fb && fb.IsFixedSizeBuffer)
            {
                VisitChildren(op);
                return;
            }
            Unsupported(op, syntax.Kind().ToString());
        }
    }
}
