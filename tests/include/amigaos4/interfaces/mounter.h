/*
 * interfaces/mounter.h (test declaration): mounter.library's "main" interface, declared without
 * Self as interfaces/exec.h explains; only the methods the bindings name.
 */
#ifndef MOUNTER_INTERFACE_DEF_H
#define MOUNTER_INTERFACE_DEF_H

#include <exec/interfaces.h>
#include <libraries/mounter.h>

struct MounterIFace
{
    struct InterfaceData Data;

    uint32 (*Obtain)(void);
    uint32 (*Release)(void);
    void (*Expunge)(void);
    struct Interface *(*Clone)(void);

    int32 (*AnnounceDeviceTags)(CONST_STRPTR device, uint32 unit, ...);
    void (*DenounceDevice)(CONST_STRPTR device, uint32 unit);
};

#endif /* MOUNTER_INTERFACE_DEF_H */
