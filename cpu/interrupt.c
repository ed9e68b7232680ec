/* Interruptions: PSW swaps through the lowcore, priorities and masks.
 * PoO chapter 6, "Interruptions". */
#include "cpu/cpu.h"

#include "cpu/lowcore.h"
#include "cpu/tod.h"
#include "cpu/trace.h"
#include "hw/doors.h"
#include "mmu/mmu.h"
#include "sie/sie.h"

/* How a program exception leaves the instruction (PoO "Types of Instruction
 * Ending"): nullified ones point the old PSW at the instruction itself. */
static bool pgm_nullifies(unsigned code)
{
    switch (code) {
    case PGM_TRACE_TABLE:
    case PGM_SEGMENT_TRANSLATION:
    case PGM_PAGE_TRANSLATION:
    case PGM_ASCE_TYPE:
    case PGM_REGION_FIRST_TRANSLATION:
    case PGM_REGION_SECOND_TRANSLATION:
    case PGM_REGION_THIRD_TRANSLATION:
    case PGM_ALEN_TRANSLATION:
    case PGM_ALE_SEQUENCE:
    case PGM_ASTE_VALIDITY:
    case PGM_ASTE_SEQUENCE:
    case PGM_EXTENDED_AUTHORITY:
    case PGM_ASTE_INSTANCE:
    case PGM_AFX_TRANSLATION:
    case PGM_ASX_TRANSLATION:
    case PGM_LX_TRANSLATION:
    case PGM_EX_TRANSLATION:
    case PGM_PRIMARY_AUTHORITY:
    case PGM_SECONDARY_AUTHORITY:
    case PGM_LFX_TRANSLATION:
    case PGM_LSX_TRANSLATION:
    case PGM_LSTE_SEQUENCE:
    case PGM_STACK_FULL:
    case PGM_STACK_EMPTY:
    case PGM_STACK_SPEC:
    case PGM_STACK_TYPE:
    case PGM_STACK_OPERATION:
        return true;
    default:
        return false;
    }
}

/* Is the PSW @mask/@addr of a valid form? PoO "Exceptions Associated with the PSW". */
static bool psw_valid(uint64_t mask, uint64_t addr)
{
    const uint64_t must_be_zero = BIT64(0) | BIT64(2) | BIT64(3) | BIT64(4) | BIT64(12) |
                                  (UINT64_C(0x7f) << 33) | UINT64_C(0x7fffffff);

    if (mask & must_be_zero)
        return false;
    if ((mask & PSW_MASK_EA) && !(mask & PSW_MASK_BA))
        return false;
    if (!(mask & PSW_MASK_EA) && (mask & PSW_MASK_BA) && addr > 0x7fffffffu)
        return false;
    if (!(mask & (PSW_MASK_EA | PSW_MASK_BA)) && addr > 0xffffffu)
        return false;
    return true;
}

void cpu_load_psw(struct cpu *cpu, uint64_t mask, uint64_t addr)
{
    uint64_t old = cpu->psw.mask;

    cpu->psw.mask = mask & ~PSW_MASK_CC;
    cpu_amode_update(cpu);
    cpu->cc = (uint8_t)FIELD64(mask, 18, 19);
    cpu->psw.addr = addr;
    cpu->next_ia = addr;
    cpu->attn |= ATTN_REFETCH;              /* even at the next address: wait bit, masks */
    mmu_psw_changed(cpu, old);
    cpu_update_attn(cpu);
    if (!psw_valid(mask, addr)) {
        cpu->attn |= ATTN_PSW_INVALID;
        if (unlikely(cpu->trace & TR_GUEST_ERRORS))
            trace_event_cold(cpu, "guest_errors", "invalid PSW %016llx:%016llx loaded",
                             (unsigned long long)mask, (unsigned long long)addr);
    }
}

/* Store the current PSW at lowcore @old (with @addr as its address) and
 * load the PSW at lowcore @new. */
static void psw_swap(struct cpu *cpu, uint8_t *lc, unsigned old, unsigned new, uint64_t addr)
{
    st_be64(lc + old, cpu_psw_mask(cpu));
    st_be64(lc + old + 8, addr);
    cpu_load_psw(cpu, ld_be64(lc + new), ld_be64(lc + new + 8));
}

void cpu_program_interrupt(struct cpu *cpu, exc_t exc)
{
    unsigned code = EXC_CODE(exc);
    uint64_t addr = pgm_nullifies(code) ? cpu->psw.addr : cpu->next_ia;
    uint8_t *lc;

    if (unlikely(cpu->sie != NULL) && sie_route(cpu, exc, addr))
        return;                             /* intercepted, or a host interruption */
    lc = mmu_lowcore(cpu);
    trace_pgm(cpu, code, addr);
    st_be16(lc + LC_PGM_ILC, cpu->ilen);
    st_be16(lc + LC_PGM_CODE, (uint16_t)code);
    switch (code) {
    case PGM_DATA:
    case PGM_VECTOR_PROCESSING:
        st_be32(lc + LC_DXC, cpu->exc.dxc);
        if (cpu->cr[0] & BIT64(45))
            cpu->fpc = (cpu->fpc & 0xffff00ffu) | (cpu->exc.dxc & 0xff) << 8;
        break;
    case PGM_MONITOR_EVENT:
        st_be16(lc + LC_MON_CLASS, cpu->exc.monitor_class);
        st_be64(lc + LC_MON_CODE, cpu->exc.monitor_code);
        break;
    case PGM_ALET_SPEC:
    case PGM_ALEN_TRANSLATION:
    case PGM_ALE_SEQUENCE:
    case PGM_ASTE_VALIDITY:
    case PGM_ASTE_SEQUENCE:
    case PGM_EXTENDED_AUTHORITY:
        /* ART exceptions: the access register used (PoO ch. 5, "Exception
         * Access Identification"). */
        lc[LC_EXC_ACCESS_ID] = cpu->exc.eaid;
        break;
    case PGM_PROTECTION:
    case PGM_SEGMENT_TRANSLATION:
    case PGM_PAGE_TRANSLATION:
    case PGM_ASCE_TYPE:
    case PGM_REGION_FIRST_TRANSLATION:
    case PGM_REGION_SECOND_TRANSLATION:
    case PGM_REGION_THIRD_TRANSLATION:
    case PGM_SPACE_SWITCH:
        st_be64(lc + LC_TEID, cpu->exc.teid);
        lc[LC_EXC_ACCESS_ID] = cpu->exc.eaid;
        break;
    case PGM_AFX_TRANSLATION:       /* the ASN or PC number, PoO ch. 6 */
    case PGM_ASX_TRANSLATION:
    case PGM_LX_TRANSLATION:
    case PGM_EX_TRANSLATION:
    case PGM_PRIMARY_AUTHORITY:
    case PGM_SECONDARY_AUTHORITY:
        st_be64(lc + LC_TEID, cpu->exc.teid);
        break;
    default:
        break;
    }
    st_be64(lc + LC_BEA, cpu->bea);
    psw_swap(cpu, lc, LC_PGM_OLD_PSW, LC_PGM_NEW_PSW, addr);
}

void cpu_svc_interrupt(struct cpu *cpu, uint8_t code)
{
    uint8_t *lc = mmu_lowcore(cpu);

    trace_svc(cpu, code);
    st_be16(lc + LC_SVC_ILC, cpu->ilen);
    st_be16(lc + LC_SVC_CODE, code);
    psw_swap(cpu, lc, LC_SVC_OLD_PSW, LC_SVC_NEW_PSW, cpu->next_ia);
}

void cpu_post_service_signal(struct cpu *cpu, uint32_t param)
{
    cpu->irq_pending |= IRQ_EXT_SERVICE;
    cpu->ssig_param = param;
    cpu_update_attn(cpu);
}

void cpu_post_emergency_signal(struct cpu *cpu, uint16_t from)
{
    if (!(cpu->irq_pending & IRQ_EXT_EMERGENCY))
        cpu->emsig_from = 0;
    cpu->emsig_from |= UINT64_C(1) << (from & 63);
    cpu->irq_pending |= IRQ_EXT_EMERGENCY;
    cpu_update_attn(cpu);
}

bool cpu_post_external_call(struct cpu *cpu, uint16_t from)
{
    if (cpu->irq_pending & IRQ_EXT_XCALL)
        return false;
    cpu->xcall_from = from;
    cpu->irq_pending |= IRQ_EXT_XCALL;
    cpu_update_attn(cpu);
    return true;
}

bool cpu_external_call_pending(const struct cpu *cpu)
{
    return (cpu->irq_pending & IRQ_EXT_XCALL) != 0;
}

/* The external conditions in order of priority, each with its CR0 subclass
 * mask (PoO chapter 6, "External Interruption"; the same order as QEMU and
 * KVM present them). */
static const struct {
    uint32_t irq;
    uint64_t submask;
} ext_order[] = {
    { IRQ_EXT_EMERGENCY, CR0_EMSIG_SUBMASK },
    { IRQ_EXT_XCALL, CR0_XCALL_SUBMASK },
    { IRQ_EXT_CKC, CR0_CKC_SUBMASK },
    { IRQ_EXT_CPUTIMER, CR0_CPUTM_SUBMASK },
    { IRQ_EXT_SERVICE, CR0_SSIG_SUBMASK },
};

/* The highest-priority pending external condition that CR0's subclass masks
 * let through, or 0. */
static uint32_t ext_open(const struct cpu *cpu)
{
    if (!(cpu->irq_pending & (IRQ_EXT_EMERGENCY | IRQ_EXT_XCALL | IRQ_EXT_CKC |
                              IRQ_EXT_CPUTIMER | IRQ_EXT_SERVICE)))
        return 0;
    for (unsigned i = 0; i < sizeof(ext_order) / sizeof(ext_order[0]); i++)
        if ((cpu->irq_pending & ext_order[i].irq) && (cpu->cr[0] & ext_order[i].submask))
            return ext_order[i].irq;
    return 0;
}

/* The pending I/O interruption subclasses that CR6 bits 32-39 let through
 * (PoO chapter 6, "I/O Interruption": bit 32 is ISC 0). */
static uint8_t io_open(const struct cpu *cpu)
{
    return cpu->io_isc_pending & (uint8_t)(cpu->cr[6] >> 24);
}

bool cpu_interrupt_enabled(const struct cpu *cpu)
{
    return ((cpu->psw.mask & PSW_MASK_EXT) && ext_open(cpu)) ||
           ((cpu->psw.mask & PSW_MASK_IO) && io_open(cpu));
}

void cpu_set_io_pending(struct cpu *cpu, uint8_t isc_mask)
{
    cpu->io_isc_pending = isc_mask;
    cpu_update_attn(cpu);
}

/* Take the I/O interruption the channel subsystem hands out for the enabled
 * subclasses: subsystem-identification word at 0xb8, interruption parameter
 * at 0xbc, interruption-identification word at 0xc0. Returns false if
 * another CPU took it first. */
static bool deliver_io(struct cpu *cpu)
{
    uint32_t code[3];
    uint8_t *lc;

    if (!door_io_accept(cpu, io_open(cpu), code))
        return false;
    trace_io_int(cpu, code);
    lc = mmu_lowcore(cpu);
    st_be32(lc + LC_SUBCHANNEL_ID, code[0]);
    st_be32(lc + LC_IO_PARAM, code[1]);
    st_be32(lc + LC_IO_ID, code[2]);
    cpu->waiting = false;
    psw_swap(cpu, lc, LC_IO_OLD_PSW, LC_IO_NEW_PSW, cpu->psw.addr);
    return true;
}

/* ATTN_IRQ is set only while an interruption can be taken, so a pending but
 * masked condition costs nothing per instruction: every change of the PSW
 * masks, of CR0 or of the pending set comes through here. The timer
 * conditions are re-evaluated here when they could be taken. */
void cpu_update_attn(struct cpu *cpu)
{
    if (unlikely(cpu->sie != NULL)) {
        sie_update_attn(cpu);
        return;
    }
    if ((cpu->psw.mask & PSW_MASK_EXT) &&
        (cpu->cr[0] & (CR0_CKC_SUBMASK | CR0_CPUTM_SUBMASK)))
        cpu_timer_check(cpu);
    cpu->attn &= ~ATTN_IRQ;
    if (cpu_interrupt_enabled(cpu))
        cpu->attn |= ATTN_IRQ;
}

/* Take the external interruption @code; @from goes to lowcore 0x84 (the
 * signalling CPU for SIGP conditions, else zero). The old PSW points at the
 * next instruction, or at the interrupted one when it was interruptible. */
static void deliver_ext(struct cpu *cpu, uint16_t code, uint16_t from, uint32_t param)
{
    uint8_t *lc = mmu_lowcore(cpu);

    trace_ext(cpu, code, param);
    st_be16(lc + LC_EXT_CODE, code);
    st_be16(lc + LC_EXT_CPU_ADDR, from);
    if (code == EXT_SERVICE_SIGNAL)
        st_be32(lc + LC_EXT_PARAM, param);
    cpu->waiting = false;
    psw_swap(cpu, lc, LC_EXT_OLD_PSW, LC_EXT_NEW_PSW, cpu->psw.addr);
}

bool cpu_deliver_interrupts(struct cpu *cpu)
{
    uint32_t irq;
    unsigned from;

    if (unlikely(cpu->sie != NULL))
        return sie_deliver(cpu);
    irq = (cpu->psw.mask & PSW_MASK_EXT) ? ext_open(cpu) : 0;

    switch (irq) {
    case IRQ_EXT_EMERGENCY:
        from = (unsigned)__builtin_ctzll(cpu->emsig_from);
        cpu->emsig_from &= cpu->emsig_from - 1;
        if (!cpu->emsig_from)
            cpu->irq_pending &= ~IRQ_EXT_EMERGENCY;
        deliver_ext(cpu, EXT_EMERGENCY_SIGNAL, (uint16_t)from, 0);
        break;
    case IRQ_EXT_XCALL:
        cpu->irq_pending &= ~IRQ_EXT_XCALL;
        deliver_ext(cpu, EXT_EXTERNAL_CALL, cpu->xcall_from, 0);
        break;
    case IRQ_EXT_CKC:           /* a level: stays pending while TOD > CKC */
        deliver_ext(cpu, EXT_CLOCK_COMPARATOR, 0, 0);
        break;
    case IRQ_EXT_CPUTIMER:      /* a level: stays pending while negative */
        deliver_ext(cpu, EXT_CPU_TIMER, 0, 0);
        break;
    case IRQ_EXT_SERVICE:
        cpu->irq_pending &= ~IRQ_EXT_SERVICE;
        deliver_ext(cpu, EXT_SERVICE_SIGNAL, 0, cpu->ssig_param);
        break;
    default:
        /* I/O interruptions rank below external ones (PoO "Interruption Priority"). */
        if ((cpu->psw.mask & PSW_MASK_IO) && io_open(cpu) && deliver_io(cpu)) {
            cpu_update_attn(cpu);
            return true;
        }
        cpu_update_attn(cpu);
        return false;
    }
    cpu_update_attn(cpu);
    return true;
}

void cpu_stop(struct cpu *cpu)
{
    if (unlikely(cpu->sie != NULL))         /* a stopped CPU is not in SIE */
        sie_interrupted(cpu);
    cpu_timer_sync(cpu, tod_raw());         /* the CPU timer halts while stopped */
    cpu->state = CPU_STOPPED;
    cpu_exit_loop(cpu);
}
