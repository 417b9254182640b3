; forms.ss: one entry point per group of SCRIPTS forms, run by formtest.c on the bare chip model.
ARCH 710

EXTERNAL src, dst, cell, cdb, stsbuf, msgbuf

ENTRY alu, memmove, direct, reselect, zero_count, bus_fault, with_after_select, if_after_command

alu:
    MOVE 0x81 TO SCRATCH0
    MOVE SCRATCH0 SHL SCRATCH0          ; 0x02, carry 1
    MOVE 0x0f TO SCRATCH1
    MOVE SCRATCH1 XOR 0xff TO SCRATCH1  ; 0xf0
    MOVE SCRATCH1 | 0x01 TO SCRATCH1    ; 0xf1
    MOVE 0xff TO SCRATCH2
    MOVE SCRATCH2 + 0x01 TO SCRATCH2    ; 0x00, carry 1
    MOVE SCRATCH3 & 0x00 TO SCRATCH3
    MOVE SCRATCH3 + 0x10 TO SCRATCH3 WITH CARRY   ; 0x11
    MOVE SCRATCH3 SHR SCRATCH3          ; 0x08, carry 1
    MOVE SCRATCH0 TO SFBR
    JUMP REL(taken), IF 0x02
    INT 0xbad1
taken:
    JUMP REL(wrong), IF NOT 0x02
    NOP
    JUMP REL(wrong), IF FALSE
    CALL REL(sub)
    MOVE SFBR TO SCRATCH2               ; 0x33 from sub
    INT 0x600d, IF 0x33
wrong:
    INT 0xbad2
sub:
    MOVE SFBR | 0x33 TO SFBR            ; SFBR was 0x02: 0x33
    MOVE SFBR & 0x33 TO SFBR
    RETURN
    INT 0xbad3

memmove:
    MOVE MEMORY 8, src, dst
    INT 0x600d

direct:
    SELECT ATN 0x08, REL(wrong)         ; ID 3, one-hot
    MOVE 1, PTR cell, WHEN MSG_OUT      ; cell holds the IDENTIFY byte's address
    MOVE 6, cdb, WHEN CMD
    JUMP REL(good), WHEN STATUS AND 0x00  ; waits for REQ, SFBR = the status byte
    INT 0xbad4
good:
    MOVE 1, stsbuf, WHEN STATUS
    MOVE 1, msgbuf, WHEN MSG_IN
    CLEAR ACK
    WAIT DISCONNECT
    INT 0x600d

reselect:
    WAIT RESELECT REL(signalled)
    INT 0xbad5
signalled:
    INT 0x600d

zero_count:
    MOVE 0, dst, WHEN DATA_IN

bus_fault:
    MOVE MEMORY 4, 0x10, dst            ; the first page is no memory: bus fault

; WHEN versus IF/WITH. A target changes the phase lines first and asserts REQ later (the model:
; SCSI_DEFAULT_REQ_DELAY = 3 steps). WHEN waits for REQ, then compares; IF, and a block move WITH,
; compare at once against the phase latched at the previous REQ (53C710: "WAIT MOVE" / MOVE).
with_after_select:
    SELECT ATN 0x08, REL(wrong)
    MOVE 1, PTR cell, WITH MSG_OUT      ; no REQ for MSG OUT yet, latched phase 0: phase mismatch
    INT 0xbad6

if_after_command:
    SELECT ATN 0x08, REL(wrong)
    MOVE 1, PTR cell, WHEN MSG_OUT
    MOVE 6, cdb, WHEN CMD
    JUMP REL(wrong), IF STATUS          ; the target has not asserted REQ for STATUS yet
    JUMP REL(wrong), IF NOT CMD         ; the latched phase is still COMMAND
    JUMP REL(status_when), WHEN STATUS  ; waits for REQ: STATUS
    INT 0xbad7
status_when:
    MOVE 1, stsbuf, WITH STATUS         ; REQ is asserted and the phase latched: WITH moves
    MOVE 1, msgbuf, WHEN MSG_IN
    CLEAR ACK
    WAIT DISCONNECT
    INT 0x600d
