using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace DriverCompiler.Testing.Uae;

/// <summary>What one boot left: the serial log (ending with <c>DONE</c>) and the wall time until <c>DONE</c> showed.</summary>
public sealed record UaeBootResult(string Model, string Serial, TimeSpan Elapsed);

/// <summary>
/// The one FS-UAE runner of the tier (tests/Amix.Uae): compiles the ROM's C, links it at the Kickstart window,
/// and boots it headless on FS-UAE (xvfb-run) until the ROM reports <c>DONE</c> on the serial port. The A4091 tests
/// and the Amix character/block driver tests both build and boot through it; each adds its own sources and
/// configuration lines (the A4091 and its disks; the parallel port).
/// </summary>
public static class UaeBoot
{
    /// <summary>The harness sources in tests/Amix.Uae.</summary>
    public static string HarnessDir => System.IO.Path.Combine(RepoRoot.Path, "tests", "Amix.Uae");

    /// <summary>Flags of the harness's C (GNU C99, freestanding: no C library, no host headers).</summary>
    public static readonly string[] HarnessFlags =
        ["-m68030", "-Os", "-std=gnu99", "-ffreestanding", "-fno-builtin", "-nostdinc", "-fno-pic", "-fno-pie", "-fomit-frame-pointer",
         "-Wall", "-Wextra", "-Werror"];

    /// <summary>
    /// Flags every driver's C gets in a ROM: the strict ones (C89, -pedantic, all warnings as errors), freestanding,
    /// without host headers. A driver adds its include folders and build options.
    /// </summary>
    public static readonly string[] DriverFlags =
        ["-m68030", "-std=c89", "-pedantic", "-O2", "-Wall", "-Wextra", "-Werror", "-fwrapv", "-ffreestanding", "-fno-builtin", "-nostdinc"];

    /// <summary>The shared kernel model's sources (reset entry, serial, spl, callouts, clock, level-2 dispatch).</summary>
    public static readonly string[] KernelSources = ["start.S", "kernel.c"];

    /// <summary>Compiles <paramref name="source"/> with m68k-linux-gnu-gcc into <paramref name="work"/>; returns the object. Throws with the compiler's messages.</summary>
    public static string Compile(string work, string source, IEnumerable<string> flags, string? objectName = null)
    {
        var gcc = UaeTools.Require("m68k-linux-gnu-gcc");
        var obj = System.IO.Path.Combine(work, objectName ?? System.IO.Path.GetFileNameWithoutExtension(source) + ".o");
        string[] args = [.. flags, "-c", source, "-o", obj];
        Check(Proc.Run(gcc, args, work, TimeSpan.FromMinutes(2)), "m68k-linux-gnu-gcc", args);
        return obj;
    }

    /// <summary>Compiles a harness file of tests/Amix.Uae with <see cref="HarnessFlags"/> and the given include flags.</summary>
    public static string CompileHarness(string work, string file, IEnumerable<string> includes) =>
        file.EndsWith(".S", StringComparison.Ordinal)
            ? Compile(work, System.IO.Path.Combine(HarnessDir, file), ["-m68030"])
            : Compile(work, System.IO.Path.Combine(HarnessDir, file), [.. HarnessFlags, .. includes, "-iquote", HarnessDir]);

    /// <summary>
    /// Links <paramref name="objects"/> at 0xF80000 (rom.ld), copies out the binary and pads it with 0xFF to the 512 KiB
    /// Kickstart window; returns the image's path (<c>kick.rom</c> in <paramref name="work"/>).
    /// </summary>
    public static string Link(string work, IEnumerable<string> objects)
    {
        var gcc = UaeTools.Require("m68k-linux-gnu-gcc");
        var objcopy = UaeTools.Require("m68k-linux-gnu-objcopy");
        var elf = System.IO.Path.Combine(work, "rom.elf");
        string[] link = ["-m68030", "-nostdlib", "-static", "-Wl,--build-id=none", "-T", System.IO.Path.Combine(HarnessDir, "rom.ld"), .. objects, "-lgcc", "-o", elf];
        Check(Proc.Run(gcc, link, work, TimeSpan.FromMinutes(2)), "m68k-linux-gnu-gcc", link);
        var kick = System.IO.Path.Combine(work, "kick.rom");
        string[] copy = ["-O", "binary", elf, kick];
        Check(Proc.Run(objcopy, copy, work, TimeSpan.FromMinutes(1)), "m68k-linux-gnu-objcopy", copy);
        var image = File.ReadAllBytes(kick);
        if (image.Length > 512 * 1024) throw new InvalidOperationException($"the ROM is {image.Length} bytes, more than 512 KiB");
        File.WriteAllBytes(kick, [.. image, .. Enumerable.Repeat((byte)0xFF, 512 * 1024 - image.Length)]);
        return kick;
    }

    private static void Check(Proc.Result r, string what, IEnumerable<string> args)
    {
        if (!r.Ok) throw new InvalidOperationException(r.Describe(Proc.Show(what, args)));
    }

    /// <summary>
    /// Boots <paramref name="kick"/> as the Kickstart of <paramref name="model"/> ("A3000", "A4000/040") in
    /// <paramref name="dir"/> with a private HOME and base_dir, 2 MiB of chip RAM and no other memory, the serial port
    /// into a file, no floppy, no sound; <paramref name="config"/> adds the caller's lines (boards, disks, parallel
    /// port). Waits until a serial line reads <c>DONE</c>, then stops the processes it started (fs-uae by SIGTERM, so
    /// it flushes its disk images; then xvfb-run and its Xvfb). Throws with the serial log and FS-UAE's output when
    /// no <c>DONE</c> came within <paramref name="timeout"/>.
    /// </summary>
    public static UaeBootResult Run(string kick, string model, string dir, IEnumerable<string> config, TimeSpan timeout)
    {
        var xvfbRun = UaeTools.Require("xvfb-run");
        var fsuae = UaeTools.Require("fs-uae");
        Directory.CreateDirectory(System.IO.Path.Combine(dir, "base"));
        Directory.CreateDirectory(System.IO.Path.Combine(dir, "home"));
        var serial = System.IO.Path.Combine(dir, "serial.out");
        File.WriteAllText(serial, "");                      // FS-UAE only opens an existing file
        var cfg = new StringBuilder("[fs-uae]\n");
        cfg.Append(CultureInfo.InvariantCulture, $"base_dir = {System.IO.Path.Combine(dir, "base")}\namiga_model = {model}\nchip_memory = 2048\n");
        cfg.Append(CultureInfo.InvariantCulture, $"kickstart_file = {kick}\n");
        cfg.Append("uae_fastmem_size = 0\nuae_z3mem_size = 0\n");
        foreach (var line in config) cfg.Append(line).Append('\n');
        cfg.Append(CultureInfo.InvariantCulture, $"serial_port = {serial}\n");
        cfg.Append("fullscreen = 0\nwindow_width = 320\nwindow_height = 256\nvideo_sync = 0\nsound_card = 0\naudio_driver = dummy\n");
        cfg.Append("floppy_drive_count = 0\nautomatic_input_grab = 0\ninitial_input_grab = 0\n");
        var configFile = System.IO.Path.Combine(dir, "machine.fs-uae");
        File.WriteAllText(configFile, cfg.ToString());

        var psi = new ProcessStartInfo(xvfbRun)
        {
            WorkingDirectory = dir, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var a in new[] { "-a", "-s", "-screen 0 640x480x24", fsuae, configFile }) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = System.IO.Path.Combine(dir, "home");
        psi.Environment["LC_ALL"] = "C";
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("could not start xvfb-run");
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        string log = "";
        bool done = false;
        while (clock.Elapsed < timeout && !p.HasExited)
        {
            log = File.ReadAllText(serial);
            if (log.Split('\n').Any(l => l.TrimEnd() == "DONE")) { done = true; break; }
            Thread.Sleep(100);
        }
        var elapsed = clock.Elapsed;
        Stop(p);
        log = File.ReadAllText(serial);
        string output = stdout.Result + stderr.Result;
        if (!done)
        {
            UaeTools.FailOnMissingRuntime(output);
            var fsLog = System.IO.Path.Combine(dir, "base", "Cache", "Logs", "fs-uae.log.txt");
            throw new Xunit.Sdk.XunitException(
                $"FS-UAE ({model}) {(p.HasExited && clock.Elapsed < timeout ? "exited" : "timed out")} after {elapsed.TotalSeconds:0.0} s without DONE on the serial port\n" +
                $"--- serial ---\n{log}\n--- xvfb-run/fs-uae output ---\n{output}\n" +
                (File.Exists(fsLog) ? $"--- {fsLog} (tail) ---\n{string.Join('\n', File.ReadAllLines(fsLog).TakeLast(30))}" : ""));
        }
        return new UaeBootResult(model, log, elapsed);
    }

    /// <summary>
    /// Ends the boot. FS-UAE writes a hard disk image through a buffer: killed together with its X server it loses
    /// the last writes (the image missed the table's last WRITE). So fs-uae alone gets SIGTERM and quits cleanly
    /// ("Calling uae_quit"), flushing the image; xvfb-run then stops its Xvfb and exits. Only if that takes more
    /// than 20 s is the whole process tree killed.
    /// </summary>
    private static void Stop(Process xvfbRun)
    {
        if (xvfbRun.HasExited) { xvfbRun.WaitForExit(); return; }
        foreach (var pid in Children(xvfbRun.Id).Where(c => Comm(c) == "fs-uae"))
        {
            _ = Kill(pid, SigTerm);
        }
        if (!xvfbRun.WaitForExit(20_000)) xvfbRun.Kill(entireProcessTree: true);
        xvfbRun.WaitForExit();
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    private static IEnumerable<int> Children(int pid)
    {
        var path = $"/proc/{pid}/task/{pid}/children";
        return File.Exists(path)
            ? File.ReadAllText(path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(x => int.Parse(x, CultureInfo.InvariantCulture))
            : [];
    }

    private static string Comm(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/comm").Trim(); } catch (IOException) { return ""; }
    }
}
