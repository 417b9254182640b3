/* exec/semaphores.h (test declaration, SDK names and layout): signal semaphores. */
#ifndef EXEC_SEMAPHORES_H
#define EXEC_SEMAPHORES_H

#include <exec/nodes.h>
#include <exec/lists.h>
#include <exec/tasks.h>

#pragma pack(push, 2)

/* 12 bytes */
struct SemaphoreRequest
{
    struct MinNode sr_Link;
    struct Task *sr_Waiter;
};

/* 46 bytes */
struct SignalSemaphore
{
    struct Node ss_Link;
    WORD ss_NestCount;
    struct MinList ss_WaitQueue;
    struct SemaphoreRequest ss_MultipleLink;
    struct Task *ss_Owner;
    WORD ss_QueueCount;
};

#pragma pack(pop)

#endif /* EXEC_SEMAPHORES_H */
