/*
 * board.c: A4091 boards, the sptalloc mappings and the drv MMIO hooks; see board.h.
 */
#include "board.h"
#include "kernel.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>

#define NBPP 2048u
#define VA_PAGES 256u
#define INSTANT_STEPS 100000u /* sim_pace 0: a program's whole run, bounded */

struct sim_board sim_boards[SIM_MAX_BOARDS];
int sim_nboards;
unsigned sim_pace;

/* Kernel virtual space for sptalloc'd device pages: reserved, never accessible, so a driver
 * that dereferences a register pointer without the hooks faults at once. */
static uint8_t *va_base;
static uint32_t va_pa[VA_PAGES];
static unsigned va_used;
static unsigned long pace_count;

struct sim_board *sim_add_board(uint32_t base)
{
    struct sim_board *b;
    if (sim_nboards == SIM_MAX_BOARDS) return NULL;
    b = &sim_boards[sim_nboards];
    b->base = base;
    snprintf(b->name, sizeof b->name, "card%d", sim_nboards);
    ncr710_init(&b->chip, b->name);
    sim_nboards++;
    return b;
}

void *sim_map_pages(uint32_t pa, unsigned npages)
{
    unsigned k;
    if (va_base == NULL) {
        void *p = mmap(NULL, VA_PAGES * NBPP, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) { perror("sim: mmap"); exit(2); }
        va_base = p;
    }
    if (npages == 0 || va_used + npages > VA_PAGES) return NULL;
    for (k = 0; k < npages; k++) va_pa[va_used + k] = (pa & ~(NBPP - 1)) + k * NBPP;
    va_used += npages;
    return va_base + (va_used - npages) * NBPP + (pa & (NBPP - 1));
}

/* The board and the offset in it for a kernel virtual address, or NULL for ordinary memory. */
static struct sim_board *decode(volatile void *addr, uint32_t *offset)
{
    uintptr_t a = (uintptr_t)addr;
    uint32_t pa;
    int k;
    if (va_base == NULL || a < (uintptr_t)va_base || a >= (uintptr_t)va_base + VA_PAGES * NBPP) return NULL;
    pa = va_pa[(a - (uintptr_t)va_base) / NBPP] + (uint32_t)((a - (uintptr_t)va_base) % NBPP);
    for (k = 0; k < sim_nboards; k++)
        if (pa - sim_boards[k].base < SIM_BOARD_SIZE) {
            *offset = pa - sim_boards[k].base;
            return &sim_boards[k];
        }
    fprintf(stderr, "sim: access to unmapped physical address 0x%08x\n", (unsigned)pa);
    exit(2);
}

static int in_registers(uint32_t offset)
{
    return offset >= SIM_REGS_OFFSET && offset < SIM_REGS_OFFSET + 2 * SIM_WRITE_SHADOW;
}

void sim_boards_run(unsigned steps)
{
    int k;
    for (k = 0; k < sim_nboards; k++) ncr710_run(&sim_boards[k].chip, steps);
}

int sim_boards_irq(void)
{
    int k;
    for (k = 0; k < sim_nboards; k++)
        if (ncr710_irq(&sim_boards[k].chip)) return 1;
    return 0;
}

/* Time passes with every register access: the chips advance, then a pending interrupt is taken. */
static void after_access(void)
{
    if (sim_pace == 0) sim_boards_run(INSTANT_STEPS);
    else if (++pace_count % sim_pace == 0) sim_boards_run(1);
    sim_check_interrupts();
}

static void before_read(void)
{
    if (sim_pace == 0) sim_boards_run(INSTANT_STEPS);
}

unsigned char drv_mmio_read8(volatile void *addr)
{
    uint32_t off;
    struct sim_board *b = decode(addr, &off);
    unsigned char v;
    if (b == NULL) return *(volatile unsigned char *)addr;
    before_read();
    b->reads8++;
    if (in_registers(off)) v = ncr710_host_read8(&b->chip, off - SIM_REGS_OFFSET);
    else { b->outside++; v = 0xFF; }
    after_access();
    return v;
}

unsigned short drv_mmio_read16(volatile void *addr)
{
    uint32_t off;
    struct sim_board *b = decode(addr, &off);
    if (b == NULL) return *(volatile unsigned short *)addr;
    b->bad_width++;
    fprintf(stderr, "sim: %s: 16-bit read at board offset 0x%06x (the A4091 allows 8 and 32 bits)\n", b->name, (unsigned)off);
    after_access();
    return 0xFFFF;
}

unsigned int drv_mmio_read32(volatile void *addr)
{
    uint32_t off;
    struct sim_board *b = decode(addr, &off);
    unsigned int v;
    if (b == NULL) return *(volatile unsigned int *)addr;
    before_read();
    b->reads32++;
    if (off & 3) { b->bad_width++; v = 0xFFFFFFFFu; }
    else if (in_registers(off)) v = ncr710_host_read32(&b->chip, off - SIM_REGS_OFFSET);
    else { b->outside++; v = 0xFFFFFFFFu; }
    after_access();
    return v;
}

static void count_write(struct sim_board *b, uint32_t off)
{
    if (in_registers(off)) {
        if (off - SIM_REGS_OFFSET >= SIM_WRITE_SHADOW) b->writes_shadow++;
        else b->writes_direct++;
    } else {
        b->outside++;
    }
}

void drv_mmio_write8(volatile void *addr, unsigned char value)
{
    uint32_t off;
    struct sim_board *b = decode(addr, &off);
    if (b == NULL) { *(volatile unsigned char *)addr = value; return; }
    b->writes8++;
    count_write(b, off);
    if (in_registers(off)) ncr710_host_write8(&b->chip, off - SIM_REGS_OFFSET, value);
    after_access();
}

void drv_mmio_write16(volatile void *addr, unsigned short value)
{
    uint32_t off;
    struct sim_board *b = decode(addr, &off);
    if (b == NULL) { *(volatile unsigned short *)addr = value; return; }
    b->bad_width++;
    fprintf(stderr, "sim: %s: 16-bit write at board offset 0x%06x (the A4091 allows 8 and 32 bits)\n", b->name, (unsigned)off);
    after_access();
}

void drv_mmio_write32(volatile void *addr, unsigned int value)
{
    uint32_t off;
    struct sim_board *b = decode(addr, &off);
    if (b == NULL) { *(volatile unsigned int *)addr = value; return; }
    b->writes32++;
    count_write(b, off);
    if (off & 3) b->bad_width++;
    else if (in_registers(off)) ncr710_host_write32(&b->chip, off - SIM_REGS_OFFSET, value);
    after_access();
}

void sim_boards_report(void)
{
    int k;
    for (k = 0; k < sim_nboards; k++) {
        struct sim_board *b = &sim_boards[k];
        printf("stats %s reads8=%lu reads32=%lu writes8=%lu writes32=%lu shadow_writes=%lu direct_writes=%lu bad_width=%lu outside=%lu unsafe=%lu starts=%lu steps=%lu bus_faults=%lu bus_resets=%lu aborts=%lu reselections=%lu sigp_wakeups=%lu max_nexus=%lu\n",
               b->name, b->reads8, b->reads32, b->writes8, b->writes32, b->writes_shadow, b->writes_direct,
               b->bad_width, b->outside, b->chip.unsafe_accesses, b->chip.starts, b->chip.steps, b->chip.bus_faults,
               b->chip.bus_resets, b->chip.aborts, b->chip.reselections, b->chip.sigp_wakeups, b->chip.max_nexus);
    }
}
