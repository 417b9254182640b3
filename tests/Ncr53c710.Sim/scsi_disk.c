/*
 * scsi_disk.c: the SCSI disk target; see scsi_disk.h.
 */
#include "scsi_disk.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK 512u
#define PHASE_FREE (-2)
#define PHASE_WAIT_ACK (-1)
#define MAX_TRANSFER (16u * 1024u * 1024u)

unsigned int scsi_req_delay = SCSI_DEFAULT_REQ_DELAY;

/* SCSI status and message codes (SCSI-2 7.3, 6.5). */
#define ST_GOOD 0x00
#define ST_CHECK_CONDITION 0x02
#define MSG_COMMAND_COMPLETE 0x00
#define MSG_SAVE_DATA_POINTER 0x02
#define MSG_DISCONNECT 0x04
#define MSG_IDENTIFY 0x80
/* What a target does when ACK is released after the last byte of a message (after_ack). */
#define AFTER_NONE 0
#define AFTER_SEND_DISCONNECT 1   /* SAVE DATA POINTER went: DISCONNECT follows */
#define AFTER_BUS_FREE 2          /* DISCONNECT went: release the bus, keep the command */
#define AFTER_RESUME 3            /* IDENTIFY after reselection went: continue the command */
#define MSG_ABORT 0x06
#define MSG_MESSAGE_REJECT 0x07
#define MSG_BUS_DEVICE_RESET 0x0C
/* Sense keys. */
#define SK_NO_SENSE 0x0
#define SK_MEDIUM_ERROR 0x3
#define SK_ILLEGAL_REQUEST 0x5

struct scsi_target *scsi_disk_open(int id, const char *path)
{
    struct scsi_target *t = calloc(1, sizeof *t);
    long size;
    if (t == NULL) return NULL;
    t->image = fopen(path, "r+b");
    if (t->image == NULL) { free(t); return NULL; }
    fseek(t->image, 0, SEEK_END);
    size = ftell(t->image);
    t->blocks = size < 0 ? 0 : (uint32_t)((unsigned long)size / BLOCK);
    t->id = id;
    t->phase = PHASE_FREE;
    t->req_delay = scsi_req_delay;
    snprintf(t->product, sizeof t->product, "SIMDISK ID%d", id);
    return t;
}

static void free_buffer(struct scsi_target *t)
{
    free(t->buf);
    t->buf = NULL;
    t->buf_len = t->buf_pos = 0;
    t->write_pending = 0;
}

/*
 * Enters an information phase (or WAIT_ACK / bus free). A target asserts REQ for a new phase only
 * some time after it changed the phase lines: REQ follows req_delay chip steps later (see
 * scsi_target_tick). Further bytes of the same phase are requested at once.
 */
static void set_phase(struct scsi_target *t, int phase)
{
    if (phase >= 0 && phase != t->phase) t->req_wait = t->req_delay;
    t->phase = phase;
}

static void go_free(struct scsi_target *t)
{
    free_buffer(t);
    t->hold_bus = 0;
    t->hung = 0;
    t->req_wait = 0;
    t->after_ack = AFTER_NONE;
    t->phase = PHASE_FREE;
}

static void send_message(struct scsi_target *t, uint8_t m, int disconnect)
{
    t->msg_in[0] = m;
    t->msg_in_len = 1;
    t->msg_in_pos = 0;
    t->disconnect_after_ack = disconnect;
    set_phase(t, SCSI_PH_MSG_IN);
}

static void enter_status(struct scsi_target *t, uint8_t status)
{
    t->status = status;
    set_phase(t, SCSI_PH_STATUS);
}

static void clear_sense(struct scsi_target *t)
{
    t->sense_key = SK_NO_SENSE;
    t->asc = t->ascq = 0;
    t->info_valid = 0;
    t->info = 0;
}

/* CHECK CONDITION with sense data that names no logical block (INFORMATION not valid). */
static void check_condition(struct scsi_target *t, uint8_t key, uint8_t asc)
{
    free_buffer(t);
    clear_sense(t);
    t->sense_key = key;
    t->asc = asc;
    enter_status(t, ST_CHECK_CONDITION);
}

/* CHECK CONDITION whose sense data names logical block lba: VALID = 1, INFORMATION = lba. */
static void check_condition_at(struct scsi_target *t, uint8_t key, uint8_t asc, uint32_t lba)
{
    check_condition(t, key, asc);
    t->info_valid = 1;
    t->info = lba;
}

/*
 * The first block of lba .. lba + count - 1 that is out of range, the one the ILLEGAL REQUEST /
 * LOGICAL BLOCK ADDRESS OUT OF RANGE sense is about: lba itself if the transfer starts past the last
 * block, else the block just past the last one (the capacity). SCSI-2 8.2.14.3: for a direct-access
 * device INFORMATION is "the unsigned logical block address associated with the sense key".
 */
static uint32_t first_block_out_of_range(const struct scsi_target *t, uint32_t lba)
{
    return lba >= t->blocks ? lba : t->blocks;
}

static int alloc_buffer(struct scsi_target *t, uint32_t len)
{
    free_buffer(t);
    if (len == 0) return 1;
    t->buf = calloc(1, len);
    if (t->buf == NULL) return 0;
    t->buf_len = len;
    return 1;
}

static void data_in(struct scsi_target *t)
{
    if (t->buf_len == 0) enter_status(t, ST_GOOD);
    else { t->status = ST_GOOD; set_phase(t, SCSI_PH_DATA_IN); }
}

static unsigned cdb_length(uint8_t op)
{
    switch (op >> 5) {
    case 0: return 6;
    case 5: return 12;
    default: return 10; /* groups 1, 2; reserved and vendor groups are treated as 10 too */
    }
}

static void read_blocks(struct scsi_target *t, uint32_t lba, uint32_t count)
{
    uint32_t len = count * BLOCK;
    size_t got;
    if ((uint64_t)lba + count > t->blocks) { check_condition_at(t, SK_ILLEGAL_REQUEST, 0x21, first_block_out_of_range(t, lba)); return; }
    if (len > MAX_TRANSFER || !alloc_buffer(t, len)) { check_condition(t, SK_ILLEGAL_REQUEST, 0x24); return; }
    if (len != 0 && fseek(t->image, (long)lba * (long)BLOCK, SEEK_SET) != 0) {
        check_condition_at(t, SK_MEDIUM_ERROR, 0x11, lba); /* UNRECOVERED READ ERROR */
        return;
    }
    got = len == 0 ? 0 : fread(t->buf, 1, len, t->image);
    if (got != len) {
        /* UNRECOVERED READ ERROR at the first block the image could not supply */
        check_condition_at(t, SK_MEDIUM_ERROR, 0x11, lba + (uint32_t)(got / BLOCK));
        return;
    }
    data_in(t);
}

static void write_blocks(struct scsi_target *t, uint32_t lba, uint32_t count)
{
    uint32_t len = count * BLOCK;
    if ((uint64_t)lba + count > t->blocks) { check_condition_at(t, SK_ILLEGAL_REQUEST, 0x21, first_block_out_of_range(t, lba)); return; }
    if (len > MAX_TRANSFER || !alloc_buffer(t, len)) { check_condition(t, SK_ILLEGAL_REQUEST, 0x24); return; }
    if (len == 0) { enter_status(t, ST_GOOD); return; }
    t->write_pending = 1;
    t->write_lba = lba;
    set_phase(t, SCSI_PH_DATA_OUT);
}

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

static void execute(struct scsi_target *t)
{
    const uint8_t *c = t->cdb;
    uint8_t op = c[0];
    t->commands++;
    if (t->fault != FAULT_NONE && t->commands < t->fault_at) {
        /* armed for a later command */
    } else if (t->fault == FAULT_MSGIN_AFTER_COMMAND) {
        /* An unexpected phase: the target answers the command with a message and keeps the bus. */
        t->fault = FAULT_NONE;
        send_message(t, MSG_MESSAGE_REJECT, 0);
        t->hold_bus = 1; /* after the message: stay connected, sending it again */
        return;
    } else if (t->fault == FAULT_HANG_AFTER_COMMAND) {
        /* A target that never finishes the command: connected, REQ never asserted again. */
        t->fault = FAULT_NONE;
        t->hung = 1;
        return;
    }
    if (op != 0x03) clear_sense(t);
    if (t->lun != 0 && op != 0x12 && op != 0x03) { check_condition(t, SK_ILLEGAL_REQUEST, 0x25); return; }
    switch (op) {
    case 0x00: /* TEST UNIT READY */
        enter_status(t, ST_GOOD);
        break;
    case 0x03: { /* REQUEST SENSE: fixed format, 18 bytes; allocation length 0 means 4 (SCSI-2) */
        uint32_t alloc = c[4] == 0 ? 4u : c[4];
        uint8_t s[18];
        memset(s, 0, sizeof s);
        s[0] = 0x70 | (t->info_valid ? 0x80 : 0); /* VALID: INFORMATION holds an LBA */
        s[2] = t->sense_key;
        put32(s + 3, t->info);
        s[7] = 10;
        s[12] = t->asc;
        s[13] = t->ascq;
        if (t->lun != 0) { s[2] = SK_ILLEGAL_REQUEST; s[12] = 0x25; }
        if (alloc > sizeof s) alloc = sizeof s;
        alloc_buffer(t, alloc);
        memcpy(t->buf, s, alloc);
        clear_sense(t);
        data_in(t);
        break;
    }
    case 0x12: { /* INQUIRY */
        uint32_t alloc = c[4];
        uint8_t q[36];
        if (c[1] & 0x01) { check_condition(t, SK_ILLEGAL_REQUEST, 0x24); break; } /* EVPD */
        memset(q, ' ', sizeof q);
        q[0] = t->lun == 0 ? 0x00 : 0x7F;   /* direct-access device / no LUN */
        q[1] = 0x00;                         /* not removable */
        q[2] = 0x02;                         /* SCSI-2 */
        q[3] = 0x02;                         /* response data format 2 */
        q[4] = 31;                           /* additional length */
        q[5] = q[6] = q[7] = 0;
        memcpy(q + 8, "DRVCSIM ", 8);
        memcpy(q + 16, t->product, strlen(t->product));
        memcpy(q + 32, "0710", 4);
        if (alloc > sizeof q) alloc = sizeof q;
        alloc_buffer(t, alloc);
        memcpy(t->buf, q, alloc);
        data_in(t);
        break;
    }
    case 0x25: /* READ CAPACITY(10) */
        alloc_buffer(t, 8);
        put32(t->buf, t->blocks == 0 ? 0 : t->blocks - 1);
        put32(t->buf + 4, BLOCK);
        data_in(t);
        break;
    case 0x08: /* READ(6) */
    case 0x0A: { /* WRITE(6) */
        uint32_t lba = ((uint32_t)(c[1] & 0x1F) << 16) | ((uint32_t)c[2] << 8) | c[3];
        uint32_t n = c[4] == 0 ? 256u : c[4];
        if (op == 0x08) read_blocks(t, lba, n); else write_blocks(t, lba, n);
        break;
    }
    case 0x28: /* READ(10) */
    case 0x2A: { /* WRITE(10) */
        uint32_t lba = ((uint32_t)c[2] << 24) | ((uint32_t)c[3] << 16) | ((uint32_t)c[4] << 8) | c[5];
        uint32_t n = ((uint32_t)c[7] << 8) | c[8];
        if (op == 0x28) read_blocks(t, lba, n); else write_blocks(t, lba, n);
        break;
    }
    default:
        check_condition(t, SK_ILLEGAL_REQUEST, 0x20);
        break;
    }
}

void scsi_target_select(struct scsi_target *t, int atn)
{
    free_buffer(t);
    t->lun = 0;
    t->disc_priv = 0;
    t->after_ack = AFTER_NONE;
    t->disconnected = 0;
    t->cdb_len = t->cdb_got = 0;
    set_phase(t, atn ? SCSI_PH_MSG_OUT : SCSI_PH_COMMAND);
}

int scsi_target_phase(const struct scsi_target *t)
{
    if (t->hung) return PHASE_WAIT_ACK; /* connected, REQ not asserted */
    if (t->phase >= 0 && t->req_wait > 0) return PHASE_WAIT_ACK; /* phase lines changed, REQ not yet asserted */
    return t->phase;
}

void scsi_target_tick(struct scsi_target *t)
{
    if (t->req_wait > 0) t->req_wait--;
}

int scsi_target_req_coming(const struct scsi_target *t)
{
    return !t->hung && t->phase >= 0 && t->req_wait > 0;
}

void scsi_target_out(struct scsi_target *t, uint8_t b, int atn_after)
{
    switch (t->phase) {
    case SCSI_PH_MSG_OUT:
        if (b & 0x80) { t->lun = b & 0x07; t->disc_priv = (b & 0x40) != 0; } /* IDENTIFY (DiscPriv: bit 6) */
        else if (b == MSG_ABORT || b == MSG_BUS_DEVICE_RESET) { go_free(t); return; }
        else if (!atn_after) { send_message(t, MSG_MESSAGE_REJECT, 0); return; } /* not supported */
        if (!atn_after) set_phase(t, SCSI_PH_COMMAND);                 /* message complete */
        break;
    case SCSI_PH_COMMAND:
        if (t->cdb_got == 0) t->cdb_len = cdb_length(b);
        t->cdb[t->cdb_got++] = b;
        if (t->cdb_got == t->cdb_len) {
            execute(t);
            /* Allowed to disconnect and set to: SAVE DATA POINTER, DISCONNECT, bus free; the phase it is in now
               (DATA IN, DATA OUT or STATUS) is where it continues after reselecting. */
            if (t->disconnect_delay != 0 && t->disc_priv && t->phase >= 0 && !t->hung && !t->hold_bus) {
                t->resume_phase = t->phase;
                send_message(t, MSG_SAVE_DATA_POINTER, 0);
                t->after_ack = AFTER_SEND_DISCONNECT;
            }
        }
        break;
    case SCSI_PH_DATA_OUT:
        t->buf[t->buf_pos++] = b;
        if (t->buf_pos == t->buf_len) {
            long at = (long)t->write_lba * (long)BLOCK;
            if (fseek(t->image, at, SEEK_SET) != 0 || fwrite(t->buf, 1, t->buf_len, t->image) != t->buf_len || fflush(t->image) != 0)
                check_condition_at(t, SK_MEDIUM_ERROR, 0x0C, t->write_lba); /* WRITE ERROR */
            else { free_buffer(t); enter_status(t, ST_GOOD); }
        }
        break;
    default:
        break;
    }
}

uint8_t scsi_target_peek(const struct scsi_target *t)
{
    switch (t->phase) {
    case SCSI_PH_DATA_IN: return t->buf[t->buf_pos];
    case SCSI_PH_STATUS: return t->status;
    case SCSI_PH_MSG_IN: return t->msg_in[t->msg_in_pos];
    default: return 0xFF;
    }
}

void scsi_target_in_ack(struct scsi_target *t, int hold_ack)
{
    switch (t->phase) {
    case SCSI_PH_DATA_IN:
        if (++t->buf_pos == t->buf_len) { free_buffer(t); enter_status(t, t->status); }
        break;
    case SCSI_PH_STATUS:
        send_message(t, MSG_COMMAND_COMPLETE, 1);
        break;
    case SCSI_PH_MSG_IN:
        if (++t->msg_in_pos == t->msg_in_len) {
            set_phase(t, PHASE_WAIT_ACK);
            if (!hold_ack) scsi_target_ack_released(t);
        }
        break;
    default:
        break;
    }
}

void scsi_target_ack_released(struct scsi_target *t)
{
    if (t->phase != PHASE_WAIT_ACK || t->hung) return;
    if (t->disconnect_after_ack) { go_free(t); return; }
    switch (t->after_ack) {
    case AFTER_SEND_DISCONNECT:
        send_message(t, MSG_DISCONNECT, 0);
        t->after_ack = AFTER_BUS_FREE;
        return;
    case AFTER_BUS_FREE:
        t->after_ack = AFTER_NONE;
        t->req_wait = 0;
        t->phase = PHASE_FREE;                   /* the buffer and the command stay */
        t->disconnected = 1;
        t->reselect_wait = t->disconnect_delay;
        t->disconnects++;
        return;
    case AFTER_RESUME:
        t->after_ack = AFTER_NONE;
        set_phase(t, t->resume_phase);
        return;
    default:
        break;
    }
    if (t->hold_bus) {
        /* After the unexpected message of FAULT_MSGIN_AFTER_COMMAND: keep the bus, repeating it. */
        send_message(t, MSG_MESSAGE_REJECT, 0);
        return;
    }
    t->cdb_got = 0;
    set_phase(t, SCSI_PH_COMMAND); /* after a MESSAGE REJECT of our own: take the command */
}

void scsi_target_bus_reset(struct scsi_target *t)
{
    go_free(t);
    t->disconnected = 0;
    clear_sense(t);
}

void scsi_target_reselect_tick(struct scsi_target *t)
{
    if (t->disconnected && t->reselect_wait > 0) t->reselect_wait--;
}

int scsi_target_reselect_ready(const struct scsi_target *t)
{
    return t->disconnected && t->reselect_wait == 0;
}

int scsi_target_reselect_coming(const struct scsi_target *t)
{
    return t->disconnected && t->reselect_wait > 0;
}

void scsi_target_reselected(struct scsi_target *t)
{
    t->disconnected = 0;
    send_message(t, (uint8_t)(MSG_IDENTIFY | t->lun), 0);
    t->after_ack = AFTER_RESUME;
}
