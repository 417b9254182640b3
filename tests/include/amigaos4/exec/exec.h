/* exec/exec.h (test declaration): includes every exec header, as the SDK's does. */
#ifndef EXEC_EXEC_H
#define EXEC_EXEC_H

#include <exec/types.h>
#include <exec/nodes.h>
#include <exec/lists.h>
#include <exec/tasks.h>
#include <exec/ports.h>
#include <exec/libraries.h>
#include <exec/devices.h>
#include <exec/io.h>
#include <exec/errors.h>
#include <exec/memory.h>
#include <exec/interrupts.h>
#include <exec/semaphores.h>
#include <exec/resident.h>
#include <exec/interfaces.h>
#include <exec/exectags.h>
#include <exec/execbase.h>

#endif /* EXEC_EXEC_H */
