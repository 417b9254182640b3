/*
 * Layout records: every translation unit that includes a header declaring a struct the harness
 * shares between objects (exec_stats, struct Task, struct htask, ...) carries one record of that
 * struct's size as the unit saw it, in the section "harness_layouts" (link.ld keeps it). At boot
 * harness_layouts_check() compares the records: an image linked from objects compiled against two
 * versions of one header (a stale object, or a header edited while make ran) fails there by name,
 * instead of reading one struct's fields at the other's offsets (issue 9: the selftest read
 * SysBase's value as exec_stats.errors and reported 1118500 misuse reports).
 */
#ifndef HARNESS_LAYOUT_H
#define HARNESS_LAYOUT_H

#include <stdint.h>

struct harness_layout {
    const char *name;       /* the struct as spelled in the header */
    const char *file;       /* the translation unit that saw it */
    uint32_t size;          /* sizeof in that unit, bytes */
};

#define HARNESS_LAYOUT_CAT2(a, b) a##b
#define HARNESS_LAYOUT_CAT(a, b) HARNESS_LAYOUT_CAT2(a, b)
/* One record of `type` for the including unit (at file scope, in the header after the struct). */
#define HARNESS_LAYOUT(tag, type) \
    static const struct harness_layout HARNESS_LAYOUT_CAT(harness_layout_, tag) \
        __attribute__((used, section("harness_layouts"), aligned(4))) = { #type, __BASE_FILE__, (uint32_t)sizeof(type) }

/* Compares every record with the first of the same name; prints the check line
 * "harness.objects_agree_on_layouts" and returns the number of disagreeing records. */
unsigned harness_layouts_check(void);

#endif
