/*
 * board.h: simulated A4091 boards in Zorro III space, the kernel virtual mappings the driver
 * gets from sptalloc, and the drv MMIO hooks (runtime-headers/drv/cpu.h, DRV_MMIO_HOOKS) that
 * route the driver's register accesses to the 53C710 model.
 *
 * A4091 board layout (offsets from the AutoConfig base): 0x000000 AutoConfig/ROM, 0x800000
 * the 53C710 register block (0x40 bytes; reads and writes at +0x40 reach the same registers,
 * the "write shadow" the Amix driver writes through), 0x880003 quick interrupt vector,
 * 0x8C0003 DIP switches. The board allows only 8- and 32-bit register accesses; each access is
 * counted so tests can check the driver's access pattern.
 */
#ifndef SIM_BOARD_H
#define SIM_BOARD_H

#include <stdint.h>
#include "ncr710.h"

#define SIM_MAX_BOARDS 2
#define SIM_BOARD_SIZE 0x1000000u
#define SIM_REGS_OFFSET 0x800000u
#define SIM_WRITE_SHADOW 0x40u

struct sim_board {
    uint32_t base;                  /* physical AutoConfig base */
    struct ncr710 chip;
    char name[8];
    /* Register accesses by kind. */
    unsigned long reads8, reads32, writes8, writes32;
    unsigned long writes_shadow;    /* writes at register + 0x40 */
    unsigned long writes_direct;    /* writes at register + 0 */
    unsigned long bad_width;        /* 16-bit or misaligned 32-bit accesses */
    unsigned long outside;          /* accesses outside the register block */
};

extern struct sim_board sim_boards[SIM_MAX_BOARDS];
extern int sim_nboards;
/* Host register accesses per chip step; 0 = a started program runs until it stops. */
extern unsigned sim_pace;

struct sim_board *sim_add_board(uint32_t base);
/* Reserves kernel virtual space for npages pages of 2 KB (NBPP) starting at physical pa. */
void *sim_map_pages(uint32_t pa, unsigned npages);
/* Runs every chip for the given number of steps (the passage of time while the CPU idles). */
void sim_boards_run(unsigned steps);
int sim_boards_irq(void);
void sim_boards_report(void);

#endif /* SIM_BOARD_H */
