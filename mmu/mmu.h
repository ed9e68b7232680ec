/* Storage access for instruction code: the only way cpu/ touches guest
 * storage. Inline TLB fast paths, out-of-line translation and fill. Argument
 * order is always (cpu, ar, addr, ...); ar is the B field of the operand,
 * used only in access-register mode. */
#ifndef SIEVE_MMU_MMU_H
#define SIEVE_MMU_MMU_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"
#include "mmu/storage.h"

enum acc_kind { ACC_FETCH, ACC_STORE, ACC_IFETCH };

/* Logical @addr (already wrapped) to absolute for an access with the PSW
 * key. Returns 0 with *aaddr set, or the access exception (addressing,
 * translation, protection: low-address, DAT, key-controlled). */
MUST_CHECK exc_t mmu_translate(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                               uint64_t *aaddr);

/* mmu_translate with access key @key instead of the PSW key (0: no key-
 * controlled protection). */
MUST_CHECK exc_t mmu_translate_key(struct cpu *cpu, unsigned ar, uint64_t addr,
                                   enum acc_kind kind, unsigned key, uint64_t *aaddr);

/* Does key-controlled protection permit an access of @kind with access key
 * @key at effective address @addr (base field @ar) to the frame at absolute
 * @aaddr? Storage-protection override (CR0 bit 39) and fetch-protection
 * override (CR0 bit 38) apply. PoO ch. 3, "Key-Controlled Protection". */
bool mmu_key_permits(struct cpu *cpu, unsigned ar, uint64_t addr, uint64_t aaddr,
                     enum acc_kind kind, unsigned key);

/* Real address to absolute through the CPU's prefix. */
static inline uint64_t prefix_apply(uint32_t prefix, uint64_t raddr)
{
    if (raddr < 0x2000)
        return raddr + prefix;
    if ((raddr & ~UINT64_C(0x1fff)) == prefix)
        return raddr & 0x1fff;
    return raddr;
}

static inline unsigned tlb_index(uint64_t addr)
{
    return (unsigned)(addr >> 12) & (TLB_SIZE - 1);
}

/* Drop every TLB entry of @cpu (context change, PTLB, SPX, key change). */
void mmu_tlb_flush(struct cpu *cpu);
/* Drop @cpu's store entries for the frame at absolute @aaddr (it now holds code). */
void mmu_tlb_drop_store_frame(struct cpu *cpu, uint64_t aaddr);
/* Flush the TLB if a PSW change from @old_mask alters translation or keys. */
void mmu_psw_changed(struct cpu *cpu, uint64_t old_mask);

/* Byte-granular slow paths: @len bytes in big-endian order at @buf. Each
 * checks every page before any byte moves. */
MUST_CHECK exc_t mmu_fetch_slow(struct cpu *cpu, unsigned ar, uint64_t addr, unsigned len,
                                void *buf);
MUST_CHECK exc_t mmu_store_slow(struct cpu *cpu, unsigned ar, uint64_t addr, unsigned len,
                                const void *buf);

static inline const uint8_t *tlb_hit(const struct tlb_entry *arr, uint64_t addr, unsigned len)
{
    const struct tlb_entry *e = &arr[tlb_index(addr)];

    if (likely(e->page == (addr & PAGE_MASK) && (addr & ~PAGE_MASK) <= PAGE_SIZE - len))
        return e->host + (addr & ~PAGE_MASK);
    return NULL;
}

static inline MUST_CHECK exc_t mmu_fetch_u8(struct cpu *cpu, unsigned ar, uint64_t addr,
                                            uint8_t *val)
{
    const uint8_t *p = tlb_hit(cpu->tlb.fetch, addr, 1);

    if (likely(p != NULL)) {
        *val = *p;
        return 0;
    }
    return mmu_fetch_slow(cpu, ar, addr, 1, val);
}

static inline MUST_CHECK exc_t mmu_fetch_u16(struct cpu *cpu, unsigned ar, uint64_t addr,
                                             uint16_t *val)
{
    const uint8_t *p = tlb_hit(cpu->tlb.fetch, addr, 2);
    uint8_t buf[2];
    exc_t exc;

    if (likely(p != NULL)) {
        *val = ld_be16(p);
        return 0;
    }
    exc = mmu_fetch_slow(cpu, ar, addr, 2, buf);
    *val = ld_be16(buf);
    return exc;
}

static inline MUST_CHECK exc_t mmu_fetch_u32(struct cpu *cpu, unsigned ar, uint64_t addr,
                                             uint32_t *val)
{
    const uint8_t *p = tlb_hit(cpu->tlb.fetch, addr, 4);
    uint8_t buf[4];
    exc_t exc;

    if (likely(p != NULL)) {
        *val = ld_be32(p);
        return 0;
    }
    exc = mmu_fetch_slow(cpu, ar, addr, 4, buf);
    *val = ld_be32(buf);
    return exc;
}

static inline MUST_CHECK exc_t mmu_fetch_u64(struct cpu *cpu, unsigned ar, uint64_t addr,
                                             uint64_t *val)
{
    const uint8_t *p = tlb_hit(cpu->tlb.fetch, addr, 8);
    uint8_t buf[8];
    exc_t exc;

    if (likely(p != NULL)) {
        *val = ld_be64(p);
        return 0;
    }
    exc = mmu_fetch_slow(cpu, ar, addr, 8, buf);
    *val = ld_be64(buf);
    return exc;
}

static inline MUST_CHECK exc_t mmu_store_u8(struct cpu *cpu, unsigned ar, uint64_t addr,
                                            uint8_t val)
{
    uint8_t *p = (uint8_t *)tlb_hit(cpu->tlb.store, addr, 1);

    if (likely(p != NULL)) {
        *p = val;
        return 0;
    }
    return mmu_store_slow(cpu, ar, addr, 1, &val);
}

static inline MUST_CHECK exc_t mmu_store_u16(struct cpu *cpu, unsigned ar, uint64_t addr,
                                             uint16_t val)
{
    uint8_t *p = (uint8_t *)tlb_hit(cpu->tlb.store, addr, 2);
    uint8_t buf[2];

    if (likely(p != NULL)) {
        st_be16(p, val);
        return 0;
    }
    st_be16(buf, val);
    return mmu_store_slow(cpu, ar, addr, 2, buf);
}

static inline MUST_CHECK exc_t mmu_store_u32(struct cpu *cpu, unsigned ar, uint64_t addr,
                                             uint32_t val)
{
    uint8_t *p = (uint8_t *)tlb_hit(cpu->tlb.store, addr, 4);
    uint8_t buf[4];

    if (likely(p != NULL)) {
        st_be32(p, val);
        return 0;
    }
    st_be32(buf, val);
    return mmu_store_slow(cpu, ar, addr, 4, buf);
}

static inline MUST_CHECK exc_t mmu_store_u64(struct cpu *cpu, unsigned ar, uint64_t addr,
                                             uint64_t val)
{
    uint8_t *p = (uint8_t *)tlb_hit(cpu->tlb.store, addr, 8);
    uint8_t buf[8];

    if (likely(p != NULL)) {
        st_be64(p, val);
        return 0;
    }
    st_be64(buf, val);
    return mmu_store_slow(cpu, ar, addr, 8, buf);
}

/* A prepared storage operand of up to 4096 bytes: every page translated and
 * checked, host pointers kept, so the commit cannot fail (probe, then commit).
 * Byte i of the operand lives at h[0][i] for i < len0, else h[1][i - len0]. */
struct acc {
    uint8_t *h[2];
    uint32_t len0;
    uint32_t len;
};

/* Translate and check the @len-byte operand at @addr for @kind (a store
 * operand is also recorded as changed). Returns 0 or the access exception;
 * @len == 0 prepares nothing and never fails. */
MUST_CHECK exc_t mmu_prepare(struct cpu *cpu, struct acc *a, unsigned ar, uint64_t addr,
                             uint32_t len, enum acc_kind kind);

/* As mmu_prepare, but in address space @asc (PSW ASC encoding: 0 primary,
 * 1 AR, 2 secondary, 3 home) instead of the PSW's and with access key @key,
 * without filling the TLB: for MVCOS, MVCK, MVCP and the other instructions
 * that name the space or the key of an operand. */
MUST_CHECK exc_t mmu_prepare_space(struct cpu *cpu, struct acc *a, unsigned ar, uint64_t addr,
                                   uint32_t len, enum acc_kind kind, unsigned asc,
                                   unsigned key);

/* mmu_prepare_space with the PSW key. */
static inline MUST_CHECK exc_t mmu_prepare_asc(struct cpu *cpu, struct acc *a, unsigned ar,
                                               uint64_t addr, uint32_t len, enum acc_kind kind,
                                               unsigned asc)
{
    return mmu_prepare_space(cpu, a, ar, addr, len, kind, asc, PSW_KEY(cpu->psw.mask));
}

static inline uint8_t acc_get(const struct acc *a, uint32_t i)
{
    return i < a->len0 ? a->h[0][i] : a->h[1][i - a->len0];
}

static inline void acc_set(const struct acc *a, uint32_t i, uint8_t v)
{
    if (i < a->len0)
        a->h[0][i] = v;
    else
        a->h[1][i - a->len0] = v;
}

/* Copy @n bytes from operand offset @off into @buf. */
void acc_read(const struct acc *a, uint32_t off, void *buf, uint32_t n);
/* Copy @n bytes from @buf to operand offset @off. */
void acc_write(const struct acc *a, uint32_t off, const void *buf, uint32_t n);

/* Host pointer to the CPU's 8 KiB prefix area (real 0-0x1fff), recorded as
 * referenced and changed; used for interruption PSW swaps. */
uint8_t *mmu_lowcore(struct cpu *cpu);

/* The machine's absolute address of @len bytes (within one page) at the
 * absolute address @aaddr the CPU sees (under SIE the guest's, through MSO
 * and the host's DAT), without reference or change recording: for DAT-table
 * entries and storage keys. Returns 0, addressing, or the host exception of
 * a guest access. */
MUST_CHECK exc_t mmu_abs_host(struct cpu *cpu, uint64_t aaddr, unsigned len, enum acc_kind kind,
                              uint64_t *out);

/* Real-address access (no DAT) to @len bytes at real @raddr that do not
 * cross a page: prefixing applied, R (and for a store C) recorded. Returns 0
 * with *host pointing at the first byte, or an addressing exception. */
MUST_CHECK exc_t mmu_real_host(struct cpu *cpu, uint64_t raddr, unsigned len,
                               enum acc_kind kind, uint8_t **host);
/* Copy @len bytes (within one page) at real @raddr into @buf, as a fetch
 * through mmu_real_host (tables the architecture designates by real
 * address). Returns 0 or an addressing exception. */
MUST_CHECK exc_t mmu_real_fetch(struct cpu *cpu, uint64_t raddr, unsigned len, void *buf);

/* Fetch the instruction at @addr into @buf (up to 6 bytes; the length comes
 * from the first byte). Returns 0 with *aaddr the absolute address of the
 * first byte, or the access exception. */
MUST_CHECK exc_t mmu_ifetch(struct cpu *cpu, uint64_t addr, uint8_t *buf, uint64_t *aaddr);

#endif
