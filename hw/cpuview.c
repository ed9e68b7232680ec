/* A debugger's view of a CPU at level 1 (the host) or 2 (a guest in SIE). */
#include "hw/cpuview.h"

#include <string.h>
#include "cpu/cpu.h"
#include "mmu/mmu.h"
#include "sie/sie.h"

unsigned cpu_view_current(const struct cpu *cpu)
{
    return cpu->sie ? 2 : 1;
}

void cpu_view_get(const struct cpu *cpu, unsigned level, struct cpu_view *v)
{
    const struct sie_ctx *ctx = cpu->sie;

    memset(v, 0, sizeof(*v));
    v->in_sie = ctx != NULL;
    v->scb = ctx ? ctx->scb : 0;
    v->level = cpu_view_current(cpu);
    v->psw_mask = cpu_psw_mask(cpu);
    v->psw_addr = cpu->psw.addr;
    memcpy(v->gr, cpu->gr, sizeof(v->gr));
    memcpy(v->cr, cpu->cr, sizeof(v->cr));
    v->prefix = cpu->prefix;
    if (level != 1 || !ctx)
        return;
    /* The host at its SIE instruction: GRs 0-13 are shared with the guest. */
    v->level = 1;
    v->psw_mask = ctx->h_psw_mask;
    v->psw_addr = ctx->sie_ia;
    v->gr[14] = ctx->h_gr14;
    v->gr[15] = ctx->h_gr15;
    memcpy(v->cr, ctx->h_cr, sizeof(v->cr));
    v->prefix = ctx->h_prefix;
}

/* Absolute address of @addr at @level for @cpu, leaving no exception details
 * behind. For the host view in SIE the host's PSW, CRs and prefix stand in
 * while the host's tables are walked. Returns false if not accessible. */
static bool view_abs(struct cpu *cpu, unsigned level, uint64_t addr, uint64_t *aaddr)
{
    struct exc_info saved = cpu->exc;
    struct sie_ctx *ctx = cpu->sie;
    uint64_t cr[16], mask = cpu->psw.mask;
    uint32_t prefix = cpu->prefix;
    exc_t exc;

    if (level != 1 || !ctx) {
        exc = mmu_translate(cpu, 0, cpu_wrap(cpu, addr), ACC_FETCH, aaddr);
        cpu->exc = saved;
        return exc == 0;
    }
    memcpy(cr, cpu->cr, sizeof(cr));
    cpu->sie = NULL;
    memcpy(cpu->cr, ctx->h_cr, sizeof(cr));
    cpu->psw.mask = ctx->h_psw_mask;
    cpu_amode_update(cpu);
    cpu->prefix = ctx->h_prefix;
    exc = mmu_translate(cpu, 0, cpu_wrap(cpu, addr), ACC_FETCH, aaddr);
    cpu->prefix = prefix;
    cpu->psw.mask = mask;
    cpu_amode_update(cpu);
    memcpy(cpu->cr, cr, sizeof(cr));
    cpu->sie = ctx;
    cpu->exc = saved;
    return exc == 0;
}

uint64_t cpu_view_rw(struct cpu *cpu, unsigned level, uint64_t addr, uint8_t *buf,
                     uint64_t len, bool write, bool real)
{
    uint64_t done = 0;

    while (done < len) {
        uint64_t a = addr + done, aaddr = a;
        uint64_t chunk = PAGE_SIZE - (a & ~PAGE_MASK);

        if (chunk > len - done)
            chunk = len - done;
        if (real ? !storage_valid(cpu->mem, a, chunk) : !view_abs(cpu, level, a, &aaddr))
            break;
        if (write)
            storage_write_abs(cpu->mem, aaddr, buf + done, chunk);
        else
            storage_read_abs(cpu->mem, aaddr, buf + done, chunk);
        done += chunk;
    }
    return done;
}
