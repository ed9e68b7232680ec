/* Guest storage under SIE (SIE.md 5.1): guest logical -> guest real (guest
 * DAT with the guest CRs, tables read at guest absolute addresses) -> guest
 * absolute (guest prefix) -> + MSO, checked against MSL -> host virtual ->
 * host real through the host ASCE in CR1 at SIE entry -> host absolute (host
 * prefix). Host faults become host program interruptions (EXC_F_HOST) with
 * the TEID Linux's gmap code expects (SIE.md 2.4). The TLB caches the
 * composed result; it is flushed at SIE entry and exit. */
#include "sie/sie.h"

#include "mmu/dat.h"

/* Host virtual @h_vaddr to host absolute through the host tables in force at
 * SIE entry. Returns 0 or EXC_HOST_PGM(code) with cpu->exc.teid set. */
static exc_t host_translate(struct cpu *cpu, uint64_t h_vaddr, enum acc_kind kind,
                            uint64_t *h_aaddr)
{
    struct sie_ctx *ctx = cpu->sie;
    uint64_t h_raddr = h_vaddr, a;
    struct dat_walk w;
    exc_t exc;

    if (ctx->h_dat) {
        /* Walk with the host's CR0 (EDAT) and without the guest-table hook.
         * The walk only reads storage; both fields are restored at once. */
        uint64_t g_cr0 = cpu->cr[0];

        cpu->sie = NULL;
        cpu->cr[0] = ctx->h_cr[0];
        exc = dat_walk(cpu, ctx->h_asce, h_vaddr, &w);
        cpu->cr[0] = g_cr0;
        cpu->sie = ctx;
        if (exc) {
            /* TEID: the host-virtual page, primary space (bits 62-63 = 00). */
            cpu->exc.teid = h_vaddr & PAGE_MASK;
            cpu->exc.eaid = 0;
            return EXC_HOST_PGM(EXC_CODE(exc));
        }
        if (kind == ACC_STORE && w.prot) {
            if (!(ctx->s.ecb & ECB_HOSTPROTINT))
                return EXC_PGM(PGM_PROTECTION);     /* guest protection (SIE.md 5.4) */
            cpu->exc.teid = (h_vaddr & PAGE_MASK) | TEID_DAT_PROT;
            cpu->exc.eaid = 0;
            return EXC_HOST_PGM(PGM_PROTECTION);
        }
        h_raddr = w.raddr;
    }
    a = prefix_apply(ctx->h_prefix, h_raddr);
    if (a >= cpu->mem->size) {
        cpu->exc.teid = h_vaddr & PAGE_MASK;
        return EXC_HOST_PGM(PGM_ADDRESSING);
    }
    *h_aaddr = a;
    return 0;
}

exc_t gmem_abs(struct cpu *cpu, uint64_t g_aaddr, enum acc_kind kind, uint64_t *h_aaddr)
{
    const struct scb_shadow *s = &cpu->sie->s;
    uint64_t h_vaddr = g_aaddr;

    if (!(s->cpuflags & CPUSTAT_SM)) {
        /* Beyond the limit: a guest addressing exception, always
         * intercepted (SIE.md 4.3). */
        if (g_aaddr > s->msl - s->mso)
            return EXC_PGM(PGM_ADDRESSING);
        h_vaddr = s->mso + g_aaddr;
    }
    return host_translate(cpu, h_vaddr, kind, h_aaddr);
}

exc_t sie_translate(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                    uint64_t *aaddr)
{
    uint64_t raddr = addr;
    exc_t exc;

    if (cpu->psw.mask & PSW_MASK_DAT) {
        exc = dat_translate(cpu, ar, addr, kind, &raddr);
        if (exc)
            return exc;
    }
    return gmem_abs(cpu, prefix_apply(cpu->prefix, raddr), kind, aaddr);
}

exc_t sie_table_fetch(struct cpu *cpu, uint64_t g_aaddr, uint64_t *e)
{
    uint64_t a;
    exc_t exc = gmem_abs(cpu, g_aaddr, ACC_FETCH, &a);

    if (exc)
        return exc;
    cpu->mem->keys[a >> 12] |= SKEY_R;
    *e = ld_be64(storage_host(cpu->mem, a));
    return 0;
}

exc_t sie_real_host(struct cpu *cpu, uint64_t raddr, unsigned len, enum acc_kind kind,
                    uint8_t **host)
{
    uint64_t a;
    exc_t exc = gmem_abs(cpu, prefix_apply(cpu->prefix, raddr), kind, &a);

    if (exc)
        return exc;
    if (!storage_valid(cpu->mem, a, len))
        return EXC_HOST_PGM(PGM_ADDRESSING);
    cpu->mem->keys[a >> 12] |= SKEY_R;
    if (kind == ACC_STORE)
        storage_note_store(cpu->mem, a);
    *host = storage_host(cpu->mem, a);
    return 0;
}

uint8_t *sie_lowcore(struct cpu *cpu)
{
    storage_note_store(cpu->mem, cpu->sie->lowcore_abs);
    return storage_host(cpu->mem, cpu->sie->lowcore_abs);
}
