/* exec/resident.h (test declaration, SDK names and layout): the ROMTag a Kickstart module starts with. */
#ifndef EXEC_RESIDENT_H
#define EXEC_RESIDENT_H

#include <exec/types.h>

#pragma pack(push, 2)

/* 26 bytes */
struct Resident
{
    UWORD rt_MatchWord;
    struct Resident *rt_MatchTag;
    APTR rt_EndSkip;
    UBYTE rt_Flags;
    UBYTE rt_Version;
    UBYTE rt_Type;
    BYTE rt_Pri;
    STRPTR rt_Name;
    STRPTR rt_IdString;
    APTR rt_Init;
};

#pragma pack(pop)

#define RTC_MATCHWORD 0x4AFC

#define RTF_AUTOINIT (1 << 7)
#define RTF_NATIVE (1 << 5)
#define RTF_AFTERDOS (1 << 2)
#define RTF_SINGLETASK (1 << 1)
#define RTF_COLDSTART (1 << 0)

#endif /* EXEC_RESIDENT_H */
