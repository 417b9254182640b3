/* exec/ports.h (test declaration, SDK names and layout): messages and message ports. */
#ifndef EXEC_PORTS_H
#define EXEC_PORTS_H

#include <exec/lists.h>
#include <exec/tasks.h>

#pragma pack(push, 2)

/* 34 bytes */
struct MsgPort
{
    struct Node mp_Node;
    UBYTE mp_Flags;
    UBYTE mp_SigBit;
    APTR mp_SigTask;
    struct List mp_MsgList;
};

/* 20 bytes */
struct Message
{
    struct Node mn_Node;
    struct MsgPort *mn_ReplyPort;
    UWORD mn_Length;
};

#pragma pack(pop)

#define PF_ACTION 3
#define PA_SIGNAL 0
#define PA_SOFTINT 1
#define PA_IGNORE 2

#endif /* EXEC_PORTS_H */
