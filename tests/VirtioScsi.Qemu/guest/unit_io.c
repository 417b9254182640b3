/* Requests to virtioscsi.device's units (include/guest/unit_io.h). */
#include <string.h>
#include "harness/exec.h"
#include "guest/config.h"
#include "guest/unit_io.h"

struct IOStdReq *unit_open(unsigned unit, int8 *error)
{
    struct MsgPort *port = exec_CreateMsgPort();
    struct IOStdReq *io = (struct IOStdReq *)exec_CreateIORequest(port, sizeof(struct IOStdReq));
    int8 err = OpenDevice(VSCSI_DEVICE_NAME, unit, (struct IORequest *)io, 0);
    if (error) *error = err;
    if (err == 0) return io;
    exec_DeleteIORequest((struct IORequest *)io);
    exec_DeleteMsgPort(port);
    return 0;
}

void unit_close(struct IOStdReq *io)
{
    if (!io) return;
    struct MsgPort *port = io->io_Message.mn_ReplyPort;
    CloseDevice((struct IORequest *)io);
    exec_DeleteIORequest((struct IORequest *)io);
    exec_DeleteMsgPort(port);
}

struct IOStdReq *unit_request_copy(struct IOStdReq *io)
{
    struct MsgPort *port = exec_CreateMsgPort();
    struct IOStdReq *c = (struct IOStdReq *)exec_CreateIORequest(port, sizeof(struct IOStdReq));
    *c = *io;
    c->io_Message.mn_ReplyPort = port;
    return c;
}

void unit_request_free(struct IOStdReq *io)
{
    if (!io) return;
    struct MsgPort *port = io->io_Message.mn_ReplyPort;
    exec_DeleteIORequest((struct IORequest *)io);
    exec_DeleteMsgPort(port);
}

int8 unit_transfer(struct IOStdReq *io, uint16 cmd, uint32_t offset, void *buf, uint32_t len, uint32_t *actual)
{
    io->io_Command = cmd;
    io->io_Data = buf;
    io->io_Length = len;
    io->io_Offset = offset;
    io->io_Actual = 0;
    int8 err = DoIO((struct IORequest *)io);
    if (actual) *actual = io->io_Actual;
    return err;
}

void pattern_fill(uint8_t *p, uint32_t len, uint32_t seed)
{
    uint32_t s = seed ? seed : 1;
    for (uint32_t i = 0; i < len; i += 4) {
        uint32_t w = pattern_next(&s);
        for (unsigned k = 0; k < 4 && i + k < len; k++) p[i + k] = (uint8_t)(w >> (24 - 8 * k));
    }
}

int8 unit_scsi(struct IOStdReq *io, struct SCSICmd *cmd, const uint8_t *cdb, uint16 cdb_len, void *data, uint32_t len, int read,
               uint8_t *sense, uint16 sense_len)
{
    memset(cmd, 0, sizeof *cmd);
    memset(sense, 0, sense_len);
    cmd->scsi_Data = (UWORD *)data;
    cmd->scsi_Length = len;
    cmd->scsi_Command = (UBYTE *)cdb;
    cmd->scsi_CmdLength = cdb_len;
    cmd->scsi_Flags = (read ? SCSIF_READ : SCSIF_WRITE) | SCSIF_AUTOSENSE;
    cmd->scsi_SenseData = sense;
    cmd->scsi_SenseLength = sense_len;
    io->io_Command = HD_SCSICMD;
    io->io_Data = cmd;
    io->io_Length = sizeof *cmd;
    return DoIO((struct IORequest *)io);
}
