/*
 * The layout of the event tests (guest/event_tests.c; EventTests.cs builds the same QEMU command line):
 * target 0 LUN 0 the harness's disk (VSCSI-T0), target 1 LUN 3 only, target 2 LUNs 5 and 300 (flat
 * space), target 3 LUNs 0..255 (null-co drives of (LUN + 1) x 64 KiB), target 4 a CD-ROM, and target 5
 * free for the hot-plugged disk. The driver numbers units by target, then by LUN as REPORT LUNS lists
 * them (ascending), and a hot-plugged LUN takes the next number.
 */
#ifndef GUEST_EVENT_CONFIG_H
#define GUEST_EVENT_CONFIG_H

#define EV_UNIT_T0 0u
#define EV_UNIT_T1L3 1u
#define EV_UNIT_T2L5 2u
#define EV_UNIT_T2L300 3u
#define EV_UNIT_T3_FIRST 4u
#define EV_MANY_LUNS 256u
#define EV_MANY_STEP (64u * 1024u)
#define EV_UNIT_CD (EV_UNIT_T3_FIRST + EV_MANY_LUNS)
#define EV_UNITS (EV_UNIT_CD + 1u)
#define EV_UNIT_HOT EV_UNITS

#define EV_PRODUCT_T1L3 "VSCSI-T1L3"
#define EV_PRODUCT_T2L5 "VSCSI-T2L5"
#define EV_PRODUCT_T2L300 "VSCSI-T2L300"
#define EV_PRODUCT_T3_LAST "VSCSI-T3L255"
#define EV_PRODUCT_HOT "VSCSI-HOT"

/* Unit 0's image is 16 MiB; the host grows it (drive d0, QMP block_resize) to this: PARAM_CHANGE on the event queue. */
#define EV_T0_GROWN_BYTES (32u * 1024u * 1024u)

/* The two CD images: the pattern of the seed (as config.h's pattern_next), 2048-byte blocks. */
#define EV_CD_SEED_A 41u
#define EV_CD_SEED_B 42u
#define EV_CD_BYTES_B (3u * 1024u * 1024u)

#endif
