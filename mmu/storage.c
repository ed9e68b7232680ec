#include "mmu/storage.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

bool storage_init(struct storage *mem, uint64_t size)
{
    uint64_t frames = size >> 12;
    void *ram = mmap(NULL, size, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);

    if (ram == MAP_FAILED)
        return false;
    mem->ram = ram;
    mem->size = size;
    mem->keys = calloc(frames, 1);
    mem->code = calloc(frames, 1);
    mem->code_gen = calloc(frames, sizeof(uint32_t));
    return mem->keys && mem->code && mem->code_gen;
}

void storage_free(struct storage *mem)
{
    munmap(mem->ram, mem->size);
    free(mem->keys);
    free(mem->code);
    free(mem->code_gen);
}

void storage_read_abs(struct storage *mem, uint64_t aaddr, void *buf, uint64_t len)
{
    memcpy(buf, mem->ram + aaddr, len);
}

void storage_write_abs(struct storage *mem, uint64_t aaddr, const void *buf, uint64_t len)
{
    for (uint64_t f = aaddr >> 12; f <= (aaddr + len - 1) >> 12 && len; f++)
        storage_note_store(mem, f << 12);
    memcpy(mem->ram + aaddr, buf, len);
}

void storage_clear(struct storage *mem)
{
    uint64_t frames = mem->size >> 12;

    /* A private anonymous mapping reads as zeros again once dropped. */
    if (madvise(mem->ram, mem->size, MADV_DONTNEED) != 0)
        memset(mem->ram, 0, mem->size);
    memset(mem->keys, 0, frames);
    for (uint64_t f = 0; f < frames; f++) {
        if (mem->code[f]) {
            mem->code[f] = 0;
            mem->code_gen[f]++;
        }
    }
}
