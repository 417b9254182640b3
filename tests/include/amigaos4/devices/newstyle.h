/* devices/newstyle.h (test declaration, NSD names, values and layout). */
#ifndef DEVICES_NEWSTYLE_H
#define DEVICES_NEWSTYLE_H

#include <exec/types.h>

#define NSCMD_DEVICEQUERY 0x4000

#define NSCMD_TD_READ64 0xC000
#define NSCMD_TD_WRITE64 0xC001
#define NSCMD_TD_SEEK64 0xC002
#define NSCMD_TD_FORMAT64 0xC003

#define NSCMD_ETD_READ64 0xE000
#define NSCMD_ETD_WRITE64 0xE001
#define NSCMD_ETD_SEEK64 0xE002
#define NSCMD_ETD_FORMAT64 0xE003

#define NSDEVTYPE_UNKNOWN 0
#define NSDEVTYPE_GAMEPORT 1
#define NSDEVTYPE_TIMER 2
#define NSDEVTYPE_KEYBOARD 3
#define NSDEVTYPE_INPUT 4
#define NSDEVTYPE_TRACKDISK 5
#define NSDEVTYPE_CONSOLE 6
#define NSDEVTYPE_SANA2 7

#pragma pack(push, 2)

/* 16 bytes */
struct NSDeviceQueryResult
{
    ULONG DevQueryFormat;
    ULONG SizeAvailable;
    UWORD DeviceType;
    UWORD DeviceSubType;
    UWORD *SupportedCommands;
};

#pragma pack(pop)

#endif /* DEVICES_NEWSTYLE_H */
