/*
 * exec/interfaces.h (test declaration, SDK names and layout): the common head of every
 * AmigaOS 4 interface, and the tags MakeInterface/CreateLibrary take for one.
 */
#ifndef EXEC_INTERFACES_H
#define EXEC_INTERFACES_H

#include <exec/nodes.h>
#include <utility/tagitem.h>

struct Library;

#pragma pack(push, 2)

struct InterfaceData
{
    struct Node Link;
    struct Library *LibBase;
    uint32 RefCount;
    uint32 Version;
    uint32 Flags;
    uint32 CheckSum;
    uint32 PositiveSize;
    uint32 NegativeSize;
    APTR IExecPrivate;
    APTR EnvironmentVector;
    uint32 Reserved3;
    uint32 Reserved4;
};

struct Interface
{
    struct InterfaceData Data;
};

#pragma pack(pop)

/* MakeInterface() tags */
#define MIT_VectorTable (TAG_USER + 1)
#define MIT_InitData (TAG_USER + 2)
#define MIT_InitFunc (TAG_USER + 3)
#define MIT_DataSize (TAG_USER + 4)
#define MIT_Flags (TAG_USER + 5)
#define MIT_Version (TAG_USER + 6)
#define MIT_Name (TAG_USER + 9)

#endif /* EXEC_INTERFACES_H */
