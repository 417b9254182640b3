/*
 * libraries/mounter.h (test declaration): the 64-bit geometry of NSCMD_TD_GETGEOMETRY64, its
 * command numbers and AnnounceDeviceTags's tag, with the SDK's names. Packed to 2 bytes like the other SDK structures.
 */
#ifndef LIBRARIES_MOUNTER_H
#define LIBRARIES_MOUNTER_H

#include <exec/types.h>
#include <utility/tagitem.h>

#define NSCMD_TD_GETGEOMETRY64 0xA004
#define NSCMD_TD_CHANGEUNIT 0xA005
#define NSCMD_TD_ADDSTATCALLBACK 0xA006
#define NSCMD_TD_REMSTATCALLBACK 0xA007

/* AnnounceDeviceTags's tags: the DOS device name prefix to suggest (a string). */
#define MNTA_DosNamePrefixHint (TAG_USER + 0x1000 + 2)

#pragma pack(push, 2)

/* 28 bytes */
struct DriveGeometry64
{
    uint32 dg_SectorSize;
    uint64 dg_Reserved1;
    uint64 dg_TotalSectors;
    const struct TagItem *dg_BufMemTags;
    uint8 dg_DeviceType;
    uint8 dg_Flags;
    uint16 dg_Reserved2;
};

#pragma pack(pop)

#endif /* LIBRARIES_MOUNTER_H */
