/* START INTERPRETIVE EXECUTION (B214): enter, run the guest with the same
 * interpreter, leave on interception or host interruption. Interception
 * decisions live here (SIE.md 2-4). */
#include "sie/sie.h"

#include <string.h>
#include "cpu/cpu.h"
#include "cpu/insn.h"
#include "cpu/lowcore.h"
#include "cpu/model.h"
#include "cpu/tod.h"

/* One SIE context per CPU address. */
static struct sie_ctx sie_ctxs[256];

/* Host absolute address of host real @raddr, or UINT64_MAX beyond storage. */
static uint64_t host_real_abs(const struct cpu *cpu, uint32_t h_prefix, uint64_t raddr,
                              uint64_t len)
{
    uint64_t a = prefix_apply(h_prefix, raddr);

    return storage_valid(cpu->mem, a, len) ? a : UINT64_MAX;
}

/* Store a validity intercept with @reason into the SCB at @raw: only
 * icptcode, ipa and ipb change (SIE.md 4.5). */
static void validity(uint8_t *raw, unsigned reason)
{
    raw[SCB_ICPTCODE] = ICPT_VALIDITY;
    st_be16(raw + SCB_IPA, SIE_VALIDITY_IPA);
    st_be32(raw + SCB_IPB, reason << 16);
}

/* The checks that need the host: the SCA in the host prefix area or beyond
 * storage, the guest prefix page unreachable. Returns 0 or the reason. */
static unsigned host_checks(struct cpu *cpu, struct sie_ctx *ctx)
{
    const struct scb_shadow *s = &ctx->s;
    exc_t exc;

    if (s->scao) {
        if ((s->scao & ~UINT64_C(0x1fff)) == cpu->prefix)
            return VIR_SCA_HOST_PREFIX;
        if (host_real_abs(cpu, cpu->prefix, s->scao, 2112) == UINT64_MAX)
            return VIR_SCA_INVALID;
    }
    if (s->fac) {
        ctx->fac_abs = host_real_abs(cpu, cpu->prefix, s->fac, 32);
        if (ctx->fac_abs == UINT64_MAX)
            return VIR_FAC;
    }
    /* The first page of the guest prefix area must be mapped and writable. */
    exc = gmem_abs(cpu, s->prefix, ACC_STORE, &ctx->lowcore_abs);
    return exc ? VIR_PREFIX_ACCESS : 0;
}

/* SIE - START INTERPRETIVE EXECUTION (S). The second operand designates the
 * SCB at a host real address, 512-byte aligned. Returns 0 (the guest runs,
 * or a validity intercept completed SIE), operation (no SIEF2),
 * specification or addressing. */
exc_t insn_sie(struct cpu *cpu, const struct insn *in)
{
    uint64_t raddr = insn_addr2(cpu, in);
    struct sie_ctx *ctx = &sie_ctxs[cpu->cpu_addr & 0xff];
    uint8_t *raw;
    uint64_t aaddr;
    unsigned vir;

    if (!cpu->model->fac[FAC_SIEF2])
        return EXC_PGM(PGM_OPERATION);
    if (raddr & (SCB_SIZE - 1))
        return EXC_PGM(PGM_SPECIFICATION);
    aaddr = host_real_abs(cpu, cpu->prefix, raddr, SCB_SIZE);
    if (aaddr == UINT64_MAX)
        return EXC_PGM(PGM_ADDRESSING);
    raw = storage_host(cpu->mem, aaddr);
    storage_note_store(cpu->mem, aaddr);
    memset(ctx, 0, sizeof(*ctx));
    ctx->scb = aaddr;
    ctx->scb_host = raw;
    vir = scb_shadow(raw, &ctx->s);
    if (vir) {
        validity(raw, vir);
        return 0;
    }
    ctx->sie_ia = cpu->ia;
    ctx->sie_next = cpu->next_ia;
    ctx->h_psw_mask = cpu_psw_mask(cpu);
    memcpy(ctx->h_cr, cpu->cr, sizeof(ctx->h_cr));
    ctx->h_prefix = cpu->prefix;
    ctx->h_asce = cpu->cr[1];
    ctx->h_dat = (cpu->psw.mask & PSW_MASK_DAT) != 0;
    cpu->sie = ctx;                 /* gmem needs the context for the prefix check */
    vir = host_checks(cpu, ctx);
    if (vir) {
        cpu->sie = NULL;
        validity(raw, vir);
        return 0;
    }
    /* Enter: save the rest of the host state, load the guest's (SIE.md 2.2). */
    ctx->entry_raw = tod_raw();
    cpu_timer_sync(cpu, ctx->entry_raw);
    ctx->h_cputm = cpu->cputm;
    ctx->h_ckc = cpu->ckc;
    ctx->h_gr14 = cpu->gr[14];
    ctx->h_gr15 = cpu->gr[15];
    ctx->h_bea = cpu->bea;
    ctx->h_todpr = cpu->todpr;
    cpu->gr[14] = ctx->s.gg14;
    cpu->gr[15] = ctx->s.gg15;
    memcpy(cpu->cr, ctx->s.gcr, sizeof(cpu->cr));
    cpu->prefix = ctx->s.prefix;
    cpu->cputm = (int64_t)ctx->s.cputm;
    cpu->ckc = ctx->s.ckc;
    cpu->epoch = ctx->s.epoch;
    cpu->todpr = ctx->s.todpr;
    cpu->bea = ctx->s.gbea;
    mmu_tlb_flush(cpu);
    cpu_load_psw(cpu, ctx->s.gpsw_mask, ctx->s.gpsw_addr);
    trace_sie_entry(cpu);
    return 0;
}

/* Leave SIE with interception code @icpt, the guest PSW addressing
 * @g_addr, the host continuing at @h_addr: store the guest state into the
 * SCB, restore the host's (SIE.md 2.6, 3.4). */
static void sie_exit(struct cpu *cpu, unsigned icpt, uint64_t g_addr, uint64_t h_addr)
{
    struct sie_ctx *ctx = cpu->sie;
    struct scb_shadow *s = &ctx->s;
    uint64_t now = tod_raw();

    cpu_timer_sync(cpu, now);
    s->icpt = (uint8_t)icpt;
    s->gpsw_mask = cpu_psw_mask(cpu);
    s->gpsw_addr = g_addr;
    s->gg14 = cpu->gr[14];
    s->gg15 = cpu->gr[15];
    memcpy(s->gcr, cpu->cr, sizeof(s->gcr));
    s->cputm = (uint64_t)cpu->cputm;
    s->ckc = cpu->ckc;
    s->todpr = cpu->todpr;
    s->gbea = cpu->bea;
    scb_unshadow(ctx->scb_host, s, cpu->cpu_addr);
    storage_note_store(cpu->mem, ctx->scb);
    trace_sie_exit(cpu);

    cpu->gr[14] = ctx->h_gr14;
    cpu->gr[15] = ctx->h_gr15;
    memcpy(cpu->cr, ctx->h_cr, sizeof(cpu->cr));
    cpu->prefix = ctx->h_prefix;
    cpu->cputm = ctx->h_cputm - (int64_t)(now - ctx->entry_raw);
    cpu->cputm_raw = now;
    cpu->ckc = ctx->h_ckc;
    cpu->epoch = 0;
    cpu->todpr = ctx->h_todpr;
    cpu->bea = ctx->h_bea;
    cpu->sie = NULL;
    cpu->attn &= ~ATTN_PSW_INVALID;
    mmu_tlb_flush(cpu);
    cpu_load_psw(cpu, ctx->h_psw_mask, h_addr);
}

/* Record the instruction text @bytes of length @len as ipa/ipb (SIE.md 4.1). */
static void set_ipa_ipb(struct scb_shadow *s, const uint8_t *bytes, unsigned len)
{
    s->ipa = (uint16_t)(bytes[0] << 8 | bytes[1]);
    s->ipb = 0;
    if (len >= 4)
        s->ipb = (uint32_t)bytes[2] << 24 | (uint32_t)bytes[3] << 16;
    if (len == 6)
        s->ipb |= (uint32_t)bytes[4] << 8 | bytes[5];
}

/* Is the SCA's IPTE interlock held (SIE.md 3.5)? */
static bool ipte_locked(struct cpu *cpu, const struct sie_ctx *ctx)
{
    uint64_t a;

    if (!ctx->s.scao)
        return false;
    a = host_real_abs(cpu, ctx->h_prefix, ctx->s.scao, 8);
    return a != UINT64_MAX && (storage_host(cpu->mem, a)[0] & 0x80);
}

/* Does SVC @code intercept per svcc (SIE.md 3.1)? */
static bool svc_intercepts(uint32_t svcc, uint8_t code)
{
    return (svcc & 0x80000000u) ||
           ((svcc & 0x40000000u) && code == (uint8_t)(svcc >> 16)) ||
           ((svcc & 0x20000000u) && code == (uint8_t)(svcc >> 8)) ||
           ((svcc & 0x10000000u) && code == (uint8_t)svcc);
}

/* Does loading CRs @r1 to @r3 (wrapping) hit an lctl bit? */
static bool lctl_intercepts(uint16_t lctl, unsigned r1, unsigned r3)
{
    for (unsigned r = r1;; r = (r + 1) & 15) {
        if (lctl & (0x8000u >> r))
            return true;
        if (r == r3)
            return false;
    }
}

/* Does @in intercept under the controls of @ctx (SIE.md 4.2)? */
static bool insn_intercepts(struct cpu *cpu, const struct sie_ctx *ctx, const struct insn *in)
{
    const struct scb_shadow *s = &ctx->s;

    switch (in->id) {
    case INSN_DIAG: case INSN_SIGP: case INSN_SIE: case INSN_STIDP: case INSN_SCK:
    case INSN_SPX: case INSN_STSI: case INSN_STFL: case INSN_TB: case INSN_SERVC:
    case INSN_SCKPF: case INSN_PTFF: case INSN_PFMF:
    case INSN_CSCH: case INSN_HSCH: case INSN_MSCH: case INSN_SSCH: case INSN_STSCH:
    case INSN_TSCH: case INSN_TPI: case INSN_SAL: case INSN_RSCH: case INSN_STCRW:
    case INSN_STCPS: case INSN_RCHP: case INSN_SCHM: case INSN_CHSC: case INSN_SIGA:
    case INSN_XSCH:
        return true;
    case INSN_STFLE:
        return s->fac == 0;
    case INSN_ISKE:
        return s->ictl & ICTL_ISKE;
    case INSN_SSKE:
        return s->ictl & ICTL_SSKE;
    case INSN_RRBE:
        return s->ictl & ICTL_RRBE;
    case INSN_LPSW: case INSN_LPSWE:
        return s->ictl & ICTL_LPSW;
    case INSN_STCTL: case INSN_STCTG:
        return s->ictl & ICTL_STCTL;
    case INSN_TPROT:
        return s->ictl & ICTL_TPROT;
    case INSN_LCTL: case INSN_LCTLG:
        return lctl_intercepts(s->lctl, in->r1, in->r3);
    case INSN_IPTE: case INSN_CSP: case INSN_CSPG: case INSN_IDTE:
        return ipte_locked(cpu, ctx);
    case INSN_SVC:
        return svc_intercepts(s->svcc, (uint8_t)in->i2);
    default:
        return false;
    }
}

exc_t sie_intercept_insn(struct cpu *cpu, const struct insn *in, unsigned ex_len)
{
    struct sie_ctx *ctx = cpu->sie;

    memcpy(ctx->text, in->bytes, sizeof(ctx->text));
    ctx->text_len = in->len;
    ctx->text_status = ex_len ? (uint8_t)(0x01 | (ex_len == 6 ? 0x60 : 0)) : 0;
    if (in->id >= INSN_COUNT || cpu->model->dispatch[in->id] == insn_unimpl)
        return 0;
    /* Privilege is checked first: problem state gets the exception. */
    if (insn_info[in->id].priv == PRIV_PRIV && cpu_problem_state(cpu))
        return 0;
    if (!insn_intercepts(cpu, ctx, in))
        return 0;
    set_ipa_ipb(&ctx->s, ctx->text, ctx->text_len);
    ctx->s.icptstatus = ctx->text_status;
    return EXC_ICPT(ICPT_INST);
}

/* Must guest program exception @code, of an instruction of length @ilen
 * (0: an invalid PSW), intercept (SIE.md 4.3)? */
static bool pgm_intercepts(const struct scb_shadow *s, unsigned code, unsigned ilen)
{
    if (s->ictl & ICTL_PINT)
        return true;
    switch (code & 0x7f) {
    case PGM_ADDRESSING:
    case PGM_SPECIAL_OPERATION:
        return true;
    case PGM_SPECIFICATION:
        /* With SPECI, an invalid PSW still intercepts: delivering it could
         * load an invalid program new PSW and loop. */
        return !(s->ecb & ECB_SPECI) || ilen == 0;
    case PGM_PROTECTION:
        return !(s->eca & ECA_PROTEXCI);
    case PGM_PRIVILEGED_OP:
        return (s->ictl & ICTL_PRIVOP) != 0;
    default:
        return false;
    }
}

/* A host translation of a guest access failed: end SIE with the guest
 * instruction nullified and present the host program interruption with the
 * old PSW at the SIE instruction, ILC 4 (SIE.md 2.3, 2.4). */
static void host_fault(struct cpu *cpu, exc_t exc)
{
    uint64_t sie_ia = cpu->sie->sie_ia;

    sie_exit(cpu, ICPT_NONE, cpu->psw.addr, sie_ia);
    cpu->ilen = 4;
    cpu->next_ia = sie_ia;
    cpu_program_interrupt(cpu, EXC_PGM(EXC_CODE(exc)));
}

bool sie_route(struct cpu *cpu, exc_t exc, uint64_t addr)
{
    struct sie_ctx *ctx = cpu->sie;
    struct scb_shadow *s = &ctx->s;
    unsigned code = EXC_CODE(exc);

    if (exc & EXC_F_ICPT) {
        sie_exit(cpu, code, cpu->next_ia, ctx->sie_next);
        return true;
    }
    if (exc & EXC_F_HOST) {
        host_fault(cpu, exc);
        return true;
    }
    if (code == PGM_OPERATION && (s->ictl & ICTL_OPEREXC) && cpu->ilen && ctx->text_len) {
        set_ipa_ipb(s, ctx->text, ctx->text_len);
        s->icptstatus = ctx->text_status;
        sie_exit(cpu, ICPT_OPEREXC, cpu->next_ia, ctx->sie_next);
        return true;
    }
    if (!pgm_intercepts(s, code, cpu->ilen))
        return false;
    s->pgmilc = cpu->ilen;
    s->iprcc = (uint16_t)code;
    s->dxc = cpu->exc.dxc;
    s->mcn = cpu->exc.monitor_class;
    s->eai = cpu->exc.eaid;
    s->tecmc = code == PGM_MONITOR_EVENT ? cpu->exc.monitor_code : cpu->exc.teid;
    sie_exit(cpu, ICPT_PROGI, addr, ctx->sie_next);
    return true;
}

/* Is a host interruption pending and enabled by the host PSW and CRs saved
 * at entry? Host timers are checked against their saved values. */
static bool host_pending(const struct cpu *cpu, const struct sie_ctx *ctx)
{
    const uint64_t cr0 = ctx->h_cr[0];
    uint64_t now;

    if ((ctx->h_psw_mask & PSW_MASK_IO) &&
        (cpu->io_isc_pending & (uint8_t)(ctx->h_cr[6] >> 24)))
        return true;
    if (!(ctx->h_psw_mask & PSW_MASK_EXT))
        return false;
    if (((cpu->irq_pending & IRQ_EXT_EMERGENCY) && (cr0 & CR0_EMSIG_SUBMASK)) ||
        ((cpu->irq_pending & IRQ_EXT_XCALL) && (cr0 & CR0_XCALL_SUBMASK)) ||
        ((cpu->irq_pending & IRQ_EXT_SERVICE) && (cr0 & CR0_SSIG_SUBMASK)))
        return true;
    now = tod_raw();
    if ((cr0 & CR0_CKC_SUBMASK) && tod_from_raw(now) > ctx->h_ckc)
        return true;
    return (cr0 & CR0_CPUTM_SUBMASK) && ctx->h_cputm - (int64_t)(now - ctx->entry_raw) < 0;
}

/* @a + @b, or UINT64_MAX - 1 if that would reach UINT64_MAX ("never"). */
static uint64_t sat_add(uint64_t a, uint64_t b)
{
    return b >= UINT64_MAX - 1 - a ? UINT64_MAX - 1 : a + b;
}

uint64_t sie_host_deadline(struct cpu *cpu)
{
    const struct sie_ctx *ctx = cpu->sie;
    const uint64_t cr0 = ctx->h_cr[0];
    uint64_t now = tod_raw(), deadline = UINT64_MAX;

    if (!(ctx->h_psw_mask & PSW_MASK_EXT))
        return UINT64_MAX;
    if ((cr0 & CR0_CKC_SUBMASK) && ctx->h_ckc != UINT64_MAX) {
        uint64_t tod = tod_from_raw(now);

        deadline = tod > ctx->h_ckc ? now : sat_add(now, ctx->h_ckc - tod);
    }
    if (cr0 & CR0_CPUTM_SUBMASK) {
        /* The host CPU timer at entry, less the time spent in SIE since. */
        uint64_t t = sat_add(ctx->entry_raw, ctx->h_cputm < 0 ? 0 : (uint64_t)ctx->h_cputm);

        if (t < deadline)
            deadline = t;
    }
    return deadline < now ? now : deadline;
}

/* The interception an SCB request forces now, or ICPT_NONE (SIE.md 4.4).
 * cpuflags are read live: other CPUs set them while the guest runs. */
static unsigned request_icpt(const struct cpu *cpu, const struct sie_ctx *ctx)
{
    uint32_t flags = ld_be32(ctx->scb_host + SCB_CPUFLAGS);

    if ((flags & CPUSTAT_EXT_INT) && (cpu->psw.mask & PSW_MASK_EXT))
        return ICPT_EXTREQ;
    if ((flags & CPUSTAT_IO_INT) && (cpu->psw.mask & PSW_MASK_IO))
        return ICPT_IOREQ;
    if (flags & CPUSTAT_STOP_INT)
        return ICPT_STOP;
    return ICPT_NONE;
}

/* The guest timer condition deliverable now: IRQ_EXT_CKC, IRQ_EXT_CPUTIMER or 0. */
static uint32_t guest_timer(struct cpu *cpu)
{
    if (!(cpu->psw.mask & PSW_MASK_EXT) ||
        !(cpu->cr[0] & (CR0_CKC_SUBMASK | CR0_CPUTM_SUBMASK)))
        return 0;
    cpu_timer_check(cpu);
    if ((cpu->irq_pending & IRQ_EXT_CKC) && (cpu->cr[0] & CR0_CKC_SUBMASK))
        return IRQ_EXT_CKC;
    if ((cpu->irq_pending & IRQ_EXT_CPUTIMER) && (cpu->cr[0] & CR0_CPUTM_SUBMASK))
        return IRQ_EXT_CPUTIMER;
    return 0;
}

void sie_update_attn(struct cpu *cpu)
{
    const struct sie_ctx *ctx = cpu->sie;

    cpu->attn &= ~ATTN_IRQ;
    if (host_pending(cpu, ctx) || request_icpt(cpu, ctx) != ICPT_NONE || guest_timer(cpu))
        cpu->attn |= ATTN_IRQ;
}

bool sie_deliver(struct cpu *cpu)
{
    struct sie_ctx *ctx = cpu->sie;
    unsigned icpt;
    uint32_t timer;
    uint8_t *lc;

    if (host_pending(cpu, ctx)) {
        /* Interrupted SIE: the host old PSW designates SIE (SIE.md 2.5). */
        sie_exit(cpu, ICPT_NONE, cpu->psw.addr, ctx->sie_ia);
        cpu_deliver_interrupts(cpu);
        return true;
    }
    icpt = request_icpt(cpu, ctx);
    if (icpt != ICPT_NONE) {
        sie_exit(cpu, icpt, cpu->psw.addr, ctx->sie_next);
        return true;
    }
    timer = guest_timer(cpu);
    if (!timer) {
        sie_update_attn(cpu);
        return false;
    }
    /* Guest clock comparator before CPU timer, into the guest lowcore (SIE.md 6). */
    lc = sie_lowcore(cpu);
    st_be16(lc + LC_EXT_CODE, timer == IRQ_EXT_CKC ? EXT_CLOCK_COMPARATOR : EXT_CPU_TIMER);
    st_be16(lc + LC_EXT_CPU_ADDR, 0);
    st_be64(lc + LC_EXT_OLD_PSW, cpu_psw_mask(cpu));
    st_be64(lc + LC_EXT_OLD_PSW + 8, cpu->psw.addr);
    cpu->waiting = false;
    cpu_load_psw(cpu, ld_be64(lc + LC_EXT_NEW_PSW), ld_be64(lc + LC_EXT_NEW_PSW + 8));
    return true;
}

uint16_t sie_icpua(const struct cpu *cpu)
{
    return cpu->sie->s.icpua;
}

void sie_facility_list(const struct cpu *cpu, uint64_t *list, unsigned n)
{
    const uint8_t *fac = storage_host(cpu->mem, cpu->sie->fac_abs);

    for (unsigned i = 0; i < n; i++)
        list[i] = ld_be64(fac + 8 * i);
}

void sie_interrupted(struct cpu *cpu)
{
    sie_exit(cpu, ICPT_NONE, cpu->psw.addr, cpu->sie->sie_ia);
}

void sie_wait(struct cpu *cpu)
{
    sie_exit(cpu, ICPT_WAIT, cpu->psw.addr, cpu->sie->sie_next);
}
