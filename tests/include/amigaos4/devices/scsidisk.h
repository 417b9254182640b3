/* devices/scsidisk.h (test declaration, SDK names, values and layout). */
#ifndef DEVICES_SCSIDISK_H
#define DEVICES_SCSIDISK_H

#include <exec/types.h>

#define HD_SCSICMD 28

#pragma pack(push, 2)

/* 30 bytes */
struct SCSICmd
{
    UWORD *scsi_Data;
    ULONG scsi_Length;
    ULONG scsi_Actual;
    UBYTE *scsi_Command;
    UWORD scsi_CmdLength;
    UWORD scsi_CmdActual;
    UBYTE scsi_Flags;
    UBYTE scsi_Status;
    UBYTE *scsi_SenseData;
    UWORD scsi_SenseLength;
    UWORD scsi_SenseActual;
};

#pragma pack(pop)

#define SCSIF_WRITE 0
#define SCSIF_READ 1
#define SCSIF_NOSENSE 0
#define SCSIF_AUTOSENSE 2
#define SCSIF_OLDAUTOSENSE 6

#define HFERR_SelfUnit 40
#define HFERR_DMA 41
#define HFERR_Phase 42
#define HFERR_Parity 43
#define HFERR_SelTimeout 44
#define HFERR_BadStatus 45
#define HFERR_NoBoard 50

#endif /* DEVICES_SCSIDISK_H */
