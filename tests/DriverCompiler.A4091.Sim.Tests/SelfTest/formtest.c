/*
 * formtest.c: runs one entry point of forms.ss on the bare 53C710 model (no board, no
 * driver), after relocating the script as a loader does (LABELPATCHES and E_*_Used get the
 * addresses added), and prints the chip state for the tests:
 *   state DSPS=<hex> DSTAT=<hex> SSTAT0=<hex> ISTAT=<hex> SCRATCH=<hex> running=<0|1>
 *   memory dst=<hex> status=<hex> msg=<hex>
 * Usage: formtest ENTRY [IMAGE]   (IMAGE: a disk at SCSI ID 3 for the entries that select it)
 */
#include "ncr710.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef uint32_t u_int32_t;
#include "forms.out"

static uint8_t src[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static uint8_t dst[8];
static uint8_t identify[1] = { 0x80 };
/* Big-endian address of identify (the CPU's order); the chip fetches it as a longword, so aligned to 4. */
static uint32_t cell __attribute__((aligned(4)));
static uint8_t cdb[6];                          /* TEST UNIT READY */
static uint8_t stsbuf[1] = { 0xff }, msgbuf[1] = { 0xff };
/* The chip fetches longwords: SCRIPTS must be 4-byte aligned (the 68k ABI aligns arrays of longs to 2). */
static u_int32_t script[sizeof SCRIPT / sizeof SCRIPT[0]] __attribute__((aligned(4)));

static void patch(const u_int32_t *used, size_t n, const void *addr)
{
    size_t k;
    for (k = 0; k < n; k++) script[used[k]] += (u_int32_t)(uintptr_t)addr;
}

int main(int argc, char **argv)
{
    static struct ncr710 chip;
    struct ncr710 *c = &chip;
    uint32_t entry;
    size_t k;
    if (argc < 2) return 2;
    memcpy(script, SCRIPT, sizeof script);
    for (k = 0; k < PATCHES; k++) script[LABELPATCHES[k]] += (u_int32_t)(uintptr_t)script;
    patch(E_src_Used, sizeof E_src_Used / sizeof E_src_Used[0], src);
    patch(E_dst_Used, sizeof E_dst_Used / sizeof E_dst_Used[0], dst);
    patch(E_cell_Used, sizeof E_cell_Used / sizeof E_cell_Used[0], &cell);
    patch(E_cdb_Used, sizeof E_cdb_Used / sizeof E_cdb_Used[0], cdb);
    patch(E_stsbuf_Used, sizeof E_stsbuf_Used / sizeof E_stsbuf_Used[0], stsbuf);
    patch(E_msgbuf_Used, sizeof E_msgbuf_Used / sizeof E_msgbuf_Used[0], msgbuf);
    cell = (uint32_t)(uintptr_t)identify;       /* the 68k stores it big-endian, as the chip reads it */
    ncr710_init(c, "formtest");
    if (argc > 2) {
        struct scsi_target *t = scsi_disk_open(3, argv[2]);
        if (t == NULL) return 2;
        ncr710_attach(c, 3, t);
    }
    ncr710_host_write8(c, 0x07 + 0x40, 0x80);  /* SCID: ID 7 (through the +0x40 alias) */
    if (strcmp(argv[1], "alu") == 0) entry = Ent_alu;
    else if (strcmp(argv[1], "memmove") == 0) entry = Ent_memmove;
    else if (strcmp(argv[1], "direct") == 0) entry = Ent_direct;
    else if (strcmp(argv[1], "reselect") == 0) { entry = Ent_reselect; ncr710_host_write8(c, 0x22, 0x20); } /* ISTAT.SIGP */
    else if (strcmp(argv[1], "reselect-nosigp") == 0) entry = Ent_reselect;
    else if (strcmp(argv[1], "zero_count") == 0) entry = Ent_zero_count;
    else if (strcmp(argv[1], "bus_fault") == 0) entry = Ent_bus_fault;
    else if (strcmp(argv[1], "with_after_select") == 0) entry = Ent_with_after_select;
    else if (strcmp(argv[1], "if_after_command") == 0) entry = Ent_if_after_command;
    else return 2;
    ncr710_host_write32(c, 0x1C, 0);           /* TEMP */
    ncr710_host_write32(c, 0x2C, (uint32_t)(uintptr_t)script + entry); /* DSP: starts SCRIPTS */
    ncr710_run(c, 10000);
    if (getenv("FORMTEST_DEBUG")) fprintf(stderr, "%s script=%p\n", ncr710_describe(c), (void *)script);
    printf("state DSPS=%08x", (unsigned)ncr710_host_read32(c, 0x30));
    printf(" SCRATCH=%08x", (unsigned)ncr710_host_read32(c, 0x34));
    printf(" ISTAT=%02x", ncr710_host_read8(c, 0x22));
    printf(" DSTAT=%02x", ncr710_host_read8(c, 0x0F));
    printf(" SSTAT0=%02x", ncr710_host_read8(c, 0x0E));
    printf(" running=%d\n", c->running);
    printf("memory dst=");
    for (k = 0; k < sizeof dst; k++) printf("%02x", dst[k]);
    printf(" status=%02x msg=%02x\n", stsbuf[0], msgbuf[0]);
    return 0;
}
