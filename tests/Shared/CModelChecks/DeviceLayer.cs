using System.Text.RegularExpressions;
using DriverCompiler.Core;
using Xunit;

namespace DriverCompiler.Testing.CModelChecks;

/// <summary>
/// The AmigaOS exec device layer of a driver comes only from the driver library drivers/AmigaDevice: the files
/// that library put into the driver's output (their header says "from AmigaDevice/...") hold the layer's
/// exec calls and trackdisk commands, and no other C file of the driver does (a driver that kept its own
/// unit task, BeginIO, held change requests, NSCMD_DEVICEQUERY or DMA allocation would show them).
/// </summary>
public static class DeviceLayer
{
    /// <summary>Text only the device layer emits: the unit task's exec calls, its port and unit setup, commands
    /// BeginIO answers alike for every unit and driver, the NSD device type, contiguous DMA memory. (A driver may
    /// take other commands itself through UnitOps.Route: virtioscsi asks a removable medium for TD_CHANGENUM.)</summary>
    public static readonly string[] Markers =
    [
        "IExec->CreateTaskTags(", "IExec->GetMsg(", "IExec->PutMsg(", "ASOT_PORT", "UNITF_ACTIVE",
        "case TD_ADDCHANGEINT:", "case TD_REMCHANGEINT:", "case NSCMD_DEVICEQUERY:", "DRIVE3_5", "NSDEVTYPE_TRACKDISK", "AVT_Contiguous",
    ];

    /// <summary>The library's files in <paramref name="result"/>: <paramref name="expected"/> are among them, every
    /// marker is in one of them, and no other C file of the driver holds a marker.</summary>
    public static void ComesOnlyFromTheLibrary(CompileResult result, params string[] expected)
    {
        var library = result.Model.Where(f => Regex.IsMatch(f.HeaderComment, @"from AmigaDevice/\w+\.cs")).Select(f => f.Name).ToHashSet();
        foreach (var name in expected)
            Assert.Contains(name, library);
        var cFiles = result.Files.Where(f => f.RelativePath.EndsWith(".c", StringComparison.Ordinal) && !f.RelativePath.StartsWith("device_skeleton", StringComparison.Ordinal)).ToList();
        foreach (var marker in Markers)
        {
            Assert.Contains(cFiles, f => library.Contains(f.RelativePath) && f.Content.Contains(marker, StringComparison.Ordinal));
            var elsewhere = cFiles.Where(f => !library.Contains(f.RelativePath) && f.Content.Contains(marker, StringComparison.Ordinal)).Select(f => f.RelativePath).ToList();
            Assert.True(elsewhere.Count == 0, $"'{marker}' outside the AmigaDevice library: {string.Join(", ", elsewhere)}");
        }
    }
}
