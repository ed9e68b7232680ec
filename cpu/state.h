/* The architected state of one CPU (PoO chapter 2 and 4). A leaf header:
 * types and state only, plus trivial accessors. */
#ifndef SIEVE_CPU_STATE_H
#define SIEVE_CPU_STATE_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/exc.h"
#include "util/bits.h"

struct storage;
struct machine;
struct sie_ctx;
struct cpu_model;
struct insn;
struct cpu;

typedef exc_t insn_fn(struct cpu *cpu, const struct insn *in);

/* PSW mask bits, PoO "Program-Status Word" (z/Architecture format). */
#define PSW_MASK_PER     BIT64(1)
#define PSW_MASK_DAT     BIT64(5)
#define PSW_MASK_IO      BIT64(6)
#define PSW_MASK_EXT     BIT64(7)
#define PSW_MASK_KEY     (UINT64_C(0xf) << 52)
#define PSW_MASK_BIT12   BIT64(12)
#define PSW_MASK_MCHECK  BIT64(13)
#define PSW_MASK_WAIT    BIT64(14)
#define PSW_MASK_PSTATE  BIT64(15)
#define PSW_MASK_ASC     (UINT64_C(3) << 46)
#define PSW_MASK_CC      (UINT64_C(3) << 44)
#define PSW_MASK_PM      (UINT64_C(0xf) << 40)
#define PSW_MASK_EA      BIT64(31)
#define PSW_MASK_BA      BIT64(32)
#define PSW_KEY(mask)    ((unsigned)FIELD64(mask, 8, 11))
#define PSW_ASC(mask)    ((unsigned)FIELD64(mask, 16, 17))
#define PSW_PM_FIXED     0x8    /* program-mask bit 20: fixed-point overflow */
#define PSW_PM_DECIMAL   0x4    /* bit 21: decimal overflow */
#define PSW_PM_HFP_EXPU  0x2    /* bit 22: HFP exponent underflow */
#define PSW_PM_HFP_SIGN  0x1    /* bit 23: HFP significance */

#define PSW_ASC_PRIMARY   0
#define PSW_ASC_AR        1
#define PSW_ASC_SECONDARY 2
#define PSW_ASC_HOME      3

/* Control-register bits used across directories. */
#define CR0_SSIG_SUBMASK  BIT64(54)     /* service-signal subclass */
#define CR0_EMSIG_SUBMASK BIT64(49)     /* emergency-signal subclass */
#define CR0_XCALL_SUBMASK BIT64(50)     /* external-call subclass */
#define CR0_CKC_SUBMASK   BIT64(52)     /* clock-comparator subclass */
#define CR0_CPUTM_SUBMASK BIT64(53)     /* CPU-timer subclass */

/* cpu->mmu_fac bits: facilities of the model that translation depends on. */
#define MMU_FAC_EDAT1  0x1u
#define MMU_FAC_EDAT2  0x2u

#define PAGE_SIZE  4096u
#define PAGE_MASK  (~(uint64_t)(PAGE_SIZE - 1))
#define TLB_SIZE   256u

struct psw {
    uint64_t mask;   /* CC bits are kept in cpu->cc while running */
    uint64_t addr;
};

/* One direct-mapped TLB entry: logical page -> host page. page has low bit
 * set when the entry is empty, so an empty entry never matches. */
struct tlb_entry {
    uint64_t page;
    uint8_t *host;
};
_Static_assert(sizeof(struct tlb_entry) == 16, "tlb entry must stay 16 bytes");

/* The TLB of the current translation context (space, key, SIE level). */
struct tlb {
    struct tlb_entry fetch[TLB_SIZE];
    struct tlb_entry store[TLB_SIZE];
    struct tlb_entry ifetch[TLB_SIZE];
};

/* Details of the last exception, meaningful as the exc_t says. */
struct exc_info {
    uint64_t teid;          /* translation-exception identification */
    uint32_t dxc;           /* data-exception code */
    uint8_t eaid;           /* exception access id */
    uint8_t op_access_id;
    uint16_t monitor_class;
    uint64_t monitor_code;
};

/* cpu->attn bits: conditions the execution loop checks before an instruction. */
#define ATTN_IRQ          0x1u   /* an interruption is pending */
#define ATTN_PSW_INVALID  0x2u   /* the current PSW has an invalid form */
#define ATTN_STOP         0x4u   /* a stop is requested */
#define ATTN_DEBUG        0x8u   /* a debugger has breakpoints or steps (door_debug_check) */
#define ATTN_REFETCH      0x10u  /* a new PSW or translation: leave the decoded block */

/* Pending-interruption bits (cpu->irq_pending). */
#define IRQ_EXT_SERVICE   0x0001u   /* service signal, parameter in ssig_param */
#define IRQ_EXT_CKC       0x0002u   /* clock comparator: TOD > CKC (a level) */
#define IRQ_EXT_CPUTIMER  0x0004u   /* CPU timer negative (a level) */
#define IRQ_EXT_EMERGENCY 0x0008u   /* emergency signal, sources in emsig_from */
#define IRQ_EXT_XCALL     0x0010u   /* external call, source in xcall_from */

enum cpu_run_state {
    CPU_STOPPED,
    CPU_OPERATING,
    CPU_CHECK_STOP,
};

union vreg {
    uint64_t d[2];      /* d[0] holds FPR n as bits 0-63 of vector register n */
    uint32_t w[4];
};

struct cpu {
    uint64_t gr[16];
    struct psw psw;
    uint64_t amode_mask;    /* wraps addresses in the PSW's addressing mode (cpu_amode_update) */
    uint8_t cc;             /* condition code, folded into psw.mask when stored */
    uint64_t ia;            /* address of the instruction being executed */
    uint64_t next_ia;       /* where execution continues if the handler completes */
    uint8_t ilen;           /* length of the instruction being executed (EX: of EX) */

    uint32_t ar[16];
    union vreg vr[32];
    uint32_t fpc;
    uint64_t cr[16];
    uint32_t prefix;
    uint32_t todpr;
    int64_t cputm;          /* CPU timer as of raw TOD cputm_raw (cpu/timer.c) */
    uint64_t cputm_raw;
    uint64_t ckc;
    uint64_t epoch;         /* added to the TOD clock this CPU sees: the SIE guest's
                             * epoch difference, 0 outside SIE (SIE.md 6) */
    uint64_t bea;           /* breaking-event address */
    uint64_t progparm;      /* program parameter (LPP), for CPU measurement */
    uint16_t cpu_addr;

    struct exc_info exc;
    uint32_t attn;          /* ATTN_* bits: checked before each instruction */
    uint32_t irq_pending;
    uint32_t ssig_param;
    uint64_t emsig_from;    /* emergency signals pending: bit n (LSB 0) = from CPU n */
    uint16_t xcall_from;    /* CPU address of the pending external call */
    uint8_t io_isc_pending; /* I/O interruptions pending (floating): 0x80 >> ISC */

    enum cpu_run_state state;
    bool waiting;           /* PSW wait bit set and enabled: idle until an interruption */
    bool exit_loop;         /* leave the execution loop after this instruction */

    uint32_t trace;         /* TR_* categories enabled for this CPU */
    uint64_t icount;        /* instructions completed */

    struct tlb tlb;
    struct storage *mem;
    struct machine *machine;
    const struct cpu_model *model;
    uint32_t mmu_fac;       /* MMU_FAC_*: model facilities DAT consults */
    struct icache *icache;
    struct jit *jit;        /* the block compiler, NULL if off (cpu/jit.c) */
    uint32_t jit_exc;       /* exception of the instruction that ended compiled code */
    struct jit_chain *jit_chain;    /* the unlinked exit compiled code left by */
    struct sie_ctx *sie;    /* NULL outside SIE */
};

static inline uint32_t cpu_gr32(const struct cpu *cpu, unsigned r)
{
    return (uint32_t)cpu->gr[r];
}

static inline void cpu_set_gr32(struct cpu *cpu, unsigned r, uint32_t v)
{
    cpu->gr[r] = (cpu->gr[r] & UINT64_C(0xffffffff00000000)) | v;
}

static inline uint32_t cpu_gr32h(const struct cpu *cpu, unsigned r)
{
    return (uint32_t)(cpu->gr[r] >> 32);
}

static inline void cpu_set_gr32h(struct cpu *cpu, unsigned r, uint32_t v)
{
    cpu->gr[r] = (cpu->gr[r] & UINT64_C(0xffffffff)) | ((uint64_t)v << 32);
}

static inline void cpu_set_cc(struct cpu *cpu, unsigned cc)
{
    cpu->cc = (uint8_t)cc;
}

/* The PSW mask with the current condition code folded in. */
static inline uint64_t cpu_psw_mask(const struct cpu *cpu)
{
    return (cpu->psw.mask & ~PSW_MASK_CC) | ((uint64_t)cpu->cc << 44);
}

/* Program-mask bits 20-23 as a 4-bit value. */
static inline unsigned cpu_pm(const struct cpu *cpu)
{
    return (unsigned)FIELD64(cpu->psw.mask, 20, 23);
}

static inline bool cpu_problem_state(const struct cpu *cpu)
{
    return (cpu->psw.mask & PSW_MASK_PSTATE) != 0;
}

/* May the program use access key @key: always in the supervisor state, in
 * the problem state when the PSW-key mask (CR3 bits 32-47) allows it? */
static inline bool cpu_key_authorized(const struct cpu *cpu, unsigned key)
{
    return !cpu_problem_state(cpu) || (cpu->cr[3] & (UINT64_C(0x80000000) >> key)) != 0;
}

/* Recompute cpu->amode_mask after the addressing-mode bits of the PSW
 * changed (every write of psw.mask that can change bits 31-32 calls it). */
static inline void cpu_amode_update(struct cpu *cpu)
{
    if (cpu->psw.mask & PSW_MASK_EA)
        cpu->amode_mask = UINT64_MAX;
    else if (cpu->psw.mask & PSW_MASK_BA)
        cpu->amode_mask = 0x7fffffffu;
    else
        cpu->amode_mask = 0xffffffu;
}

/* The mask that wraps addresses in the current addressing mode. */
static inline uint64_t cpu_amode_mask(const struct cpu *cpu)
{
    return cpu->amode_mask;
}

static inline uint64_t cpu_wrap(const struct cpu *cpu, uint64_t addr)
{
    return addr & cpu_amode_mask(cpu);
}

#endif
