/* The boot's check of the layout records (include/harness/layout.h). */
#include <string.h>
#include "harness/layout.h"
#include "harness/check.h"
#include "harness/console.h"

extern const struct harness_layout __harness_layouts_start[], __harness_layouts_end[];

unsigned harness_layouts_check(void)
{
    unsigned records = 0, disagree = 0;
    const struct harness_layout *first_bad = 0, *other = 0;
    for (const struct harness_layout *r = __harness_layouts_start; r < __harness_layouts_end; r++) {
        records++;
        for (const struct harness_layout *q = __harness_layouts_start; q < r; q++) {
            if (strcmp(q->name, r->name) != 0) continue;
            if (q->size != r->size) {
                kprintf("harness: %s is %u bytes in %s but %u bytes in %s\n", r->name, q->size, q->file, r->size, r->file);
                if (!disagree++) { first_bad = r; other = q; }
            }
            break;
        }
    }
    check(records > 0 && disagree == 0, "harness.objects_agree_on_layouts",
          "%u of %u layout records disagree (first: %s, %u vs %u bytes): objects compiled against different versions of a header",
          disagree, records, first_bad ? first_bad->name : "none", other ? other->size : 0, first_bad ? first_bad->size : 0);
    return disagree;
}
