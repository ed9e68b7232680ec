/* Absolute storage: the guest's RAM as one host mapping, a storage key per
 * 4 KiB frame, and the per-frame marks the decoded-instruction cache needs. */
#ifndef SIEVE_MMU_STORAGE_H
#define SIEVE_MMU_STORAGE_H

#include <stdbool.h>
#include <stdint.h>

/* Storage-key bits, PoO "Storage Key". */
#define SKEY_ACC  0xf0
#define SKEY_F    0x08
#define SKEY_R    0x04
#define SKEY_C    0x02

struct storage {
    uint8_t *ram;
    uint64_t size;          /* bytes, a multiple of 1 MiB */
    uint8_t *keys;          /* one per frame */
    uint8_t *code;          /* non-zero: decoded instructions cached from this frame */
    uint32_t *code_gen;     /* bumped when a frame holding code is stored into */
    uint32_t *code_watch;   /* the running CPU's attention word, or NULL */
    uint32_t code_watch_bit;    /* ORed into it by a store into a code frame */
};

/* Map @size bytes of zeroed guest storage (backed lazily by the host).
 * Returns false if the host cannot provide it. */
bool storage_init(struct storage *mem, uint64_t size);
void storage_free(struct storage *mem);
/* Zero all of storage and its keys (a clear reset); decoded code of every
 * frame is dropped. */
void storage_clear(struct storage *mem);

static inline bool storage_valid(const struct storage *mem, uint64_t aaddr, uint64_t len)
{
    return aaddr < mem->size && len <= mem->size - aaddr;
}

static inline uint8_t *storage_host(const struct storage *mem, uint64_t aaddr)
{
    return mem->ram + aaddr;
}

/* Note that the frame of @aaddr is about to be stored into: drops the
 * decoded instructions of a code frame. */
static inline void storage_note_store(struct storage *mem, uint64_t aaddr)
{
    uint64_t frame = aaddr >> 12;

    mem->keys[frame] |= 0x06;
    if (mem->code[frame]) {
        mem->code[frame] = 0;
        mem->code_gen[frame]++;
        if (mem->code_watch)
            *mem->code_watch |= mem->code_watch_bit;
    }
}

/* Copy @len bytes out of absolute storage (the range must be valid). */
void storage_read_abs(struct storage *mem, uint64_t aaddr, void *buf, uint64_t len);
/* Copy @len bytes into absolute storage, recording change and dropping code. */
void storage_write_abs(struct storage *mem, uint64_t aaddr, const void *buf, uint64_t len);

#endif
