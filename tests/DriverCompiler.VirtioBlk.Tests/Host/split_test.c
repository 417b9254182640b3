/*
 * split_test.c: the part of a block transfer virtioblk.device puts into one virtio-blk request, as the emitted
 * C computes it (Requests.AddBlockData, included from the emitted requests.c so that its static function is
 * callable). VirtIO 1.2 5.2.3/5.2.6: with VIRTIO_BLK_F_SIZE_MAX no segment may exceed size_max, with
 * VIRTIO_BLK_F_SEG_MAX a request carries at most seg_max data segments; a request moves whole logical blocks.
 * QEMU's virtio-blk-pci never offers SIZE_MAX (hw/block/virtio-blk.c leaves size_max 0), so the QEMU tier can
 * only prove the seg_max split; this program proves the size_max one against a model written here.
 *
 * Prints "PASS <case>" / "FAIL <case>: ..." and "<n> passed, <m> failed"; exit status 0 only when all passed.
 */
#include <stdio.h>
#include <string.h>
#include "requests.c"

/* What the rest of the driver would link against and these cases never call. */
struct ExecIFace *IExec;
struct PCIIFace *IPCI;
BOOL drv_add_int_server(uint32 irq, APTR data) { (void)irq; (void)data; return FALSE; }
void drv_rem_int_server(uint32 irq) { (void)irq; }

static int passed, failed;

struct seg { uint64 addr; uint32 len; };

/* The model: the window's runs from transfer offset `done` on, each cut into pieces of at most size_max
 * (0: no limit), the first seg_limit pieces, then cut back to whole blocks from the end. */
static int model(const struct DMAEntry *runs, unsigned nruns, uint32 map_start, uint32 done, uint32 size_max,
                 uint32 seg_limit, uint32 block, struct seg *out, uint32 *total)
{
    int n = 0;
    uint32 t = 0, pos = map_start;
    for (unsigned r = 0; r < nruns; r++) {
        uint32 a = (uint32)(DRV_UINTPTR)runs[r].PhysicalAddress, len = runs[r].BlockLength;
        for (uint32 i = 0; i < len; ) {
            if (pos + i < done) { i = done - pos < len ? done - pos : len; continue; }
            uint32 piece = len - i;
            if (size_max && piece > size_max) piece = size_max;
            if ((uint32)n == seg_limit) goto cut;
            out[n].addr = a + i; out[n].len = piece; n++;
            t += piece; i += piece;
        }
        pos += len;
    }
cut:;
    uint32 partial = t % block;
    t -= partial;
    while (partial) {
        if (out[n - 1].len <= partial) { partial -= out[n - 1].len; n--; }
        else { out[n - 1].len -= partial; partial = 0; }
    }
    *total = t;
    return n;
}

static void run_case(const char *name, const struct DMAEntry *runs, unsigned nruns, uint32 map_start, uint32 done,
                     uint32 size_max, uint32 seg_limit, uint32 block, int expect_n, uint32 expect_total)
{
    static struct vblk_dev_unit u;
    static struct vblk_slot s;
    static struct vblk_virtq_buf bufs[300];
    struct seg want[300];
    uint32 want_total = 0;
    memset(&u, 0, sizeof u); memset(&s, 0, sizeof s); memset(bufs, 0xee, sizeof bufs);
    u.size_max = size_max; u.seg_limit = seg_limit; u.block_size = block;
    s.uses_bounce = FALSE; s.dma_list = (struct DMAEntry *)runs; s.dma_entries = nruns; s.map_start = map_start; s.done = done;
    /* Two header/status descriptors before the data, as Submit puts them. */
    int n = vblk_requests_add_block_data(&u, &s, bufs, 1);
    int wn = model(runs, nruns, map_start, done, size_max, seg_limit, block, want, &want_total);
    char why[200] = "";
    if (n - 1 != wn || s.length != want_total) snprintf(why, sizeof why, "%d segments of %u bytes, the model %d of %u", n - 1, s.length, wn, want_total);
    for (int i = 0; !why[0] && i < wn; i++)
        if (bufs[1 + i].addr != want[i].addr || bufs[1 + i].len != want[i].len)
            snprintf(why, sizeof why, "segment %d at %llx+%u, the model %llx+%u", i, (unsigned long long)bufs[1 + i].addr, bufs[1 + i].len,
                     (unsigned long long)want[i].addr, want[i].len);
    for (int i = 1; !why[0] && i < n; i++)
        if ((size_max && bufs[i].len > size_max) || bufs[i].len == 0) snprintf(why, sizeof why, "segment %d of %u bytes (size_max %u)", i - 1, bufs[i].len, size_max);
    if (!why[0] && ((uint32)(n - 1) > seg_limit || s.length % block)) snprintf(why, sizeof why, "%d segments (limit %u), %u bytes", n - 1, seg_limit, s.length);
    if (!why[0] && expect_n >= 0 && (n - 1 != expect_n || s.length != expect_total))
        snprintf(why, sizeof why, "%d segments of %u bytes, expected %d of %u", n - 1, s.length, expect_n, expect_total);
    if (why[0]) { printf("FAIL %s: %s\n", name, why); failed++; } else { printf("PASS %s\n", name); passed++; }
}

#define RUN(a, l) { (APTR)(DRV_UINTPTR)(a), (l) }

int main(void)
{
    /* Hand-computed: 64 KiB in one run, size_max 4 KiB, 8 segments allowed: 8 x 4 KiB = 32 KiB this request. */
    static const struct DMAEntry one[] = { RUN(0x100000, 65536) };
    run_case("size_max_4k_seg_max_8", one, 1, 0, 0, 4096, 8, 512, 8, 32768);
    /* The second request of that transfer starts 32 KiB in. */
    run_case("size_max_4k_second_part", one, 1, 0, 32768, 4096, 8, 512, 8, 32768);
    /* size_max not a block multiple: 5 x 1000 = 5000 bytes, cut back to 4608 (9 blocks): 4 x 1000 + 608. */
    run_case("size_max_1000_cut_to_blocks", one, 1, 0, 0, 1000, 5, 512, 5, 4608);
    /* A segment smaller than a block at the end is dropped: 3 x 700 = 2100 -> 2048: 700, 700, 648. */
    run_case("size_max_700", one, 1, 0, 0, 700, 3, 512, 3, 2048);
    /* No size_max: one segment per run. */
    run_case("no_size_max", one, 1, 0, 0, 0, 8, 512, 1, 65536);
    /* Runs of 3000 and 5000 bytes from offset 1024: 1976 | 2048 2048 904, 6976 -> 6656 bytes, the last 904 -> 584. */
    static const struct DMAEntry two[] = { RUN(0x200000, 3000), RUN(0x300000, 5000) };
    run_case("runs_from_an_offset", two, 2, 0, 1024, 2048, 16, 512, 4, 6656);
    /* A 4 KiB-block device: 3 x 3000 = 9000 -> 8192, the last piece 2192. */
    run_case("4k_blocks", one, 1, 0, 0, 3000, 3, 4096, 3, 8192);
    /* A mapped window that starts 96 KiB into the transfer, resumed 100 KiB in. */
    static const struct DMAEntry win[] = { RUN(0x400000, 8192), RUN(0x500000, 24576) };
    run_case("window_offset", win, 2, 98304, 102400, 2048, 6, 512, -1, 0);
    /* Many pseudo-random shapes against the model. */
    uint32 seed = 12345;
    static struct DMAEntry runs[8];
    for (int k = 0; k < 300; k++) {
        char name[40];
        seed = seed * 1103515245u + 12345u;
        unsigned nr = 1 + seed % 8;
        uint32 total = 0;
        for (unsigned r = 0; r < nr; r++) {
            seed = seed * 1103515245u + 12345u;
            uint32 len = 512 * (1 + seed % 64) - ((seed >> 7) % 3 == 0 ? 200 : 0);
            runs[r].PhysicalAddress = (APTR)(DRV_UINTPTR)(0x1000000u * (r + 1) + (seed >> 12) % 4096);
            runs[r].BlockLength = len;
            total += len;
        }
        uint32 block = (seed >> 3) % 4 == 0 ? 4096 : 512;
        seed = seed * 1103515245u + 12345u;
        uint32 done = (seed % (total / 512 + 1)) * 512 / 2;
        uint32 size_max = (seed >> 5) % 5 == 0 ? 0 : 512 + (seed >> 9) % 9000;
        uint32 seg_limit = 1 + (seed >> 15) % 40;
        snprintf(name, sizeof name, "random_%03d", k);
        run_case(name, runs, nr, 0, done, size_max, seg_limit, block, -1, 0);
    }
    printf("%d passed, %d failed\n", passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}
