/* exec/lists.h (test declaration, SDK names and layout). */
#ifndef EXEC_LISTS_H
#define EXEC_LISTS_H

#include <exec/nodes.h>

#pragma pack(push, 2)

/* 14 bytes */
struct List
{
    struct Node *lh_Head;
    struct Node *lh_Tail;
    struct Node *lh_TailPred;
    UBYTE lh_Type;
    UBYTE l_pad;
};

/* 12 bytes */
struct MinList
{
    struct MinNode *mlh_Head;
    struct MinNode *mlh_Tail;
    struct MinNode *mlh_TailPred;
};

#pragma pack(pop)

#endif /* EXEC_LISTS_H */
