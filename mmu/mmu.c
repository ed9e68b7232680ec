/* Translation, TLB fills and the slow paths of the access helpers. */
#include "mmu/mmu.h"

#include <string.h>
#include "cpu/trace.h"
#include "mmu/dat.h"
#include "sie/sie.h"

#define TLB_EMPTY 1u

/* Instruction length from the first byte (PoO "Instruction Formats"). */
static unsigned insn_len_of(uint8_t byte0)
{
    return byte0 < 0x40 ? 2 : byte0 < 0xc0 ? 4 : 6;
}

void mmu_tlb_flush(struct cpu *cpu)
{
    trace_mmu_flush(cpu);
    for (unsigned i = 0; i < TLB_SIZE; i++) {
        cpu->tlb.fetch[i].page = TLB_EMPTY;
        cpu->tlb.store[i].page = TLB_EMPTY;
        cpu->tlb.ifetch[i].page = TLB_EMPTY;
    }
    cpu->attn |= ATTN_REFETCH;              /* the next instruction must be fetched anew */
}

void mmu_tlb_drop_store_frame(struct cpu *cpu, uint64_t aaddr)
{
    uint8_t *host = storage_host(cpu->mem, aaddr & PAGE_MASK);

    for (unsigned i = 0; i < TLB_SIZE; i++)
        if (cpu->tlb.store[i].host == host)
            cpu->tlb.store[i].page = TLB_EMPTY;
}

void mmu_psw_changed(struct cpu *cpu, uint64_t old_mask)
{
    const uint64_t bits = PSW_MASK_DAT | PSW_MASK_KEY | PSW_MASK_ASC | PSW_MASK_PSTATE;

    if ((old_mask ^ cpu->psw.mask) & bits)
        mmu_tlb_flush(cpu);
}

#define CR0_FPO BIT64(38)           /* fetch-protection override */
#define CR0_SPO BIT64(39)           /* storage-protection override */

/* May fetch-protection override lift fetch protection at effective address
 * @addr: CR0 bit 38 one, @addr below 2048, and DAT off or the space's ASCE
 * not private? PoO ch. 3, "Fetch-Protection Override". */
static bool fetch_override(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind)
{
    enum dat_space space;
    uint64_t asce;

    if (!(cpu->cr[0] & CR0_FPO) || addr >= 2048)
        return false;
    if (!(cpu->psw.mask & PSW_MASK_DAT))
        return true;
    return dat_select_asce(cpu, ar, kind, &asce, &space) == 0 && !(asce & ASCE_P);
}

bool mmu_key_permits(struct cpu *cpu, unsigned ar, uint64_t addr, uint64_t aaddr,
                     enum acc_kind kind, unsigned key)
{
    uint8_t skey = cpu->mem->keys[aaddr >> 12];
    unsigned acc = skey >> 4;

    if (key == 0 || key == acc || (acc == 9 && (cpu->cr[0] & CR0_SPO)))
        return true;
    return kind != ACC_STORE && (!(skey & SKEY_F) || fetch_override(cpu, ar, addr, kind));
}

exc_t mmu_translate_key(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                        unsigned key, uint64_t *aaddr)
{
    uint64_t raddr = addr;
    uint64_t a;
    exc_t exc;

    if (!(cpu->psw.mask & PSW_MASK_DAT) && kind == ACC_STORE && dat_low_protected(cpu, addr)) {
        cpu->exc.teid = (addr & PAGE_MASK) | TEID_LAP;
        return EXC_PGM(PGM_PROTECTION);
    }
    if (unlikely(cpu->sie != NULL))         /* guest storage under SIE */
        return sie_translate(cpu, ar, addr, kind, aaddr);
    if (cpu->psw.mask & PSW_MASK_DAT) {
        exc = dat_translate(cpu, ar, addr, kind, &raddr);
        if (exc)
            return exc;
    }
    a = prefix_apply(cpu->prefix, raddr);
    if (a >= cpu->mem->size)
        return EXC_PGM(PGM_ADDRESSING);
    if (key != 0 && !mmu_key_permits(cpu, ar, addr, a, kind, key)) {
        /* Key-controlled protection: TEID bits 56 and 61 zero. */
        if (!(cpu->psw.mask & PSW_MASK_DAT))
            cpu->exc.teid = addr & PAGE_MASK;
        return EXC_PGM(PGM_PROTECTION);
    }
    *aaddr = a;
    return 0;
}

exc_t mmu_translate(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                    uint64_t *aaddr)
{
    return mmu_translate_key(cpu, ar, addr, kind, PSW_KEY(cpu->psw.mask), aaddr);
}

/* Must an access of @kind at @addr in a page of the first 8 KiB stay out of
 * the TLB, because low-address protection or fetch-protection override
 * covers only part of the page? */
static bool low_page_partial(const struct cpu *cpu, uint64_t addr, enum acc_kind kind)
{
    if (addr >= 2 * PAGE_SIZE)
        return false;
    return kind == ACC_STORE ? (cpu->cr[0] & CR0_LAP) != 0 : (cpu->cr[0] & CR0_FPO) != 0;
}

/* Translate the page of @addr for @kind and install it in the TLB. Returns 0
 * with *host pointing at the byte of @addr, or the access exception. */
static exc_t tlb_fill(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                      uint8_t **host)
{
    struct tlb_entry *arr;
    uint64_t aaddr;
    exc_t exc = mmu_translate(cpu, ar, addr, kind, &aaddr);

    if (exc)
        return exc;
    trace_mmu_fill(cpu, addr, aaddr, kind);
    cpu->mem->keys[aaddr >> 12] |= SKEY_R;
    *host = storage_host(cpu->mem, aaddr);
    arr = kind == ACC_FETCH ? cpu->tlb.fetch : kind == ACC_STORE ? cpu->tlb.store
                                                                  : cpu->tlb.ifetch;
    if (kind == ACC_STORE) {
        storage_note_store(cpu->mem, aaddr);
        if (cpu->mem->code[aaddr >> 12])
            return 0;                       /* stores to code frames stay slow */
    }
    /* In access-register mode the space depends on the operand's access
     * register, which the TLB does not record: data accesses stay slow. */
    if (kind != ACC_IFETCH && (cpu->psw.mask & PSW_MASK_DAT) &&
        PSW_ASC(cpu->psw.mask) == PSW_ASC_AR)
        return 0;
    if (unlikely(low_page_partial(cpu, addr, kind)))
        return 0;
    arr[tlb_index(addr)].page = addr & PAGE_MASK;
    arr[tlb_index(addr)].host = storage_host(cpu->mem, aaddr & PAGE_MASK);
    return 0;
}

/* As tlb_fill, but a data access that hits the TLB needs no translation:
 * an entry exists only while its translation, key check and R/C recording
 * still hold. */
static exc_t tlb_lookup(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                        uint8_t **host)
{
    const struct tlb_entry *e;

    if (kind != ACC_IFETCH) {
        e = &(kind == ACC_FETCH ? cpu->tlb.fetch : cpu->tlb.store)[tlb_index(addr)];
        if (likely(e->page == (addr & PAGE_MASK))) {
            *host = e->host + (addr & ~PAGE_MASK);
            return 0;
        }
    }
    return tlb_fill(cpu, ar, addr, kind, host);
}

exc_t mmu_prepare(struct cpu *cpu, struct acc *a, unsigned ar, uint64_t addr, uint32_t len,
                  enum acc_kind kind)
{
    uint32_t first = PAGE_SIZE - (uint32_t)(addr & ~PAGE_MASK);
    exc_t exc;

    a->len = len;
    a->len0 = len < first ? len : first;
    a->h[0] = a->h[1] = NULL;
    if (len == 0)
        return 0;
    exc = tlb_lookup(cpu, ar, addr, kind, &a->h[0]);
    if (exc)
        return exc;
    if (a->len0 < len) {
        exc = tlb_lookup(cpu, ar, cpu_wrap(cpu, addr + a->len0), kind, &a->h[1]);
        if (exc)
            return exc;
    }
    return 0;
}

/* Translate one page of an operand in the PSW's current space with access
 * key @key without touching the TLB; records R, and C for a store. */
static exc_t untlb_page(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                       unsigned key, uint8_t **host)
{
    uint64_t aaddr;
    exc_t exc = mmu_translate_key(cpu, ar, addr, kind, key, &aaddr);

    if (exc)
        return exc;
    cpu->mem->keys[aaddr >> 12] |= SKEY_R;
    if (kind == ACC_STORE)
        storage_note_store(cpu->mem, aaddr);
    *host = storage_host(cpu->mem, aaddr);
    return 0;
}

exc_t mmu_prepare_space(struct cpu *cpu, struct acc *a, unsigned ar, uint64_t addr,
                        uint32_t len, enum acc_kind kind, unsigned asc, unsigned key)
{
    uint32_t first = PAGE_SIZE - (uint32_t)(addr & ~PAGE_MASK);
    uint64_t saved = cpu->psw.mask;
    exc_t exc;

    a->len = len;
    a->len0 = len < first ? len : first;
    a->h[0] = a->h[1] = NULL;
    if (len == 0)
        return 0;
    cpu->psw.mask = (saved & ~PSW_MASK_ASC) | (uint64_t)(asc & 3) << 46;
    exc = untlb_page(cpu, ar, addr, kind, key, &a->h[0]);
    if (!exc && a->len0 < len)
        exc = untlb_page(cpu, ar, cpu_wrap(cpu, addr + a->len0), kind, key, &a->h[1]);
    cpu->psw.mask = saved;
    return exc;
}

/* Bytes of the @n at operand offset @off that lie in the first page. */
static uint32_t acc_first_part(const struct acc *a, uint32_t off, uint32_t n)
{
    if (off >= a->len0)
        return 0;
    return n < a->len0 - off ? n : a->len0 - off;
}

void acc_read(const struct acc *a, uint32_t off, void *buf, uint32_t n)
{
    uint32_t first = acc_first_part(a, off, n);

    if (first)
        memcpy(buf, a->h[0] + off, first);
    if (n > first)
        memcpy((uint8_t *)buf + first, a->h[1] + (off + first - a->len0), n - first);
}

void acc_write(const struct acc *a, uint32_t off, const void *buf, uint32_t n)
{
    uint32_t first = acc_first_part(a, off, n);

    if (first)
        memcpy(a->h[0] + off, buf, first);
    if (n > first)
        memcpy(a->h[1] + (off + first - a->len0), (const uint8_t *)buf + first, n - first);
}

exc_t mmu_fetch_slow(struct cpu *cpu, unsigned ar, uint64_t addr, unsigned len, void *buf)
{
    struct acc a;
    exc_t exc = mmu_prepare(cpu, &a, ar, addr, len, ACC_FETCH);

    if (exc)
        return exc;
    acc_read(&a, 0, buf, len);
    return 0;
}

exc_t mmu_store_slow(struct cpu *cpu, unsigned ar, uint64_t addr, unsigned len, const void *buf)
{
    struct acc a;
    exc_t exc = mmu_prepare(cpu, &a, ar, addr, len, ACC_STORE);

    if (exc)
        return exc;
    acc_write(&a, 0, buf, len);
    return 0;
}

uint8_t *mmu_lowcore(struct cpu *cpu)
{
    if (unlikely(cpu->sie != NULL))
        return sie_lowcore(cpu);
    storage_note_store(cpu->mem, cpu->prefix);
    storage_note_store(cpu->mem, cpu->prefix + PAGE_SIZE);
    return storage_host(cpu->mem, cpu->prefix);
}

exc_t mmu_ifetch(struct cpu *cpu, uint64_t addr, uint8_t *buf, uint64_t *aaddr)
{
    const uint8_t *p = tlb_hit(cpu->tlb.ifetch, addr, 2);
    uint8_t *host;
    unsigned len;
    exc_t exc;

    if (!p) {
        exc = tlb_fill(cpu, 0, addr, ACC_IFETCH, &host);
        if (exc)
            return exc;
        p = host;
    }
    *aaddr = (uint64_t)(p - cpu->mem->ram);
    len = insn_len_of(p[0]);
    if ((addr & ~PAGE_MASK) <= PAGE_SIZE - len) {
        memcpy(buf, p, len);
        return 0;
    }
    buf[0] = p[0];
    buf[1] = p[1];
    for (unsigned i = 2; i < len; i += 2) {
        uint64_t next = cpu_wrap(cpu, addr + i);

        exc = tlb_fill(cpu, 0, next, ACC_IFETCH, &host);
        if (exc)
            return exc;
        buf[i] = host[0];
        buf[i + 1] = host[1];
    }
    return 0;
}

exc_t mmu_abs_host(struct cpu *cpu, uint64_t aaddr, unsigned len, enum acc_kind kind,
                   uint64_t *out)
{
    if (unlikely(cpu->sie != NULL)) {
        exc_t exc = gmem_abs(cpu, aaddr, kind, &aaddr);

        if (exc)
            return exc;
    }
    if (!storage_valid(cpu->mem, aaddr, len))
        return EXC_PGM(PGM_ADDRESSING);
    *out = aaddr;
    return 0;
}

exc_t mmu_real_fetch(struct cpu *cpu, uint64_t raddr, unsigned len, void *buf)
{
    uint8_t *host;
    exc_t exc = mmu_real_host(cpu, raddr, len, ACC_FETCH, &host);

    if (exc)
        return exc;
    memcpy(buf, host, len);
    return 0;
}

exc_t mmu_real_host(struct cpu *cpu, uint64_t raddr, unsigned len, enum acc_kind kind,
                    uint8_t **host)
{
    uint64_t a = prefix_apply(cpu->prefix, raddr);

    /* Low-address protection covers real addresses too (STURA, TEST BLOCK);
     * callers' operands start at their first byte in range. */
    if (kind == ACC_STORE && dat_low_protected(cpu, raddr)) {
        cpu->exc.teid = (raddr & PAGE_MASK) | TEID_LAP;
        return EXC_PGM(PGM_PROTECTION);
    }
    if (unlikely(cpu->sie != NULL))
        return sie_real_host(cpu, raddr, len, kind, host);
    if (!storage_valid(cpu->mem, a, len))
        return EXC_PGM(PGM_ADDRESSING);
    cpu->mem->keys[a >> 12] |= SKEY_R;
    if (kind == ACC_STORE)
        storage_note_store(cpu->mem, a);
    *host = storage_host(cpu->mem, a);
    return 0;
}
