; selftest.ss: the simulator's own test program (not the A4091 driver's): one command on the
; bus with the table-indirect DSA layout below, the data phase chosen by the live bus phase,
; plus a register-move/CALL/RETURN check before selection.
ARCH 710

ABSOLUTE ds_Device = 0x00      ; one-hot ID << 16 | SXFER << 8
ABSOLUTE ds_MsgOut = 0x04      ; {count, address} entries
ABSOLUTE ds_Cmd = 0x0c
ABSOLUTE ds_Status = 0x14
ABSOLUTE ds_Msg = 0x1c
ABSOLUTE ds_Data = 0x24

ABSOLUTE int_done = 0xff00, int_phase = 0xff05, int_reselected = 0xff10, int_alu = 0xff20

ENTRY start

start:
    CALL REL(alu_check)
    SELECT ATN FROM ds_Device, REL(reselected)
    MOVE FROM ds_MsgOut, WHEN MSG_OUT
    CLEAR ATN
    MOVE FROM ds_Cmd, WHEN CMD
    JUMP REL(data_out), WHEN DATA_OUT
    JUMP REL(data_in), IF DATA_IN
    JUMP status, IF STATUS          ; absolute: exercises LABELPATCHES
    INT int_phase
data_out:
    MOVE FROM ds_Data, WHEN DATA_OUT
    JUMP REL(status)
data_in:
    MOVE FROM ds_Data, WHEN DATA_IN
status:
    MOVE FROM ds_Status, WHEN STATUS
    MOVE FROM ds_Msg, WHEN MSG_IN
    CLEAR ACK
    WAIT DISCONNECT
    INT int_done
reselected:
    INT int_reselected

alu_check:
    MOVE 0x5a TO SCRATCH0
    MOVE SCRATCH0 + 0x27 TO SCRATCH0
    MOVE SCRATCH0 TO SFBR
    INT int_alu, IF NOT 0x81
    MOVE SCRATCH0 & 0xf0 TO SCRATCH0
    MOVE SCRATCH0 TO SFBR
    INT int_alu, IF NOT 0x80
    NOP
    RETURN, IF 0x00, AND MASK 0x80  ; 0x80 matches 0x00 when bit 7 (a mask bit) is ignored
    INT int_alu
