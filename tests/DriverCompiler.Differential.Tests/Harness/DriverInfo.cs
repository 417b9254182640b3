// Every corpus program is compiled as a tiny driver named "t": Program.Run lowers to t_program_run.
[assembly: DriverCompiler.Dsl.Driver("t", DriverCompiler.Dsl.DriverTarget.AmigaOS4)]
