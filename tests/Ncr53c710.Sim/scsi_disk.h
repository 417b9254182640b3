/*
 * scsi_disk.h: a SCSI-2 direct-access target (a disk) backed by a raw image file on the host,
 * as seen from the bus: it answers selection, runs the information transfer phases
 * (MSG OUT, COMMAND, DATA IN/OUT, STATUS, MSG IN) and goes bus free after COMMAND COMPLETE.
 *
 * Commands (SCSI-2, X3.131-1994): TEST UNIT READY 0x00, REQUEST SENSE 0x03, READ(6) 0x08,
 * WRITE(6) 0x0A, INQUIRY 0x12, READ CAPACITY(10) 0x25, READ(10) 0x28, WRITE(10) 0x2A.
 * Anything else ends in CHECK CONDITION with ILLEGAL REQUEST / INVALID COMMAND OPERATION CODE
 * (ASC 0x20); an LBA range beyond the image with ILLEGAL REQUEST / LOGICAL BLOCK ADDRESS OUT
 * OF RANGE (ASC 0x21); a LUN other than 0 with ILLEGAL REQUEST / LOGICAL UNIT NOT SUPPORTED
 * (ASC 0x25; INQUIRY answers peripheral qualifier 011b instead). Blocks are 512 bytes.
 */
#ifndef SCSI_DISK_H
#define SCSI_DISK_H

#include <stdint.h>
#include <stdio.h>

/* SCSI bus phases (MSG, C/D, I/O), as SSTAT2 bits 2-0 and SCRIPTS phase fields encode them. */
enum { SCSI_PH_DATA_OUT = 0, SCSI_PH_DATA_IN = 1, SCSI_PH_COMMAND = 2, SCSI_PH_STATUS = 3,
       SCSI_PH_MSG_OUT = 6, SCSI_PH_MSG_IN = 7 };

/* One-shot misbehaviours a test can arm. */
enum scsi_fault {
    FAULT_NONE = 0,
    FAULT_MSGIN_AFTER_COMMAND, /* after the CDB, go to MSG IN (MESSAGE REJECT) and stay connected */
    FAULT_HANG_AFTER_COMMAND   /* after the CDB, stay connected and never assert REQ again (until a bus reset) */
};

struct scsi_target {
    int id;
    FILE *image;
    uint32_t blocks;            /* image size / 512 */
    char product[17];
    /* Bus state. */
    int phase;                  /* current phase while connected, -1 = waiting for ACK release */
    int lun;
    uint8_t cdb[16];
    unsigned cdb_len, cdb_got;
    uint8_t *buf;               /* data phase buffer */
    uint32_t buf_len, buf_pos;
    int write_pending;          /* DATA OUT for a WRITE: flush buf to the image at the end */
    uint32_t write_lba;
    uint8_t status;
    uint8_t msg_in[4];
    unsigned msg_in_len, msg_in_pos;
    int disconnect_after_ack;   /* the last MSG IN byte was COMMAND COMPLETE */
    int hold_bus;               /* FAULT_MSGIN_AFTER_COMMAND fired: never leave MSG IN */
    int hung;                   /* FAULT_HANG_AFTER_COMMAND fired: connected, REQ never asserted */
    /* Disconnect/reselect (SCSI-2 DISCONNECT, SAVE DATA POINTER, IDENTIFY DiscPriv, RESELECTION): with disconnect_delay set and the disconnect privilege granted in
       this nexus's IDENTIFY, the target answers the CDB with SAVE DATA POINTER and DISCONNECT, goes bus free, and
       reselects disconnect_delay chip steps later (once the initiator waits for reselection), sending IDENTIFY,
       then continues in the phase it would have entered after the CDB. */
    unsigned int disconnect_delay; /* chip steps off the bus before reselecting; 0: never disconnect */
    int disc_priv;              /* the IDENTIFY of this nexus had DiscPriv (bit 6) */
    int after_ack;              /* what follows the ACK release after the last MSG IN byte (scsi_disk.c AFTER_*) */
    int resume_phase;           /* the phase to continue in after reselection */
    int disconnected;           /* a command in progress with the target off the bus */
    unsigned int reselect_wait; /* steps until a disconnected target reselects */
    unsigned long disconnects;  /* times it disconnected */
    unsigned int req_delay;     /* chip steps from a phase change to REQ for the new phase */
    unsigned int req_wait;      /* steps left until REQ is asserted for the current phase */
    /* Sense data of the last CHECK CONDITION (fixed format). */
    uint8_t sense_key, asc, ascq;
    /* INFORMATION and its VALID bit (SCSI-2 8.2.14.3): for a direct-access device, the logical block
       address associated with the sense key; not valid when no block is (e.g. an invalid opcode). */
    int info_valid;
    uint32_t info;
    enum scsi_fault fault;
    unsigned long fault_at;     /* the fault fires on this command (1 = the first) */
    /* Counters. */
    unsigned long commands;
};

/*
 * REQ timing: a target changes the phase lines first and asserts REQ for the new phase later.
 * Every target opened gets scsi_req_delay (default SCSI_DEFAULT_REQ_DELAY): after a change of
 * phase (selection, end of a phase, ACK released after MSG IN) REQ follows that many chip steps
 * later, so a SCRIPTS instruction that waits for REQ (WHEN) sees the new phase and one that does
 * not wait (IF, block move WITH) compares the phase latched at the previous REQ. With 0 or 1 the
 * instruction after a phase change already sees REQ (then WHEN and IF do not differ there).
 */
#define SCSI_DEFAULT_REQ_DELAY 3u
extern unsigned int scsi_req_delay;

struct scsi_target *scsi_disk_open(int id, const char *path);

/* Bus events, called by the chip model. */
void scsi_target_select(struct scsi_target *t, int atn);
int scsi_target_phase(const struct scsi_target *t); /* -2 bus free, -1 REQ not asserted */
void scsi_target_tick(struct scsi_target *t);        /* one chip step passes (REQ timing) */
int scsi_target_req_coming(const struct scsi_target *t); /* REQ not asserted yet, but will be without the initiator */
void scsi_target_out(struct scsi_target *t, uint8_t b, int atn_after); /* an output phase byte */
uint8_t scsi_target_peek(const struct scsi_target *t); /* the byte an input phase presents */
void scsi_target_in_ack(struct scsi_target *t, int hold_ack); /* the initiator took that byte */
void scsi_target_ack_released(struct scsi_target *t);
void scsi_target_bus_reset(struct scsi_target *t);
/* Reselection: a disconnected target counts down (tick), then wants the bus (ready); the chip connects it. */
void scsi_target_reselect_tick(struct scsi_target *t);
int scsi_target_reselect_ready(const struct scsi_target *t);
int scsi_target_reselect_coming(const struct scsi_target *t);
void scsi_target_reselected(struct scsi_target *t); /* now connected: MSG IN IDENTIFY, then the saved phase */

#endif /* SCSI_DISK_H */
