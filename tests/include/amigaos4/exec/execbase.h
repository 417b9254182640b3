/*
 * exec/execbase.h (test declaration). Only what the device skeleton reads is declared:
 * MainInterface, exec's own interface, which a program started from the shell takes from the
 * ExecBase passed to _start. The SDK's other members (between LibNode and MainInterface) are
 * left out, so this layout is NOT the SDK's; the harness defines its ExecBase from this header.
 */
#ifndef EXEC_EXECBASE_H
#define EXEC_EXECBASE_H

#include <exec/libraries.h>
#include <exec/interfaces.h>

struct ExecBase
{
    struct Library LibNode;
    struct Interface *MainInterface;
};

#endif /* EXEC_EXECBASE_H */
