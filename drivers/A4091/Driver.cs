using DriverCompiler.Dsl;

// The A4091 Zorro III SCSI host adapter (NCR 53C710) for Amix 2.1c: one C file, a4091.c, as the
// kernel's alien/ Makefile expects, registered in sd.c's scsicard[] for the A4091 and the A4092
// (a re-implementation of the A4091 around the same 53C710).
[assembly: Driver("a4091", DriverTarget.Amix, Prefix = "a4091", Version = 1)]
[assembly: CSourceFile("a4091.c")]
[assembly: AmixScsiCard(0x02020054, "A4091 SCSI", Queue = "a4091queue")]
[assembly: AmixScsiCard(0xC0DE0001, "A4092 SCSI", Queue = "a4091queue")]
