using DriverCompiler.Dsl;

[assembly: Driver("virtioscsi", DriverTarget.AmigaOS4, Prefix = "vscsi", Version = 53, Revision = 12)]
