using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using DriverCompiler.Core;
using Microsoft.CodeAnalysis;

namespace DriverCompiler.Differential.Tests.Infrastructure;

/// <summary>The oracle: a corpus program compiled by Roslyn (through <see cref="DriverCompilation"/>,
/// exactly the compilation the lowering sees) and run in .NET, Probe output captured.</summary>
public static class DotNetRunner
{
    /// <summary>Slot the Probe bodies (Harness/Probe.cs) append to.</summary>
    public const string SlotName = "DriverCompiler.Probe";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Emits <paramref name="compilation"/>, loads it into a load context of its own and runs
    /// <c>Program.Run</c>. Returns the output, or an error describing why there is none.</summary>
    /// <remarks>The context is not collectible, so each program stays loaded until the process ends (about
    /// 160 KB a generated program). A collectible context keeps its statics in memory the garbage collector
    /// moves, and a driver's <c>Addr.Of(ref staticField)</c> (docs/dsl.md) is a plain pointer that a
    /// compacting collection leaves at the old copy: fuzz seed 430132 printed another value in .NET than
    /// every C target. In a context that is not collectible the runtime keeps statics where they are, as
    /// C does (corpus AddressOfStaticsAcrossCollection).</remarks>
    public static (string? Output, string? Error) Run(DriverCompilation compilation)
    {
        using var pe = new MemoryStream();
        var emit = compilation.CSharp.Emit(pe);
        if (!emit.Success)
            return (null, "Roslyn rejected the program:\n" + string.Join("\n",
                emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString())));
        pe.Position = 0;

        var alc = new AssemblyLoadContext("corpus-" + compilation.CSharp.AssemblyName, isCollectible: false);
        Assembly asm = alc.LoadFromStream(pe);
        var programs = asm.GetTypes().Where(t => t.Name == "Program").ToList();
        if (programs.Count != 1)
            return (null, $"expected exactly one type named Program, found {programs.Count}");
        var run = programs[0].GetMethod("Run", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
        if (run is null || run.ReturnType != typeof(void))
            return (null, "Program has no public static void Run()");

        var sb = new StringBuilder();
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            Thread.SetData(Thread.GetNamedDataSlot(SlotName), sb);
            try { run.Invoke(null, null); }
            catch (TargetInvocationException e) { failure = e.InnerException ?? e; }
            catch (Exception e) { failure = e; }
            finally { Thread.SetData(Thread.GetNamedDataSlot(SlotName), null); }
        }, 16 * 1024 * 1024) { IsBackground = true, Name = "corpus " + compilation.CSharp.AssemblyName };
        thread.Start();
        if (!thread.Join(Timeout))
            return (null, $"Program.Run did not return within {Timeout.TotalSeconds} s in .NET");
        if (failure is not null)
            return (null, "Program.Run threw in .NET (the corpus must be deterministic and free of exceptions):\n" + failure);
        return (sb.ToString(), null);
    }
}
