using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DriverCompiler.Analyzers
{
    /// <summary>
    /// Extra layout checks for structs whose layout the hardware fixes ([Mmio] register blocks and
    /// [Dma] structures), on top of the overlap/alignment rules every struct gets (DRV0110-0112):
    /// <list type="bullet">
    /// <item>DRV0113: a field whose declaration ends with an offset comment (<c>// 0x14</c> or
    /// <c>/* 0x14 */</c>, hexadecimal, as register tables in manuals and specs list them) that
    /// differs from the offset the layout gives it: usually a missing reserved/padding field.</item>
    /// <item>DRV0114: <c>[StructLayout(Size = n)]</c> smaller than the fields need; the CLR (and the
    /// emitted C) silently make the struct larger than the register window it describes.</item>
    /// </list>
    /// Offsets are the ones <see cref="Layout.StructLayoutCalculator"/> computes for the targets.
    /// </summary>
    internal static class DeviceLayoutChecker
    {
        private static readonly Regex OffsetComment = new Regex(@"^(?://|/\*)\s*(?:offset\s*)?0[xX](?<hex>[0-9A-Fa-f]{1,8})\b",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        public static void Check(SymbolAnalysisContext ctx, INamedTypeSymbol type, Layout.StructLayoutInfo layout)
        {
            foreach (var field in layout.Fields)
            {
                var declarator = field.Field.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ctx.CancellationToken))
                    .OfType<VariableDeclaratorSyntax>().FirstOrDefault();
                if (!(declarator?.Parent?.Parent is FieldDeclarationSyntax declaration)) continue;
                // The comment after the declaration's semicolon, on the same line.
                var comment = declaration.SemicolonToken.TrailingTrivia
                    .FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia) || t.IsKind(SyntaxKind.MultiLineCommentTrivia));
                if (comment.RawKind == 0) continue;
                // `int A, B; // 0x04` documents the first field only.
                if (declaration.Declaration.Variables[0] != declarator) continue;
                var m = OffsetComment.Match(comment.ToString());
                if (!m.Success) continue;
                long documented = long.Parse(m.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (documented == field.Offset) continue;
                ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.DocumentedOffset, comment.GetLocation(),
                    field.Field.Name, "0x" + documented.ToString("X2", CultureInfo.InvariantCulture), "0x" + field.Offset.ToString("X2", CultureInfo.InvariantCulture)));
            }

            foreach (var a in type.GetAttributes())
            {
                if (a.AttributeClass?.Name != "StructLayoutAttribute" || a.AttributeClass.ToDisplayString() != "System.Runtime.InteropServices.StructLayoutAttribute") continue;
                foreach (var na in a.NamedArguments)
                {
                    if (na.Key != "Size" || !(na.Value.Value is int size) || size <= 0) continue;
                    int needed = layout.Fields.Count == 0 ? 0 : layout.Fields.Max(f => f.Offset + f.Size);
                    if (size >= needed) continue;
                    var syntax = a.ApplicationSyntaxReference?.GetSyntax(ctx.CancellationToken) as AttributeSyntax;
                    var arg = syntax?.ArgumentList?.Arguments.FirstOrDefault(x => x.NameEquals?.Name.Identifier.ValueText == "Size");
                    var loc = arg?.GetLocation() ?? type.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
                    ctx.ReportDiagnostic(Diagnostic.Create(Descriptors.DeclaredSize, loc, type.Name, size, needed, layout.Size));
                }
            }
        }
    }
}
