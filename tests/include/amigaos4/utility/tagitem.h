/* utility/tagitem.h (test declaration, SDK names and layout). */
#ifndef UTILITY_TAGITEM_H
#define UTILITY_TAGITEM_H

#include <exec/types.h>

typedef uint32 Tag;

struct TagItem
{
    Tag ti_Tag;
    uint32 ti_Data;
};

#define TAG_DONE 0UL
#define TAG_END 0UL
#define TAG_IGNORE 1UL
#define TAG_MORE 2UL
#define TAG_SKIP 3UL
#define TAG_USER 0x80000000UL

#endif /* UTILITY_TAGITEM_H */
