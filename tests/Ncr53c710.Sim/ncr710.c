/*
 * ncr710.c: the 53C710 model; see ncr710.h.
 *
 * SCRIPTS decoding follows the 53C710 instruction layouts (dword0 bits 31-30 select the
 * type):
 *   00 block move: IND 29, TBL 28, OPC 27, phase 26-24, count 23-0; dword1 address, pointer
 *      address (IND) or signed 24-bit DSA offset of a {count, address} entry (TBL).
 *   01 I/O, opcode 29-27 = 000 SELECT, 001 WAIT DISCONNECT, 010 WAIT RESELECT, 011 SET,
 *      100 CLEAR; REL 26, TBL 25 (offset in dword0 bits 23-0), ATN 24, ID 23-16,
 *      ACK 0x40 / ATN 0x08 / TARGET 0x200 / CARRY 0x400; dword1 alternate address.
 *   01 register move, opcode 101 SFBR->reg, 110 reg->SFBR, 111 read-modify-write;
 *      operator 26-24 (move, SHL, OR, XOR, AND, SHR, ADD, ADC), register 22-16, data 15-8.
 *   10 transfer control, opcode 29-27 = JUMP, CALL, RETURN, INT; phase 26-24, REL 23,
 *      jump-if-true 19, compare data 18, compare phase 17, wait (WHEN) 16, mask 15-8, data 7-0.
 *   110 memory move: count 23-0, dword1 source, dword2 destination.
 * A transfer is taken when (all enabled compares hold) == bit 19, so a transfer with no
 * compare and bit 19 clear (NOP, IF FALSE) is never taken.
 *
 * WHEN versus IF/WITH (53C710 manual: a WHEN transfer control or block move waits for the target
 * to assert REQ, then compares the phase; IF, and a block move with bit 27 clear (WITH, "MOVE" as
 * opposed to "WAIT MOVE" in the 53C700 family), compare at once against the phase lines latched
 * at the last REQ): a target asserts REQ for a new phase some steps after it changed phase
 * (scsi_disk.h, REQ timing), so an IF right after a phase change compares the previous phase and
 * a WITH block move there ends in a phase mismatch (SSTAT0 M/A) without moving a byte. A block
 * move whose phase matches waits for REQ before each byte; a phase change in the middle of the
 * move is a phase mismatch once the target asserts REQ for the new phase.
 *
 * Bus behaviour modelled: a MSG OUT block move deasserts ATN before its last byte; a MSG IN
 * block move leaves ACK asserted after its last byte until CLEAR ACK (or the next transfer);
 * WAIT DISCONNECT, a SELECT on a busy bus and WAIT RESELECT without SIGP wait (the chip makes
 * no progress); a selection of an absent ID ends with SSTAT0.STO after sto_steps steps unless
 * CTEST7.STD disables the timeout; waiting for REQ with the bus free is SSTAT0.UDC.
 * Reselection: a target that disconnected (scsi_disk.h) reselects once its delay has passed, the bus is free
 * and SCRIPTS wait in WAIT RESELECT (the highest ID first, as arbitration goes); LCRC then holds the bus ID
 * bits of the reselection (the target's and the chip's own, SCID), the target sends IDENTIFY. SELECT always wins
 * arbitration (the initiator's ID 7 is the highest), so its alternate path is never taken. Reading CTEST2
 * (host or SCRIPTS) returns SIGP in bit 6 and clears ISTAT SIGP.
 * Not modelled: target mode, parity, synchronous transfers (SXFER is
 * stored only), DMA watchdog, single step (DCNTL.SSM), the FIFOs' contents.
 */
#include "ncr710.h"

#include <stdio.h>
#include <string.h>

#define PHASE_FREE (-2)
#define PHASE_WAIT_ACK (-1)

static int host_to_le(unsigned offset)
{
    offset &= 0x3Fu;
    return (int)((offset & ~3u) | (3u - (offset & 3u)));
}

static uint32_t get32(const struct ncr710 *c, int le)
{
    return (uint32_t)c->reg[le] | ((uint32_t)c->reg[le + 1] << 8) | ((uint32_t)c->reg[le + 2] << 16) | ((uint32_t)c->reg[le + 3] << 24);
}

static void set32(struct ncr710 *c, int le, uint32_t v)
{
    c->reg[le] = (uint8_t)v;
    c->reg[le + 1] = (uint8_t)(v >> 8);
    c->reg[le + 2] = (uint8_t)(v >> 16);
    c->reg[le + 3] = (uint8_t)(v >> 24);
}

static uint32_t sext24(uint32_t v)
{
    return (v & 0x800000u) ? (v | 0xFF000000u) : (v & 0xFFFFFFu);
}

int ncr710_bad_address(uint32_t addr, uint32_t len)
{
    /* The first page is never valid memory for the chip: a null or tiny address is a bus fault. */
    return addr < 0x1000u || addr + len < addr;
}

static uint8_t *mem(uint32_t addr)
{
    return (uint8_t *)(uintptr_t)addr;
}

uint32_t ncr710_mem_read32(uint32_t addr)
{
    const volatile uint8_t *p = mem(addr);
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}

void ncr710_init(struct ncr710 *c, const char *name)
{
    memset(c, 0, sizeof *c);
    c->name = name;
    c->sto_steps = 16;
    ncr710_reset(c);
}

void ncr710_reset(struct ncr710 *c)
{
    uint8_t istat_rst = c->reg[NCR_ISTAT] & NCR_ISTAT_RST;
    memset(c->reg, 0, sizeof c->reg);
    c->reg[NCR_ISTAT] = istat_rst;
    c->running = 0;
    c->carry = 0;
    c->atn = 0;
    c->sto_left = -1;
    /* The chip no longer drives the bus; a connected target keeps it (only a SCSI bus reset frees it). */
}

void ncr710_attach(struct ncr710 *c, int id, struct scsi_target *t)
{
    c->target[id] = t;
}

/* ---- interrupts ---- */

static void sync_istat(struct ncr710 *c)
{
    uint8_t v = c->reg[NCR_ISTAT] & (NCR_ISTAT_ABRT | NCR_ISTAT_RST | NCR_ISTAT_SIGP);
    if (c->reg[NCR_SSTAT0] != 0) v |= NCR_ISTAT_SIP;
    if ((c->reg[NCR_DSTAT] & 0x7F) != 0) v |= NCR_ISTAT_DIP;
    if (c->connected != NULL) v |= NCR_ISTAT_CON;
    c->reg[NCR_ISTAT] = v;
    if (c->connected != NULL) c->reg[NCR_SCNTL1] |= NCR_SCNTL1_CON;
    else c->reg[NCR_SCNTL1] &= (uint8_t)~NCR_SCNTL1_CON;
}

static void scsi_interrupt(struct ncr710 *c, uint8_t bits)
{
    c->reg[NCR_SSTAT0] |= bits;
    c->running = 0;
    sync_istat(c);
}

static void dma_interrupt(struct ncr710 *c, uint8_t bits)
{
    if (bits & NCR_DSTAT_BF) c->bus_faults++;
    c->reg[NCR_DSTAT] |= bits;
    c->running = 0;
    sync_istat(c);
}

void ncr710_external_bus_reset(struct ncr710 *c)
{
    int k;
    for (k = 0; k < 8; k++)
        if (c->target[k] != NULL) scsi_target_bus_reset(c->target[k]);
    c->connected = NULL;
    c->atn = c->ack_held = 0;
    scsi_interrupt(c, NCR_SSTAT0_RST);
}

int ncr710_irq(const struct ncr710 *c)
{
    return (c->reg[NCR_SSTAT0] & c->reg[NCR_SIEN]) != 0 || (c->reg[NCR_DSTAT] & c->reg[NCR_DIEN] & 0x7F) != 0;
}

/* ---- the bus ---- */

static int bus_phase(struct ncr710 *c)
{
    if (c->connected == NULL) return PHASE_FREE;
    int p = scsi_target_phase(c->connected);
    if (p == PHASE_FREE) { c->connected = NULL; sync_istat(c); }
    return p;
}

static void latch_phase(struct ncr710 *c, int phase)
{
    c->reg[NCR_SSTAT2] = (uint8_t)((c->reg[NCR_SSTAT2] & 0xF8) | (phase & 7));
}

static void release_ack(struct ncr710 *c)
{
    if (c->ack_held) {
        c->ack_held = 0;
        if (c->connected != NULL) scsi_target_ack_released(c->connected);
        bus_phase(c);
    }
}

/*
 * Inside a block move the chip waits for REQ before each byte: time passes until a target that
 * is about to assert REQ has done so. Returns the bus phase then (-1 if REQ will not come).
 */
static int await_req_in_move(struct ncr710 *c)
{
    int p = bus_phase(c);
    while (p == PHASE_WAIT_ACK && c->connected != NULL && scsi_target_req_coming(c->connected)) {
        scsi_target_tick(c->connected);
        c->steps++;
        p = bus_phase(c);
    }
    return p;
}

/*
 * Waits for REQ (the WHEN forms): 1 with the phase in *phase, 0 after raising UDC (the target
 * has gone), -1 when the chip must keep waiting.
 */
static int wait_req(struct ncr710 *c, int *phase)
{
    release_ack(c);
    int p = bus_phase(c);
    if (p == PHASE_FREE) { scsi_interrupt(c, NCR_SSTAT0_UDC); return 0; }
    if (p == PHASE_WAIT_ACK) return -1;
    latch_phase(c, p);
    *phase = p;
    return 1;
}

static int is_input(int phase)
{
    return phase & 1; /* I/O asserted: DATA IN, STATUS, MSG IN (and reserved 5) */
}

/* ---- instructions ---- */

static void stall(struct ncr710 *c, uint32_t pc)
{
    set32(c, NCR_DSP, pc); /* fetch the same instruction again next step */
    c->stalled = 1;
}

static uint32_t branch_target(uint32_t d0, uint32_t d1, uint32_t next, int relbit)
{
    return (d0 & (1u << relbit)) ? next + sext24(d1) : d1;
}

static void block_move(struct ncr710 *c, uint32_t pc, uint32_t d0, uint32_t d1)
{
    int phase = (int)((d0 >> 24) & 7);
    uint32_t count = d0 & 0xFFFFFFu, addr = d1, i;
    int bus;
    if (d0 & (1u << 28)) {                       /* table indirect: {count, address} at DSA + offset */
        uint32_t e = get32(c, NCR_DSA) + sext24(d1);
        if ((e & 3) != 0 || ncr710_bad_address(e, 8)) { dma_interrupt(c, NCR_DSTAT_BF); return; }
        count = ncr710_mem_read32(e) & 0xFFFFFFu;
        addr = ncr710_mem_read32(e + 4);
    } else if (d0 & (1u << 29)) {                /* indirect: dword1 holds the address of the address */
        if ((d1 & 3) != 0 || ncr710_bad_address(d1, 4)) { dma_interrupt(c, NCR_DSTAT_BF); return; }
        addr = ncr710_mem_read32(d1);
    }
    set32(c, NCR_DBC, (d0 & 0xFF000000u) | count);
    set32(c, NCR_DNAD, addr);
    if (count == 0) { dma_interrupt(c, NCR_DSTAT_IID); return; }
    if (ncr710_bad_address(addr, count)) { dma_interrupt(c, NCR_DSTAT_BF); return; }
    if (d0 & (1u << 27)) {                       /* WHEN (WAIT MOVE): wait for REQ, then compare */
        int w = wait_req(c, &bus);
        if (w < 0) { stall(c, pc); return; }
        if (w == 0) return;
    } else {                                     /* WITH: compare the latched phase now */
        release_ack(c);
        bus = bus_phase(c);
        if (bus == PHASE_FREE) { scsi_interrupt(c, NCR_SSTAT0_UDC); return; }
        if (bus >= 0) latch_phase(c, bus);
        if ((c->reg[NCR_SSTAT2] & 7) != phase) { scsi_interrupt(c, NCR_SSTAT0_MA); return; }
    }
    for (i = 0; i < count; i++) {
        bus = await_req_in_move(c);
        if (bus == PHASE_FREE) { scsi_interrupt(c, NCR_SSTAT0_UDC); break; }
        if (bus == PHASE_WAIT_ACK && i == 0) { stall(c, pc); return; } /* REQ never came: nothing moved, wait */
        if (bus != phase) {                       /* the target changed phase: phase mismatch */
            if (bus >= 0) latch_phase(c, bus);
            scsi_interrupt(c, NCR_SSTAT0_MA);
            break;
        }
        uint8_t *p = mem(addr + i);
        int last = i + 1 == count;
        if (is_input(phase)) {
            uint8_t b = scsi_target_peek(c->connected);
            *p = b;
            if (i == 0) c->reg[NCR_SFBR] = b;
            int hold = phase == SCSI_PH_MSG_IN && last;
            scsi_target_in_ack(c->connected, hold);
            if (hold && scsi_target_phase(c->connected) == PHASE_WAIT_ACK) c->ack_held = 1;
        } else {
            if (phase == SCSI_PH_MSG_OUT && last) c->atn = 0; /* ATN drops before the last message byte */
            if (i == 0) c->reg[NCR_SFBR] = *p;
            scsi_target_out(c->connected, *p, c->atn);
        }
    }
    set32(c, NCR_DBC, (d0 & 0xFF000000u) | (count - i));
    set32(c, NCR_DNAD, addr + i);
    bus = bus_phase(c);
    if (bus >= 0) latch_phase(c, bus);
    sync_istat(c);
}

static void select_target(struct ncr710 *c, uint32_t pc, uint32_t d0, uint32_t d1, uint32_t next)
{
    uint8_t ids;
    int id = -1, k;
    if (c->connected != NULL) { stall(c, pc); return; } /* arbitration waits for bus free */
    if (d0 & (1u << 25)) {                        /* table indirect: ID in bits 23-16, SXFER in 15-8 */
        uint32_t e = get32(c, NCR_DSA) + sext24(d0 & 0xFFFFFFu);
        if ((e & 3) != 0 || ncr710_bad_address(e, 4)) { dma_interrupt(c, NCR_DSTAT_BF); return; }
        uint32_t v = ncr710_mem_read32(e);
        ids = (uint8_t)(v >> 16);
        c->reg[NCR_SXFER] = (uint8_t)(v >> 8);
    } else {
        ids = (uint8_t)(d0 >> 16);
    }
    (void)d1;
    c->reg[NCR_SDID] = ids;
    for (k = 0; k < 8; k++)
        if (ids == (1u << k)) id = k;               /* the 710's destination ID is one-hot */
    if (id < 0 || (c->reg[NCR_SCID] & ids) != 0 || c->target[id] == NULL) {
        if (c->reg[NCR_CTEST7] & NCR_CTEST7_STD) { stall(c, pc); return; } /* timeout disabled */
        if (c->sto_left < 0) c->sto_left = (int)c->sto_steps;
        if (c->sto_left-- > 0) { stall(c, pc); return; }
        c->sto_left = -1;
        set32(c, NCR_DSP, next);
        scsi_interrupt(c, NCR_SSTAT0_STO);
        return;
    }
    c->connected = c->target[id];
    c->atn = (d0 & (1u << 24)) != 0;
    c->ack_held = 0;
    scsi_target_select(c->connected, c->atn);
    int p = bus_phase(c);                        /* the phase is latched once the target asserts REQ */
    if (p >= 0) latch_phase(c, p);
    sync_istat(c);
}

static void io_instruction(struct ncr710 *c, uint32_t pc, uint32_t d0, uint32_t d1, uint32_t next)
{
    int op = (int)((d0 >> 27) & 7);
    switch (op) {
    case 0: /* SELECT (initiator mode; RESELECT is the target-mode meaning, not modelled) */
        select_target(c, pc, d0, d1, next);
        break;
    case 1: /* WAIT DISCONNECT */
        if (bus_phase(c) != PHASE_FREE) stall(c, pc);
        break;
    case 2: /* WAIT RESELECT: a disconnected target that is ready reselects; SIGP takes the alternate address */
    {
        int k;
        if (c->connected == NULL)
            for (k = 7; k >= 0; k--)
                if (c->target[k] != NULL && scsi_target_reselect_ready(c->target[k])) {
                    c->connected = c->target[k];
                    c->reg[NCR_LCRC] = (uint8_t)((1u << k) | c->reg[NCR_SCID]);
                    c->atn = c->ack_held = 0;
                    scsi_target_reselected(c->connected);
                    c->reselections++;
                    sync_istat(c);
                    return;                      /* DSP: the next instruction */
                }
        if (c->reg[NCR_ISTAT] & NCR_ISTAT_SIGP) { c->sigp_wakeups++; set32(c, NCR_DSP, branch_target(d0, d1, next, 26)); }
        else stall(c, pc);
        break;
    }
    case 3: /* SET */
    case 4: /* CLEAR */
    {
        int set = op == 3;
        if (d0 & 0x008) c->atn = set;            /* (the disk model does not act on ATN outside MSG OUT) */
        if ((d0 & 0x040) && !set) release_ack(c);
        if (d0 & 0x200) { if (set) { dma_interrupt(c, NCR_DSTAT_IID); return; } } /* target mode: not modelled */
        if (d0 & 0x400) c->carry = set;
        break;
    }
    default:
        dma_interrupt(c, NCR_DSTAT_IID);
        break;
    }
}

/* CTEST2: bit 6 is SIGP; reading it clears ISTAT SIGP (53C710; NetBSD's siop_script.ss relies on it). */
static uint8_t read_ctest2(struct ncr710 *c)
{
    uint8_t v = (uint8_t)((c->reg[NCR_CTEST2] & ~0x40) | ((c->reg[NCR_ISTAT] & NCR_ISTAT_SIGP) ? 0x40 : 0));
    c->reg[NCR_ISTAT] &= (uint8_t)~NCR_ISTAT_SIGP;
    return v;
}

static int reselect_coming(const struct ncr710 *c)
{
    int k;
    for (k = 0; k < 8; k++)
        if (c->target[k] != NULL && scsi_target_reselect_coming(c->target[k])) return 1;
    return 0;
}

static void count_nexus(struct ncr710 *c)
{
    unsigned long n = c->connected != NULL ? 1 : 0;
    int k;
    for (k = 0; k < 8; k++)
        if (c->target[k] != NULL && c->target[k] != c->connected && (c->target[k]->disconnected)) n++;
    if (n > c->max_nexus) c->max_nexus = n;
}

static void register_move(struct ncr710 *c, uint32_t d0)
{
    int kind = (int)((d0 >> 27) & 7), alu = (int)((d0 >> 24) & 7);
    int regno = (int)((d0 >> 16) & 0x7F);
    unsigned data = (d0 >> 8) & 0xFF, src, res;
    if (regno >= 0x40 || (d0 & 0x800000u)) { dma_interrupt(c, NCR_DSTAT_IID); return; } /* SFBR source: 825 */
    src = kind == 5 ? c->reg[NCR_SFBR] : regno == NCR_CTEST2 ? read_ctest2(c) : c->reg[regno];
    switch (alu) {
    case 0: res = data; break;
    case 1: c->carry = (src >> 7) & 1; res = (src << 1) & 0xFF; break;
    case 2: res = src | data; break;
    case 3: res = src ^ data; break;
    case 4: res = src & data; break;
    case 5: c->carry = src & 1; res = src >> 1; break;
    case 6: res = src + data; c->carry = res > 0xFF; res &= 0xFF; break;
    default: res = src + data + (unsigned)c->carry; c->carry = res > 0xFF; res &= 0xFF; break;
    }
    if (kind == 6) c->reg[NCR_SFBR] = (uint8_t)res;
    else c->reg[regno] = (uint8_t)res;
}

static void transfer(struct ncr710 *c, uint32_t pc, uint32_t d0, uint32_t d1, uint32_t next)
{
    int op = (int)((d0 >> 27) & 7);
    int want = (d0 >> 19) & 1, cmpd = (d0 >> 18) & 1, cmpp = (d0 >> 17) & 1, wait = (d0 >> 16) & 1;
    int result = 1, phase;
    if (op > 3 || (d0 & (3u << 20))) { dma_interrupt(c, NCR_DSTAT_IID); return; } /* INTFLY, carry test: 720+ */
    if (wait) {
        int w = wait_req(c, &phase);
        if (w < 0) { stall(c, pc); return; }
        if (w == 0) return;
        if (is_input(phase)) c->reg[NCR_SFBR] = scsi_target_peek(c->connected);
    } else {                                     /* IF: the phase latched at the last REQ */
        int p = bus_phase(c);
        if (p >= 0) latch_phase(c, p);
        phase = c->reg[NCR_SSTAT2] & 7;
    }
    if (cmpp) result &= phase == (int)((d0 >> 24) & 7);
    if (cmpd) {
        unsigned mask = (d0 >> 8) & 0xFF;
        result &= (c->reg[NCR_SFBR] & ~mask & 0xFF) == (d0 & ~mask & 0xFF);
    }
    if (result != want) return;                  /* not taken: DSP already points to the next one */
    switch (op) {
    case 0: set32(c, NCR_DSP, branch_target(d0, d1, next, 23)); break;
    case 1: set32(c, NCR_TEMP, next); set32(c, NCR_DSP, branch_target(d0, d1, next, 23)); break;
    case 2: set32(c, NCR_DSP, get32(c, NCR_TEMP)); break;
    default: dma_interrupt(c, NCR_DSTAT_SIR); break; /* INT: DSPS holds dword1 */
    }
}

static void memory_move(struct ncr710 *c, uint32_t pc, uint32_t d0, uint32_t d1)
{
    uint32_t count = d0 & 0xFFFFFFu, dst;
    if (ncr710_bad_address(pc + 8, 4)) { dma_interrupt(c, NCR_DSTAT_BF); return; }
    dst = ncr710_mem_read32(pc + 8);
    set32(c, NCR_DSP, pc + 12);
    set32(c, NCR_DNAD, dst);
    if (count == 0) return;
    if (ncr710_bad_address(d1, count) || ncr710_bad_address(dst, count)) { dma_interrupt(c, NCR_DSTAT_BF); return; }
    memmove(mem(dst), mem(d1), count);
}

static void step(struct ncr710 *c)
{
    uint32_t pc = get32(c, NCR_DSP), d0, d1, next = pc + 8;
    if ((pc & 3) != 0 || ncr710_bad_address(pc, 8)) { dma_interrupt(c, NCR_DSTAT_BF); return; }
    d0 = ncr710_mem_read32(pc);
    d1 = ncr710_mem_read32(pc + 4);
    set32(c, NCR_DBC, d0);                       /* DCMD (bits 31-24) and DBC */
    set32(c, NCR_DSPS, d1);
    set32(c, NCR_DSP, next);
    switch (d0 >> 30) {
    case 0: block_move(c, pc, d0, d1); break;
    case 1:
        if (((d0 >> 27) & 7) <= 4) io_instruction(c, pc, d0, d1, next);
        else register_move(c, d0);
        break;
    case 2: transfer(c, pc, d0, d1, next); break;
    default:
        if (((d0 >> 29) & 7) == 6) memory_move(c, pc, d0, d1);
        else dma_interrupt(c, NCR_DSTAT_IID);    /* LOAD/STORE: 810 and later */
        break;
    }
}

unsigned ncr710_run(struct ncr710 *c, unsigned max_steps)
{
    unsigned n = 0;
    while (c->running && n < max_steps) {
        int k;
        if (c->connected != NULL) scsi_target_tick(c->connected); /* the target's REQ timing */
        for (k = 0; k < 8; k++)                 /* disconnected targets' time until they reselect */
            if (c->target[k] != NULL && c->target[k] != c->connected) scsi_target_reselect_tick(c->target[k]);
        c->stalled = 0;
        step(c);
        n++;
        c->steps++;
        /* Waiting for an event only the host can cause (or a bus that will not move): no point in spinning. */
        count_nexus(c);
        if (c->stalled && c->sto_left < 0 && !(c->connected != NULL && scsi_target_req_coming(c->connected)) && !reselect_coming(c)) break;
    }
    return n;
}

/* ---- host accesses ---- */

static void start(struct ncr710 *c)
{
    if (c->reg[NCR_ISTAT] & NCR_ISTAT_RST) return; /* held in reset */
    c->running = 1;
    c->starts++;
}

static uint8_t read_reg(struct ncr710 *c, int le)
{
    uint8_t v;
    switch (le) {
    case NCR_ISTAT:
        sync_istat(c);
        return c->reg[NCR_ISTAT];
    case NCR_DSTAT:                              /* read clears; DFE: the DMA FIFO is always empty here */
        v = (uint8_t)(c->reg[NCR_DSTAT] | NCR_DSTAT_DFE);
        c->reg[NCR_DSTAT] = 0;
        sync_istat(c);
        return v;
    case NCR_SSTAT0:                             /* read clears */
        v = c->reg[NCR_SSTAT0];
        c->reg[NCR_SSTAT0] = 0;
        sync_istat(c);
        return v;
    case NCR_SBCL: {
        int p = bus_phase(c);
        v = 0;
        if (p != PHASE_FREE) v |= 0x20;          /* BSY */
        if (p >= 0) v |= (uint8_t)(0x80 | p);    /* REQ, MSG C/D I/O */
        if (c->atn) v |= 0x08;
        if (c->ack_held) v |= 0x40;
        return v;
    }
    case NCR_SCNTL1:
        sync_istat(c);
        return c->reg[le];
    case NCR_CTEST2:
        return read_ctest2(c);
    default:
        return c->reg[le];
    }
}

static void write_reg(struct ncr710 *c, int le, uint8_t v)
{
    switch (le) {
    case NCR_ISTAT: {
        uint8_t old = c->reg[NCR_ISTAT];
        c->reg[NCR_ISTAT] = (uint8_t)((old & (NCR_ISTAT_SIP | NCR_ISTAT_DIP | NCR_ISTAT_CON)) | (v & (NCR_ISTAT_ABRT | NCR_ISTAT_RST | NCR_ISTAT_SIGP)));
        if ((v & NCR_ISTAT_RST) && !(old & NCR_ISTAT_RST)) ncr710_reset(c);  /* soft reset, held while set */
        if ((v & NCR_ISTAT_ABRT) && !(old & NCR_ISTAT_ABRT)) c->aborts++;
        if ((v & NCR_ISTAT_ABRT) && !(old & NCR_ISTAT_ABRT) && !(v & NCR_ISTAT_RST)) {
            c->running = 0;                      /* abort: SCRIPTS stop with DSTAT.ABRT */
            c->reg[NCR_DSTAT] |= NCR_DSTAT_ABRT;
        }
        sync_istat(c);
        break;
    }
    case NCR_SCNTL1: {
        uint8_t old = c->reg[NCR_SCNTL1];
        c->reg[NCR_SCNTL1] = (uint8_t)((v & ~NCR_SCNTL1_CON) | (old & NCR_SCNTL1_CON));
        if ((v & NCR_SCNTL1_RST) && !(old & NCR_SCNTL1_RST)) {  /* SCSI bus reset asserted */
            int k;
            c->bus_resets++;
            for (k = 0; k < 8; k++)
                if (c->target[k] != NULL) scsi_target_bus_reset(c->target[k]);
            c->connected = NULL;
            c->atn = c->ack_held = 0;
            if (c->running) c->running = 0;
            scsi_interrupt(c, NCR_SSTAT0_RST);
        }
        sync_istat(c);
        break;
    }
    case NCR_DSTAT:
    case NCR_SSTAT0:
    case NCR_SSTAT1:
    case NCR_SSTAT2:
        break;                                   /* read only */
    case NCR_DCNTL:
        c->reg[le] = (uint8_t)(v & ~NCR_DCNTL_STD);
        if (v & NCR_DCNTL_STD) start(c);
        break;
    case NCR_DSP + 3:                            /* the last byte of DSP starts SCRIPTS */
        c->reg[le] = v;
        if (!(c->reg[NCR_DMODE] & NCR_DMODE_MAN)) start(c);
        break;
    default:
        c->reg[le] = v;
        break;
    }
}

static void host_access(struct ncr710 *c, int le)
{
    if (c->running && le != NCR_ISTAT) c->unsafe_accesses++;
}

uint8_t ncr710_host_read8(struct ncr710 *c, unsigned offset)
{
    int le = host_to_le(offset);
    host_access(c, le);
    return read_reg(c, le);
}

uint32_t ncr710_host_read32(struct ncr710 *c, unsigned offset)
{
    uint32_t v = 0;
    unsigned k;
    host_access(c, host_to_le(offset));
    for (k = 0; k < 4; k++) v = (v << 8) | read_reg(c, host_to_le(offset + k));
    return v;
}

void ncr710_host_write8(struct ncr710 *c, unsigned offset, uint8_t value)
{
    int le = host_to_le(offset);
    host_access(c, le);
    write_reg(c, le, value);
}

void ncr710_host_write32(struct ncr710 *c, unsigned offset, uint32_t value)
{
    int k;
    host_access(c, host_to_le(offset));
    /* Least significant lane first, so DSP's starting byte (host offset 0x2C) comes last. */
    for (k = 3; k >= 0; k--) write_reg(c, host_to_le(offset + (unsigned)k), (uint8_t)(value >> (8 * (3 - k))));
}

const char *ncr710_describe(const struct ncr710 *c)
{
    static char buf[256];
    snprintf(buf, sizeof buf,
             "%s: running=%d DSP=0x%08x DCMD/DBC=0x%08x DSPS=0x%08x ISTAT=0x%02x DSTAT=0x%02x SSTAT0=0x%02x SSTAT2=0x%02x connected=%d steps=%lu",
             c->name, c->running, (unsigned)get32(c, NCR_DSP), (unsigned)get32(c, NCR_DBC), (unsigned)get32(c, NCR_DSPS),
             c->reg[NCR_ISTAT], c->reg[NCR_DSTAT], c->reg[NCR_SSTAT0], c->reg[NCR_SSTAT2],
             c->connected != NULL ? c->connected->id : -1, c->steps);
    return buf;
}
