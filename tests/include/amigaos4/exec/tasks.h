/*
 * exec/tasks.h (test declaration): the driver only passes struct Task pointers around
 * (FindTask, Signal, mp_SigTask); the members it never touches are not declared, so the
 * type is incomplete here. The harness defines its own task control block.
 */
#ifndef EXEC_TASKS_H
#define EXEC_TASKS_H

#include <exec/nodes.h>

struct Task;

#define SIGB_ABORT 0
#define SIGB_CHILD 1
#define SIGB_SINGLE 4
#define SIGF_ABORT (1L << 0)
#define SIGF_CHILD (1L << 1)
#define SIGF_SINGLE (1L << 4)

#endif /* EXEC_TASKS_H */
