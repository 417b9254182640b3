ARCH 710
ABSOLUTE ds_Device = 0x00   ; Be32
ABSOLUTE ds_MsgOut = 0x04   ; {count, address} entries of 8 bytes
ABSOLUTE ds_Command = 0x0c
ABSOLUTE ds_Data = 0x14
ABSOLUTE ds_Status = 0x1c
ABSOLUTE ds_MsgIn = 0x24
ENTRY start
start:
    SELECT ATN FROM ds_Device, REL(reselected)
    MOVE FROM ds_MsgOut, WHEN MSG_OUT
    CLEAR ATN
    MOVE FROM ds_Command, WHEN CMD
    JUMP REL(dataout), WHEN DATA_OUT
    JUMP REL(datain), IF DATA_IN
    JUMP REL(status), IF STATUS
    INT 0xff05
dataout:
    MOVE FROM ds_Data, WHEN DATA_OUT
    JUMP REL(status), WHEN STATUS
    INT 0xff05
datain:
    MOVE FROM ds_Data, WHEN DATA_IN
    JUMP REL(status), WHEN STATUS
    INT 0xff05
status:
    MOVE FROM ds_Status, WHEN STATUS
    MOVE FROM ds_MsgIn, WHEN MSG_IN
    INT 0xff06, IF NOT 0x00
    CLEAR ACK
    WAIT DISCONNECT
    INT 0xff00
reselected:
    INT 0xff10
