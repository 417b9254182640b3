/*
 * start.S: reset entry of the 512 KiB "Kickstart" image the FS-UAE tier boots (our own code only,
 * no Commodore ROM), and the two exception entries the kernel model installs: the level-2
 * autovector (INT2/PORTS: the CIA-A clock and the A4091) and a catch-all that reports a fault.
 */
    .section .text.start,"ax"
    .globl _rom_start
_rom_start:
    .long 0x11144EF9            /* read as the initial SSP while the ROM overlays address 0 */
    .long _entry                /* initial PC: in the ROM at 0xF80000 */
_entry:
    move.w  #0x2700,%sr
    move.b  #3,0xbfe201         /* CIA-A DDRA: OVL and LED are outputs */
    move.b  #2,0xbfe001         /* OVL = 0: chip RAM at address 0 */
    lea     __stack_top,%sp
    lea     __data_load,%a0     /* .data (the driver's SCRIPTS array is writable data) */
    lea     __data_start,%a1
    lea     __data_end,%a2
1:  cmp.l   %a2,%a1
    bcc.s   2f
    move.b  (%a0)+,(%a1)+
    bra.s   1b
2:  lea     __bss_start,%a0
    lea     __bss_end,%a1
3:  cmp.l   %a1,%a0
    bcc.s   4f
    clr.b   (%a0)+
    bra.s   3b
4:  jsr     uae_main
5:  stop    #0x2700
    bra.s   5b

/* Level-2 autovector: the CPU has raised its mask to 2; C does the rest. */
    .globl uae_int2_entry
uae_int2_entry:
    movem.l %d0-%d1/%a0-%a1,-(%sp)
    jsr     uae_level2
    movem.l (%sp)+,%d0-%d1/%a0-%a1
    rte

/* Any other exception: report vector and PC (68020+ frame: SR, PC, format/vector word) and stop. */
    .globl uae_fault_entry
uae_fault_entry:
    move.w  #0x2700,%sr
    move.l  2(%sp),%d1
    move.w  6(%sp),%d0
    and.l   #0xfff,%d0
    lsr.l   #2,%d0
    lea     __stack_top,%sp
    move.l  %d1,-(%sp)
    move.l  %d0,-(%sp)
    jsr     uae_fault
6:  stop    #0x2700
    bra.s   6b
    .section .note.GNU-stack,"",@progbits
