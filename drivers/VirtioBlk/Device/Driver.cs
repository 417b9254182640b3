using DriverCompiler.Dsl;

[assembly: Driver("virtioblk", DriverTarget.AmigaOS4, Prefix = "vblk", Version = 53, Revision = 1)]
