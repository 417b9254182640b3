using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Globalization;
using System.Text;
using DriverCompiler.A4091.Sim.Tests.Infrastructure;
using DriverCompiler.Testing.A4091;

namespace DriverCompiler.A4091.Uae.Tests;

/// <summary>
/// The ROM image FS-UAE boots as its Kickstart (tests/Amix.Uae linked with the emitted a4091.c and the
/// scenario table as C) and the 32 KiB "A4091 ROM" that holds only the board's AutoConfig data.
/// </summary>
public sealed class UaeRom
{
    /// <summary>The 512 KiB Kickstart image.</summary>
    public string Kick { get; }
    /// <summary>The file given as <c>uae_a4091_rom_file</c>: AutoConfig nibbles only, no code.</summary>
    public string Autoconfig { get; }
    /// <summary>The scenarios in the order the ROM runs them.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    private UaeRom(string kick, string autoconfig, IReadOnlyList<Scenario> scenarios) { Kick = kick; Autoconfig = autoconfig; Scenarios = scenarios; }

    /// <summary>The harness sources in tests/Amix.Uae.</summary>
    public static string HarnessDir => Path.Combine(RepoRoot.Path, "tests", "Amix.Uae");

    /// <summary>Flags of the harness's C (GNU C99, freestanding: no C library, no host headers).</summary>
    public static readonly string[] HarnessFlags =
        ["-m68030", "-Os", "-std=gnu99", "-ffreestanding", "-fno-builtin", "-nostdinc", "-fno-pic", "-fno-pie", "-fomit-frame-pointer",
         "-Wall", "-Wextra", "-Werror"];

    /// <summary>
    /// Flags of the emitted a4091.c: the strict ones the simulator tier uses (C89, -pedantic, -Werror), freestanding,
    /// and the register write offset FS-UAE 3.1 decodes (the driver's build option; the board's default is +0x40).
    /// </summary>
    public static readonly string[] DriverFlags =
        ["-m68030", "-std=c89", "-pedantic", "-O2", "-Wall", "-Wextra", "-Werror", "-fwrapv", "-ffreestanding", "-fno-builtin", "-nostdinc",
         "-DA4091_SIOP_WRITE_OFFSET=0"];

    /// <summary>Compiles and links the ROM in <paramref name="work"/>; throws with the compiler's messages on failure.</summary>
    public static UaeRom Build(string emitted, IReadOnlyList<Scenario> scenarios, string work)
    {
        var gcc = UaeTools.Require("m68k-linux-gnu-gcc");
        var objcopy = UaeTools.Require("m68k-linux-gnu-objcopy");
        var ordered = scenarios.OrderBy(s => s.Mode).ToList();   // polled first: the ROM starts the clock at the first other one
        File.WriteAllText(Path.Combine(work, "scenarios.h"), ScenariosHeader(ordered));
        string amix = Path.Combine(RepoRoot.Path, "tests", "include", "amix");
        string runtime = Path.Combine(RepoRoot.Path, "runtime-headers");
        var objects = new List<string>();
        void Cc(string source, IEnumerable<string> flags)
        {
            var obj = Path.Combine(work, Path.GetFileNameWithoutExtension(source) + ".o");
            string[] args = [.. flags, "-c", source, "-o", obj];
            Check(Proc.Run(gcc, args, work, TimeSpan.FromMinutes(2)), "m68k-linux-gnu-gcc", args);
            objects.Add(obj);
        }
        Cc(Path.Combine(HarnessDir, "start.S"), ["-m68030"]);
        foreach (var f in new[] { "kernel.c", "dd.c", "main.c" })
            Cc(Path.Combine(HarnessDir, f), [.. HarnessFlags, "-iquote", amix, "-I", runtime, "-iquote", work, "-iquote", HarnessDir]);
        Cc(Path.Combine(emitted, "a4091.c"), [.. DriverFlags, "-I", emitted, "-iquote", amix]);
        var elf = Path.Combine(work, "rom.elf");
        string[] link = ["-m68030", "-nostdlib", "-static", "-Wl,--build-id=none", "-T", Path.Combine(HarnessDir, "rom.ld"), .. objects, "-lgcc", "-o", elf];
        Check(Proc.Run(gcc, link, work, TimeSpan.FromMinutes(2)), "m68k-linux-gnu-gcc", link);
        var kick = Path.Combine(work, "kick.rom");
        string[] copy = ["-O", "binary", elf, kick];
        Check(Proc.Run(objcopy, copy, work, TimeSpan.FromMinutes(1)), "m68k-linux-gnu-objcopy", copy);
        var image = File.ReadAllBytes(kick);
        if (image.Length > 512 * 1024) throw new InvalidOperationException($"the ROM is {image.Length} bytes, more than 512 KiB");
        File.WriteAllBytes(kick, [.. image, .. Enumerable.Repeat((byte)0xFF, 512 * 1024 - image.Length)]);
        var autoconfig = Path.Combine(work, "a4091-autoconfig.rom");
        File.WriteAllBytes(autoconfig, AutoconfigRom());
        return new UaeRom(kick, autoconfig, ordered);
    }

    private static void Check(Proc.Result r, string what, IEnumerable<string> args)
    {
        if (!r.Ok) throw new InvalidOperationException(r.Describe(Proc.Show(what, args)));
    }

    /// <summary>
    /// The A4091's Zorro III AutoConfig registers as FS-UAE reads them from the board ROM file: register i's high
    /// nibble in byte i, its low nibble in byte 0x40 + i (bits 7–4 each), every register but 0x00 inverted.
    /// er_Type 0x80 (Zorro III, no boot ROM), product 84 (0x54), er_Flags 0x30 (extended size, Zorro III),
    /// manufacturer 0x0202 (Commodore West Chester): the A4091's identity, no code.
    /// </summary>
    public static byte[] AutoconfigRom()
    {
        var regs = new Dictionary<int, int> { [0x00] = 0x80, [0x01] = 0x54, [0x02] = 0x30, [0x04] = 0x02, [0x05] = 0x02 };
        var rom = Enumerable.Repeat((byte)0xFF, 32 * 1024).ToArray();
        for (int i = 0; i < 0x20; i++)
        {
            int v = regs.GetValueOrDefault(i);
            if (i is not (0x00 or 0x10)) v = ~v & 0xFF;
            rom[i] = (byte)((v & 0xF0) | 0x0F);
            rom[0x40 + i] = (byte)(((v << 4) & 0xF0) | 0x0F);
        }
        return rom;
    }

    /// <summary>The table as main.c's <c>uae_steps[]</c>.</summary>
    public static string ScenariosHeader(IEnumerable<Scenario> scenarios)
    {
        var sb = new StringBuilder("/* scenarios.h: generated by DriverCompiler.A4091.Uae.Tests from tests/Shared/A4091Scenarios. */\n");
        sb.Append("static const struct uae_step uae_steps[] = {\n");
        foreach (var s in scenarios)
        {
            if (s.NeedsTargetFaults)
                throw new ArgumentException($"scenario {s.Name} needs a misbehaving target, which FS-UAE's cannot be (ScenarioTable.OnFsUae)");
            sb.Append(CultureInfo.InvariantCulture, $"    {{ 'B', {(s.Mode == Completion.Interrupts ? 1 : 0)}, 0, 0ul, 0ul, 0ul, \"{s.Name}\" }},\n");
            foreach (var t in s.Steps)
            {
                char op = t.Op switch { Op.Inquiry => 'i', Op.Tur => 't', Op.ReadCapacity => 'c', Op.Read10 => 'r', _ => 'w' };
                sb.Append(CultureInfo.InvariantCulture, $"    {{ '{op}', {t.Id}, {t.Group}, {t.Lba}ul, {t.Count}ul, {t.Seed}ul, 0 }},\n");
            }
        }
        sb.Append("    { 0, 0, 0, 0ul, 0ul, 0ul, 0 }\n};\n");
        return sb.ToString();
    }
}

/// <summary>One boot of an emulated Amiga: its serial log split by scenario, the disk images after it, the time it took.</summary>
public sealed record UaeResult(string Model, string Serial, IReadOnlyDictionary<string, EngineRun> Scenarios, IReadOnlyDictionary<int, string> Images, TimeSpan Elapsed);

/// <summary>Runs FS-UAE headless (xvfb-run) on the ROM with the <see cref="Bench"/> disks on the A4091's bus.</summary>
public static class UaeMachine
{
    /// <summary>
    /// Boots <paramref name="model"/> ("A3000", "A4000/040") in <paramref name="dir"/> until the serial log ends with
    /// <c>DONE</c>, then stops the processes it started (xvfb-run and its Xvfb and fs-uae).
    /// </summary>
    public static UaeResult Run(UaeRom rom, string model, string dir, TimeSpan timeout)
    {
        var xvfbRun = UaeTools.Require("xvfb-run");
        var fsuae = UaeTools.Require("fs-uae");
        Directory.CreateDirectory(Path.Combine(dir, "base"));
        Directory.CreateDirectory(Path.Combine(dir, "home"));
        var serial = Path.Combine(dir, "serial.out");
        File.WriteAllText(serial, "");                      // FS-UAE only opens an existing file
        var images = new Dictionary<int, string>();
        var cfg = new StringBuilder("[fs-uae]\n");
        cfg.Append($"base_dir = {Path.Combine(dir, "base")}\namiga_model = {model}\nchip_memory = 2048\n");
        cfg.Append($"kickstart_file = {rom.Kick}\nuae_a4091_rom_file = {rom.Autoconfig}\nuae_z3mapping = real\n");
        cfg.Append("uae_fastmem_size = 0\nuae_z3mem_size = 0\n");
        int n = 0;
        foreach (var (id, _) in Bench.Disks.OrderBy(d => d.Key))
        {
            var path = Path.Combine(dir, $"disk{id}.hdf");
            File.WriteAllBytes(path, Bench.Image(id));
            images[id] = path;
            // scsiN_a4091: SCSI ID N on the A4091; type rdb: LBA k is file offset k * 512 (no virtual RDB in front)
            cfg.Append($"hard_drive_{n} = {path}\nhard_drive_{n}_controller = scsi{id}_a4091\nhard_drive_{n}_type = rdb\n");
            n++;
        }
        cfg.Append($"serial_port = {serial}\n");
        cfg.Append("fullscreen = 0\nwindow_width = 320\nwindow_height = 256\nvideo_sync = 0\nsound_card = 0\naudio_driver = dummy\n");
        cfg.Append("floppy_drive_count = 0\nautomatic_input_grab = 0\ninitial_input_grab = 0\n");
        var config = Path.Combine(dir, "a4091.fs-uae");
        File.WriteAllText(config, cfg.ToString());

        var psi = new ProcessStartInfo(xvfbRun)
        {
            WorkingDirectory = dir, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        foreach (var a in new[] { "-a", "-s", "-screen 0 640x480x24", fsuae, config }) psi.ArgumentList.Add(a);
        psi.Environment["HOME"] = Path.Combine(dir, "home");
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
            var fsLog = Path.Combine(dir, "base", "Cache", "Logs", "fs-uae.log.txt");
            throw new Xunit.Sdk.XunitException(
                $"FS-UAE ({model}) {(p.HasExited && clock.Elapsed < timeout ? "exited" : "timed out")} after {elapsed.TotalSeconds:0.0} s without DONE on the serial port\n" +
                $"--- serial ---\n{log}\n--- xvfb-run/fs-uae output ---\n{output}\n" +
                (File.Exists(fsLog) ? $"--- {fsLog} (tail) ---\n{string.Join('\n', File.ReadAllLines(fsLog).TakeLast(30))}" : ""));
        }
        return new UaeResult(model, log, Parse($"FS-UAE {model}", log), images, elapsed);
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

    /// <summary>Splits the serial log at its <c>scenario</c> lines; each part's result, data and hash lines become outcomes.</summary>
    public static Dictionary<string, EngineRun> Parse(string engine, string log)
    {
        var runs = new Dictionary<string, EngineRun>();
        string? name = null;
        var chunk = new StringBuilder();
        void Flush()
        {
            if (name is null) return;
            var text = chunk.ToString();
            var o = SimOutput.Parse(engine, text, "");
            var hashes = text.Split('\n').Select(l => l.TrimEnd().Split(' ')).Where(f => f[0] == "hash" && f.Length == 4)
                .ToDictionary(f => f[1], f => (Len: int.Parse(f[2]["len=".Length..], CultureInfo.InvariantCulture), Fnv: uint.Parse(f[3]["fnv=".Length..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)));
            var outcomes = o.Results.Values.ToDictionary(r => r.Tag, r =>
            {
                bool read = hashes.TryGetValue(r.Tag, out var h);
                return new Outcome(r.Tag, r.Op, r.Id, r.Completions, r.Context, r.Okay, r.Status, read ? h.Len : 0, read ? h.Fnv : null, o.Data.GetValueOrDefault(r.Tag));
            });
            runs[name] = new EngineRun(engine, outcomes, $"scenario {name}\n{text}");
        }
        foreach (var line in log.Split('\n'))
        {
            if (line.StartsWith("scenario ", StringComparison.Ordinal))
            {
                Flush();
                name = line["scenario ".Length..].TrimEnd();
                chunk.Clear();
            }
            else if (line.TrimEnd() is "DONE" || line.StartsWith("int2 ", StringComparison.Ordinal)) { Flush(); name = null; }
            else chunk.Append(line.TrimEnd()).Append('\n');
        }
        Flush();
        return runs;
    }
}
