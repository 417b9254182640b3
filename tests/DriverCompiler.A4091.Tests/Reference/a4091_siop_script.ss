ARCH 710
ABSOLUTE ds_Device = 0x00   ; Be32
ABSOLUTE ds_MsgOut = 0x04   ; {count, address} entries of 8 bytes
ABSOLUTE ds_Command = 0x0c
ABSOLUTE ds_Data = 0x14
ABSOLUTE ds_Status = 0x1c
ABSOLUTE ds_MsgIn = 0x24
ENTRY start
ENTRY idle
ENTRY reconnect
start:
    SELECT ATN FROM ds_Device, REL(idle)
    MOVE FROM ds_MsgOut, WHEN MSG_OUT
    CLEAR ATN
    MOVE FROM ds_Command, WHEN CMD
phase:
    JUMP REL(dataout), WHEN DATA_OUT
    JUMP REL(datain), IF DATA_IN
    JUMP REL(status), IF STATUS
    JUMP REL(msgin), IF MSG_IN
    INT 0xff05
dataout:
    MOVE FROM ds_Data, WHEN DATA_OUT
    JUMP REL(phase)
datain:
    MOVE FROM ds_Data, WHEN DATA_IN
    JUMP REL(phase)
status:
    MOVE FROM ds_Status, WHEN STATUS
    MOVE FROM ds_MsgIn, WHEN MSG_IN
    INT 0xff06, IF NOT 0x00
    CLEAR ACK
    WAIT DISCONNECT
    INT 0xff00
msgin:
    MOVE FROM ds_MsgIn, WHEN MSG_IN
    JUMP REL(disconnect), IF 0x04
    JUMP REL(ack), IF 0x02
    JUMP REL(ack), IF 0x03
    INT 0xff06
ack:
    CLEAR ACK
    JUMP REL(phase)
disconnect:
    CLEAR ACK
    WAIT DISCONNECT
    INT 0xff01
idle:
    WAIT RESELECT REL(signalled)
    MOVE LCRC TO SFBR
    MOVE SFBR TO SCRATCH0
    INT 0xff03
signalled:
    MOVE CTEST2 & 0x40 TO SFBR
    INT 0xff04
reconnect:
    MOVE FROM ds_MsgIn, WHEN MSG_IN
    INT 0xff06, IF NOT 0x80, AND MASK 0x7f
    CLEAR ACK
    JUMP REL(phase)
