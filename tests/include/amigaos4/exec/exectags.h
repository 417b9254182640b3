/* exec/exectags.h (test declaration, SDK names and values): tags of exec's tag-list calls. */
#ifndef EXEC_EXECTAGS_H
#define EXEC_EXECTAGS_H

#include <utility/tagitem.h>

/* AllocVecTags() */
#define AVT_Type (TAG_USER + 1)
#define AVT_Contiguous (TAG_USER + 2)
#define AVT_Lock (TAG_USER + 3)
#define AVT_Alignment (TAG_USER + 4)
#define AVT_PhysicalAlignment (TAG_USER + 5)
#define AVT_ClearWithValue (TAG_USER + 6)

/* AllocSysObject() types */
#define ASOT_IOREQUEST 0
#define ASOT_HOOK 1
#define ASOT_INTERRUPT 2
#define ASOT_LIST 3
#define ASOT_DMAENTRY 4
#define ASOT_NODE 5
#define ASOT_PORT 6
#define ASOT_MESSAGE 7
#define ASOT_SEMAPHORE 8
#define ASOT_MUTEX 13

/* AllocSysObject() tags */
#define ASOIOR_Size (TAG_USER + 10)
#define ASOIOR_ReplyPort (TAG_USER + 11)
#define ASODMAE_NumEntries (TAG_USER + 11)

/* CreateTask() tags: AT_Param1 is passed as the entry function's first argument. */
#define AT_Param1 (TAG_USER + 1)
#define AT_Param2 (TAG_USER + 2)

/* CreateLibrary() tags */
#define CLT_Vector68K (TAG_USER + 1)
#define CLT_InitData (TAG_USER + 2)
#define CLT_InitFunc (TAG_USER + 3)
#define CLT_Seglist (TAG_USER + 8)
#define CLT_Interfaces (TAG_USER + 9)
#define CLT_DataSize (TAG_USER + 10)
#define CLT_Legacy (TAG_USER + 11)
#define CLT_NoLegacyIFace (TAG_USER + 12)

#endif /* EXEC_EXECTAGS_H */
