/*
 * simmain.c: the test program: A4091 boards with disks on their buses, and a list of requests
 * issued through the driver the way dd.c issues them. Output is line-oriented for the xunit
 * tests (tests/DriverCompiler.A4091.Sim.Tests):
 *
 *   result <n> op=<name> card=<c> id=<t> queued=<0|1> completions=<k> context=<queue|int2|clock|callout|none> okay=<0|1> status=0x<ss> idle=<i>
 *   data <n> <hex bytes>            (data-in commands that completed with okay=1)
 *   error <text>                    (a request that never completed, with the chip state)
 *   stats card<k> ...               (register access counts, see board.h)
 *   int2 count=<n> clock=<ticks> ram_pages=<n>   (level-2 interrupts for a board's INT2, clock ticks, sptalloc RAM pages)
 *   completions queue=<n> int2=<n> clock=<n> callout=<n>   (cp->intr calls by where they ran: inside a4091queue,
 *                                   in int2_tbl for a board's INT2, in int2_tbl for a clock tick, in a callout)
 *
 *   order <n> <first> <second>      (pair: the tags of the two requests in the order they completed)
 *
 * A fault fires on the target's N-th command (default the first): msgin answers the CDB with MESSAGE
 * REJECT and keeps the bus; hang keeps the bus without ever asserting REQ again (until a bus reset).
 *
 * After a completion with okay=1 and a status other than GOOD, the program does what dd.c's
 * ihandle does: REQUEST SENSE (16 bytes) as request <n>s, then the command again as <n>r.
 *
 * --disconnect CARD:ID:STEPS: the target disconnects after every CDB of a nexus whose IDENTIFY grants the
 * privilege, and reselects STEPS chip steps later (scsi_disk.h).
 *
 * Usage: a4091sim [--board 0xADDR]... [--disk CARD:ID:IMAGE]... [--fault CARD:ID:msgin|hang[@N]] [--disconnect CARD:ID:STEPS]
 *                 [--pace N] [--sto STEPS] [--req-delay STEPS] [--irq on|off] [--limit N] [--boot-ticks N] command...
 * --req-delay: chip steps from a target's phase change to its REQ (default SCSI_DEFAULT_REQ_DELAY, see scsi_disk.h).
 * Commands: inquiry C T [ALLOC] | tur C T | readcap C T | read6|read10 C T LBA BLOCKS
 *           | write6|write10 C T LBA BLOCKS FILE | cdb C T INBYTES HEXCDB
 *           | pair C T1 LBA1 BLOCKS1 T2 LBA2 BLOCKS2 [GAP]   (two READ(10)s queued together, or the second GAP idle
 *                          iterations after the first; tags n and n+1)
 *           | storm C N   (N external SCSI bus resets on card C, one per idle tick; prints
 *                          "storm card=C resets=N int2=<level-2 interrupts the boards raised meanwhile>")
 */
#include "board.h"
#include "kernel.h"
#include "ddsim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long limit = 200000;

static const char *context_name(int ctx, int completions)
{
    if (completions == 0) return "none";
    switch (ctx) {
    case CTX_QUEUE: return "queue";
    case CTX_INT2: return "int2";
    case CTX_CALLOUT: return "callout";
    case CTX_CLOCK: return "clock";
    default: return "thread";
    }
}

static void usage(const char *why)
{
    fprintf(stderr, "a4091sim: %s\n", why);
    exit(2);
}

static unsigned long num(const char *s)
{
    char *end;
    unsigned long v = strtoul(s, &end, 0);
    if (*s == 0 || *end != 0) usage("bad number");
    return v;
}

static void print_hex(const char *tag, const unsigned char *p, unsigned n)
{
    unsigned k;
    printf("data %s ", tag);
    for (k = 0; k < n; k++) printf("%02x", p[k]);
    printf("\n");
}

static int run(const char *tag, const char *op, int card, int id, const unsigned char *cdb,
               unsigned char *buf, unsigned nbyte, int reading, int print_data, struct dd_result *r)
{
    dd_request(card, card, id, cdb, buf, nbyte, reading, limit, r);
    printf("result %s op=%s card=%d id=%d queued=%d completions=%d context=%s okay=%d status=0x%02x idle=%lu\n",
           tag, op, card, id, r->queued, r->completions, context_name(r->context, r->completions),
           r->okay, r->status & 0xFF, r->idle);
    if (r->completions == 0) {
        int k;
        printf("error %s no completion after %lu idle iterations\n", tag, limit);
        for (k = 0; k < sim_nboards; k++) printf("error %s\n", ncr710_describe(&sim_boards[k].chip));
    }
    if (print_data && r->completions > 0 && r->okay && r->status == 0) print_hex(tag, buf, nbyte);
    return r->completions > 0 && r->okay;
}

/* One request with dd.c's CHECK CONDITION handling: REQUEST SENSE, then one retry. */
static void request(int n, const char *op, int card, int id, const unsigned char *cdb,
                    unsigned char *buf, unsigned nbyte, int reading)
{
    char tag[32];
    struct dd_result r;
    snprintf(tag, sizeof tag, "%d", n);
    if (run(tag, op, card, id, cdb, buf, nbyte, reading, reading, &r) && r.status != 0) {
        unsigned char sense_cdb[12] = { 0x03, 0, 0, 0, 16, 0 };
        unsigned char sense[16];
        memset(sense, 0, sizeof sense);
        snprintf(tag, sizeof tag, "%ds", n);
        run(tag, "request-sense", card, id, sense_cdb, sense, sizeof sense, 1, 1, &r);
        snprintf(tag, sizeof tag, "%dr", n);
        run(tag, op, card, id, cdb, buf, nbyte, reading, reading, &r);
    }
}

static unsigned char *load(const char *path, unsigned n)
{
    unsigned char *p = malloc(n ? n : 1);
    FILE *f = fopen(path, "rb");
    if (p == NULL || f == NULL || fread(p, 1, n, f) != n) usage("cannot read the data file");
    fclose(f);
    return p;
}

int main(int argc, char **argv)
{
    int i = 1, n = 0;
    unsigned sto = 0;
    long req_delay = -1;
    unsigned long boot_ticks = 0, t;
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
        const char *o = argv[i], *v;
        if (i + 1 >= argc) usage("missing option value");
        v = argv[i + 1];
        if (sim_nboards == 0 && (strcmp(o, "--disk") == 0 || strcmp(o, "--fault") == 0 || strcmp(o, "--disconnect") == 0))
            sim_add_board(0x40000000u); /* the default card */
        if (strcmp(o, "--board") == 0) {
            if (sim_add_board((uint32_t)num(v)) == NULL) usage("too many boards");
        } else if (strcmp(o, "--disconnect") == 0) {
            int card, id;
            unsigned long steps;
            if (sscanf(v, "%d:%d:%lu", &card, &id, &steps) != 3 || card < 0 || card >= sim_nboards || id < 0 || id > 7
                || sim_boards[card].chip.target[id] == NULL || steps == 0)
                usage("bad --disconnect CARD:ID:STEPS (give the --disk first)");
            sim_boards[card].chip.target[id]->disconnect_delay = (unsigned)steps;
        } else if (strcmp(o, "--disk") == 0 || strcmp(o, "--fault") == 0) {
            int card, id;
            char rest[1024];
            if (sscanf(v, "%d:%d:%1023s", &card, &id, rest) != 3 || card < 0 || card >= sim_nboards || id < 0 || id > 7)
                usage("bad CARD:ID:... (give --board first)");
            if (o[2] == 'd') {
                struct scsi_target *t = scsi_disk_open(id, rest);
                if (t == NULL) usage("cannot open the image");
                ncr710_attach(&sim_boards[card].chip, id, t);
            } else {
                struct scsi_target *t = sim_boards[card].chip.target[id];
                char *at = strchr(rest, '@');
                if (t == NULL) usage("bad fault");
                t->fault_at = 1;
                if (at != NULL) {
                    *at = 0;
                    t->fault_at = num(at + 1);
                }
                if (strcmp(rest, "msgin") == 0) t->fault = FAULT_MSGIN_AFTER_COMMAND;
                else if (strcmp(rest, "hang") == 0) t->fault = FAULT_HANG_AFTER_COMMAND;
                else usage("bad fault");
            }
        } else if (strcmp(o, "--pace") == 0) sim_pace = (unsigned)num(v);
        else if (strcmp(o, "--sto") == 0) sto = (unsigned)num(v);
        else if (strcmp(o, "--req-delay") == 0) req_delay = (long)num(v);
        else if (strcmp(o, "--irq") == 0) sim_int2_enabled = strcmp(v, "on") == 0;
        else if (strcmp(o, "--limit") == 0) limit = num(v);
        else if (strcmp(o, "--boot-ticks") == 0) boot_ticks = num(v);
        else usage("unknown option");
    }
    if (sim_nboards == 0) sim_add_board(0x40000000u);
    if (sto != 0) {
        int k;
        for (k = 0; k < sim_nboards; k++) sim_boards[k].chip.sto_steps = sto;
    }
    if (req_delay >= 0) {
        int k, id;
        for (k = 0; k < sim_nboards; k++)
            for (id = 0; id < 8; id++)
                if (sim_boards[k].chip.target[id] != NULL) sim_boards[k].chip.target[id]->req_delay = (unsigned)req_delay;
    }
    for (t = 0; t < boot_ticks; t++) sim_idle(); /* the system runs a while before the first request */
    while (i < argc) {
        const char *op = argv[i];
        unsigned char cdb[12];
        int card, id;
        memset(cdb, 0, sizeof cdb);
        if (i + 2 >= argc) usage("command needs CARD ID");
        card = (int)num(argv[i + 1]);
        id = (int)num(argv[i + 2]);
        if (strcmp(op, "storm") == 0) {
            /* storm C N: another device resets card C's SCSI bus on each of N idle ticks, with no request out. */
            unsigned long before = sim_int2_count, k;
            if (card < 0 || card >= sim_nboards) usage("bad card");
            for (k = 0; k < (unsigned long)id; k++) {
                ncr710_external_bus_reset(&sim_boards[card].chip);
                sim_idle();
            }
            printf("storm card=%d resets=%d int2=%lu\n", card, id, sim_int2_count - before);
            i += 3;
            continue;
        }
        if (strcmp(op, "pair") == 0) {
            /* pair C T1 LBA1 N1 T2 LBA2 N2: two READ(10)s queued together at sdspl */
            struct dd_io io[2];
            struct dd_result r[2];
            unsigned char cdbs[2][12], *bufs[2];
            char tags[2][32];
            int order[2], k;
            unsigned long gap = 0;
            if (i + 7 >= argc) usage("pair needs C T1 LBA1 N1 T2 LBA2 N2");
            if (i + 8 < argc && argv[i + 8][0] >= '0' && argv[i + 8][0] <= '9') gap = num(argv[i + 8]);
            for (k = 0; k < 2; k++) {
                unsigned long lba = num(argv[i + 3 + 3 * k]), blocks = num(argv[i + 4 + 3 * k]);
                memset(cdbs[k], 0, sizeof cdbs[k]);
                cdbs[k][0] = 0x28;
                cdbs[k][2] = (unsigned char)(lba >> 24);
                cdbs[k][3] = (unsigned char)(lba >> 16);
                cdbs[k][4] = (unsigned char)(lba >> 8);
                cdbs[k][5] = (unsigned char)lba;
                cdbs[k][7] = (unsigned char)(blocks >> 8);
                cdbs[k][8] = (unsigned char)blocks;
                bufs[k] = calloc(blocks ? blocks * 512 : 1, 1);
                io[k].unit = (int)num(argv[i + 2 + 3 * k]);
                io[k].cdb = cdbs[k];
                io[k].buf = bufs[k];
                io[k].nbyte = (unsigned)(blocks * 512);
                io[k].reading = 1;
            }
            dd_request_pair(card, card, io, gap, limit, r, order);
            for (k = 0; k < 2; k++) {
                snprintf(tags[k], sizeof tags[k], "%d", n + 1 + k);
                printf("result %s op=read10 card=%d id=%d queued=%d completions=%d context=%s okay=%d status=0x%02x idle=%lu\n",
                       tags[k], card, io[k].unit, r[k].queued, r[k].completions, context_name(r[k].context, r[k].completions),
                       r[k].okay, r[k].status & 0xFF, r[k].idle);
                if (r[k].completions > 0 && r[k].okay && r[k].status == 0) print_hex(tags[k], bufs[k], io[k].nbyte);
                free(bufs[k]);
            }
            printf("order %d %s %s\n", n + 1, order[0] < 0 ? "none" : tags[order[0]], order[1] < 0 ? "none" : tags[order[1]]);
            n += 2;
            i += gap > 0 ? 9 : 8;
            continue;
        }
        i += 3;
        n++;
        if (strcmp(op, "inquiry") == 0) {
            unsigned alloc = 36;
            unsigned char buf[255];
            if (i < argc && argv[i][0] >= '0' && argv[i][0] <= '9') alloc = (unsigned)num(argv[i++]);
            cdb[0] = 0x12;
            cdb[4] = (unsigned char)alloc;
            request(n, op, card, id, cdb, buf, alloc, 1);
        } else if (strcmp(op, "tur") == 0) {
            unsigned char none[1];
            request(n, op, card, id, cdb, none, 0, 0);
        } else if (strcmp(op, "readcap") == 0) {
            unsigned char buf[8];
            cdb[0] = 0x25;
            request(n, op, card, id, cdb, buf, 8, 1);
        } else if (!strcmp(op, "read6") || !strcmp(op, "read10") || !strcmp(op, "write6") || !strcmp(op, "write10")) {
            unsigned long lba, blocks;
            unsigned char *buf;
            int writing = op[0] == 'w', six = strchr(op, '6') != NULL;
            if (i + 2 + writing > argc) usage("missing LBA BLOCKS [FILE]");
            lba = num(argv[i]);
            blocks = num(argv[i + 1]);
            i += 2;
            if (writing) buf = load(argv[i++], (unsigned)(blocks * 512));
            else buf = calloc(blocks ? blocks * 512 : 1, 1);
            if (six) {
                cdb[0] = writing ? 0x0A : 0x08;
                cdb[1] = (unsigned char)((lba >> 16) & 0x1F);
                cdb[2] = (unsigned char)(lba >> 8);
                cdb[3] = (unsigned char)lba;
                cdb[4] = (unsigned char)blocks;
            } else {
                cdb[0] = writing ? 0x2A : 0x28;
                cdb[2] = (unsigned char)(lba >> 24);
                cdb[3] = (unsigned char)(lba >> 16);
                cdb[4] = (unsigned char)(lba >> 8);
                cdb[5] = (unsigned char)lba;
                cdb[7] = (unsigned char)(blocks >> 8);
                cdb[8] = (unsigned char)blocks;
            }
            request(n, op, card, id, cdb, buf, (unsigned)(blocks * 512), !writing);
            free(buf);
        } else if (strcmp(op, "cdb") == 0) {
            unsigned in, k;
            unsigned char *buf;
            const char *hex;
            if (i + 1 >= argc) usage("missing INBYTES HEXCDB");
            in = (unsigned)num(argv[i]);
            hex = argv[i + 1];
            i += 2;
            for (k = 0; k < 12 && hex[2 * k] && hex[2 * k + 1]; k++) {
                char two[3] = { hex[2 * k], hex[2 * k + 1], 0 };
                cdb[k] = (unsigned char)strtoul(two, NULL, 16);
            }
            buf = calloc(in ? in : 1, 1);
            request(n, op, card, id, cdb, buf, in, 1);
            free(buf);
        } else {
            usage("unknown command");
        }
    }
    sim_boards_report();
    printf("int2 count=%lu clock=%lu ram_pages=%lu\n", sim_int2_count, sim_clock_count, sim_ram_pages);
    printf("completions queue=%lu int2=%lu clock=%lu callout=%lu\n", dd_completions_in[CTX_QUEUE], dd_completions_in[CTX_INT2],
           dd_completions_in[CTX_CLOCK], dd_completions_in[CTX_CALLOUT]);
    return 0;
}
