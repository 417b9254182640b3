/*
 * A minimal virtio-scsi client that drives the request queue directly (VirtIO 1.0 PCI modern
 * transport, or the legacy I/O transport when the device has no modern capabilities; split
 * virtqueue; virtio spec 1.0 sections 2.4, 4.1 and 5.6). It is the harness's
 * reference point: the interrupt self-test uses it before the driver exists, and the
 * benchmark measures it as "the practical limit of the emulated device". Never shared with
 * the driver: the device is reset before and after use.
 */
#ifndef GUEST_VDIRECT_H
#define GUEST_VDIRECT_H

#include <stdint.h>

#define VDIRECT_SLOTS 16

/* Opens the first virtio-scsi function (modern transport, else legacy); 0 on failure. */
int vdirect_open(void);
/* Opens the first virtio-blk function the same way (request queue 0); then vdirect_blk_queue and
 * vdirect_kick/vdirect_poll, whose status is the request's status byte (VIRTIO_BLK_S_OK 0). */
int vdirect_open_blk(void);
/* Queues one virtio-blk IN (or OUT with to_device) of len bytes at 512-byte sector `sector` in a slot. */
void vdirect_blk_queue(unsigned slot, uint64_t sector, void *data, uint32_t len, int to_device);
int vdirect_is_legacy(void);
/* Queues one command in a slot (0..VDIRECT_SLOTS-1): CDB, optional data buffer and direction. */
void vdirect_submit(unsigned slot, unsigned target, const uint8_t *cdb, unsigned cdb_len, void *data, uint32_t len, int to_device);
/* The same without the notification: publish a batch with one vdirect_kick(). */
void vdirect_queue(unsigned slot, unsigned target, const uint8_t *cdb, unsigned cdb_len, void *data, uint32_t len, int to_device);
void vdirect_kick(void);
/* Returns a completed slot or -1; *status receives the SCSI status (or 0x100 | response). */
int vdirect_poll(unsigned *status);
/* Enables (1) or suppresses (0) used-buffer interrupts (VIRTQ_AVAIL_F_NO_INTERRUPT). */
void vdirect_interrupts(int on);
/* Reads the ISR status register (clears it, deasserting INTx). */
uint8_t vdirect_read_isr(void);
unsigned vdirect_irq(void);
/* Resets the device (status 0) and frees the rings. */
void vdirect_close(void);

#endif
