#include "harness/mem.h"
#include "harness/cpu.h"
#include "harness/console.h"

#define HEAP_END   0x0f000000u      /* below amigaone's board info at 0x0f800000 */
#define HDR_MAGIC  0x48454150u      /* "HEAP" */

struct free_block { size_t size; struct free_block *next; };
/* Placed immediately before every allocation. */
struct alloc_hdr { uintptr_t chunk; size_t chunk_size; size_t size; uint32_t magic; };

extern char _image_end[];
static struct free_block *free_list;

static uintptr_t align_up(uintptr_t v, uintptr_t a) { return (v + a - 1) & ~(a - 1); }

void mem_init(void)
{
    uintptr_t start = align_up((uintptr_t)_image_end, 4096);
    free_list = (struct free_block *)start;
    free_list->size = HEAP_END - start;
    free_list->next = 0;
}

static void insert_free(uintptr_t at, size_t size)
{
    struct free_block **p = &free_list;
    while (*p && (uintptr_t)*p < at) p = &(*p)->next;
    struct free_block *b = (struct free_block *)at;
    b->size = size; b->next = *p; *p = b;
    if (b->next && at + b->size == (uintptr_t)b->next) { b->size += b->next->size; b->next = b->next->next; }
    if (p != &free_list) {
        struct free_block *prev = (struct free_block *)((char *)p - offsetof(struct free_block, next));
        if ((uintptr_t)prev + prev->size == at) { prev->size += b->size; prev->next = b->next; }
    }
}

void *mem_alloc(size_t size, size_t align)
{
    if (align < 16) align = 16;
    if (align & (align - 1)) return 0;
    size = align_up(size ? size : 1, 16);
    uint32_t ee = cpu_irq_save();
    for (struct free_block **p = &free_list; *p; p = &(*p)->next) {
        uintptr_t chunk = (uintptr_t)*p, end = chunk + (*p)->size;
        uintptr_t user = align_up(chunk + sizeof(struct alloc_hdr), align);
        if (user + size > end || user + size < user) continue;
        uintptr_t used_end = user + size;
        struct free_block *next = (*p)->next;
        *p = next;
        /* Give back the tail (if big enough to describe itself); the head stays in the chunk. */
        size_t chunk_size = end - chunk;
        if (end - used_end >= 64) { chunk_size = used_end - chunk; insert_free(used_end, end - used_end); }
        struct alloc_hdr *h = (struct alloc_hdr *)user - 1;
        h->chunk = chunk; h->chunk_size = chunk_size; h->size = size; h->magic = HDR_MAGIC;
        cpu_irq_restore(ee);
        return (void *)user;
    }
    cpu_irq_restore(ee);
    return 0;
}

void mem_free(void *p)
{
    if (!p) return;
    struct alloc_hdr *h = (struct alloc_hdr *)p - 1;
    if (h->magic != HDR_MAGIC) panic("mem_free(%p): not an allocated block (magic %08x)", p, h->magic);
    uint32_t ee = cpu_irq_save();
    h->magic = 0;
    insert_free(h->chunk, h->chunk_size);
    cpu_irq_restore(ee);
}

size_t mem_size(const void *p)
{
    const struct alloc_hdr *h = (const struct alloc_hdr *)p - 1;
    return h->magic == HDR_MAGIC ? h->size : 0;
}

size_t mem_free_bytes(void)
{
    size_t n = 0;
    for (struct free_block *b = free_list; b; b = b->next) n += b->size;
    return n;
}

int mem_check(void)
{
    uintptr_t last = 0;
    for (struct free_block *b = free_list; b; b = b->next) {
        if ((uintptr_t)b <= last || (uintptr_t)b + b->size > HEAP_END) return 0;
        last = (uintptr_t)b + b->size;
    }
    return 1;
}
