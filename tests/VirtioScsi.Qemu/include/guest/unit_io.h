/*
 * Requests to virtioscsi.device's units for the guest programs of issue 14 (guest/event_tests.c,
 * guest/fault_tests.c): open and close a unit with its own port, one synchronous transfer, the
 * seeded pattern of config.h laid into a buffer, an HD_SCSICMD with autosense.
 */
#ifndef GUEST_UNIT_IO_H
#define GUEST_UNIT_IO_H

#include <devices/scsidisk.h>
#include "harness/exec.h"

#define VSCSI_DEVICE_NAME "virtioscsi.device"

/* OpenDevice of unit on a new port and request; the request, or 0 with *error (when error is not 0) set. */
struct IOStdReq *unit_open(unsigned unit, int8 *error);
/* CloseDevice, then the request and its port freed; io may be 0. */
void unit_close(struct IOStdReq *io);
/* A request of its own (own port) for io's unit, for SendIO beside io; freed with unit_request_free. */
struct IOStdReq *unit_request_copy(struct IOStdReq *io);
void unit_request_free(struct IOStdReq *io);
/* DoIO of cmd with io_Data buf, io_Length len, io_Offset offset; io_Actual to *actual when not 0. */
int8 unit_transfer(struct IOStdReq *io, uint16 cmd, uint32_t offset, void *buf, uint32_t len, uint32_t *actual);
/* len bytes of config.h's pattern of seed (big-endian xorshift32 words), as DiskSet.Pattern on the host. */
void pattern_fill(uint8_t *p, uint32_t len, uint32_t seed);
/* HD_SCSICMD of cdb with SCSIF_AUTOSENSE into cmd (sense to sense[sense_len]); data in when read. Returns io_Error. */
int8 unit_scsi(struct IOStdReq *io, struct SCSICmd *cmd, const uint8_t *cdb, uint16 cdb_len, void *data, uint32_t len, int read,
               uint8_t *sense, uint16 sense_len);

#endif
