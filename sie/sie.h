/* Start Interpretive Execution (B214): the SIE context of a CPU, the shadow
 * SCB and the hook points through which cpu/ and mmu/ consult SIE. These
 * hooks are the only places outside sie/ that test cpu->sie (STYLE C11).
 * Facts: ../shared/docs/SIE.md (section numbers cited as SIE.md n.n). */
#ifndef SIEVE_SIE_SIE_H
#define SIEVE_SIE_SIE_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"
#include "mmu/mmu.h"

/* SCB field offsets (SIE.md 3.1). */
#define SCB_SIZE        512u
#define SCB_CPUFLAGS    0x000
#define SCB_PREFIX      0x004
#define SCB_CPUTM       0x028
#define SCB_CKC         0x030
#define SCB_EPOCH       0x038
#define SCB_SVCC        0x040
#define SCB_LCTL        0x044
#define SCB_ICPUA       0x046
#define SCB_ICTL        0x048
#define SCB_ECA         0x04c
#define SCB_ICPTCODE    0x050
#define SCB_ICPTSTATUS  0x051
#define SCB_IHCPU       0x052
#define SCB_IPA         0x056
#define SCB_IPB         0x058
#define SCB_SCAOH       0x05c
#define SCB_ECB         0x061
#define SCB_ECB2        0x062
#define SCB_ECB3        0x063
#define SCB_SCAOL       0x064
#define SCB_TODPR       0x06c
#define SCB_MSO         0x080
#define SCB_MSL         0x088
#define SCB_GPSW        0x090
#define SCB_GG14        0x0a0
#define SCB_GG15        0x0a8
#define SCB_PGM_PARAMS  0x0c0       /* 0xc0-0xef mirror guest lowcore 0x80-0xaf */
#define SCB_PGM_PARAMS_LEN 0x30
#define SCB_PGMILC      0x0cc
#define SCB_IPRCC       0x0ce
#define SCB_DXC         0x0d0
#define SCB_MCN         0x0d4
#define SCB_EAI         0x0e0
#define SCB_TECMC       0x0e8
#define SCB_GCR         0x100
#define SCB_GBEA        0x180
#define SCB_FAC         0x1a0
#define SCB_ECD         0x1c8

/* cpuflags (SIE.md 3.2). */
#define CPUSTAT_STOPPED   0x80000000u
#define CPUSTAT_STOP_INT  0x04000000u
#define CPUSTAT_IO_INT    0x02000000u
#define CPUSTAT_EXT_INT   0x01000000u
#define CPUSTAT_RRF       0x00008000u
#define CPUSTAT_SLSV      0x00004000u
#define CPUSTAT_SLSR      0x00002000u
#define CPUSTAT_ZARCH     0x00000800u
#define CPUSTAT_MCDS      0x00000100u
#define CPUSTAT_SM        0x00000080u
#define CPUSTAT_GED2      0x00000010u
#define CPUSTAT_GED       0x00000004u

/* Interception controls (SIE.md 3.3). */
#define ICTL_OPEREXC      0x80000000u
#define ICTL_PRIVOP       0x40000000u
#define ICTL_PINT         0x20000000u
#define ICTL_LPSW         0x00400000u
#define ICTL_STCTL        0x00040000u
#define ICTL_ISKE         0x00004000u
#define ICTL_SSKE         0x00002000u
#define ICTL_RRBE         0x00001000u
#define ICTL_TPROT        0x00000200u
#define ECA_PROTEXCI      0x00002000u
#define ECB_SPECI         0x08u
#define ECB_HOSTPROTINT   0x02u

/* Interception codes (SIE.md 4.1). */
enum icpt {
    ICPT_NONE = 0x00,
    ICPT_INST = 0x04,
    ICPT_PROGI = 0x08,
    ICPT_EXTREQ = 0x10,
    ICPT_IOREQ = 0x18,
    ICPT_WAIT = 0x1c,
    ICPT_VALIDITY = 0x20,
    ICPT_STOP = 0x28,
    ICPT_OPEREXC = 0x2c,
};

/* Validity-intercept reason codes (SIE.md 4.5), stored as ipb = reason << 16. */
enum vir {
    VIR_CPUFLAGS = 0x0001,          /* ZARCH clear, RRF or MCDS set, GED with GED2 */
    VIR_SLS = 0x0007,               /* SLSV or SLSR set */
    VIR_PREFIX_LIMIT = 0x0010,      /* guest prefix beyond the storage limit */
    VIR_SCA_HOST_PREFIX = 0x0011,   /* SCA origin in the host prefix area */
    VIR_SCA_INVALID = 0x0034,       /* SCA not backed by storage */
    VIR_PREFIX_ACCESS = 0x0037,     /* guest prefix page not accessible in the host */
    VIR_SCA_LOW = 0x0038,           /* SCA origin non-zero but below 8 KiB */
    VIR_SCA_CROSS = 0x003b,         /* basic SCA crosses a 4 KiB boundary */
    VIR_MSO_MSL = 0x0041,           /* MSO greater than MSL */
    VIR_FAC = 0x1090,               /* facility list not in host storage */
};

/* The ipa of a validity intercept found at SIE entry (SIE.md 4.5). */
#define SIE_VALIDITY_IPA  0x1110u

/* The SCB decoded: entry fields (read once), exit fields (written back). */
struct scb_shadow {
    uint32_t cpuflags;
    uint32_t prefix;
    uint64_t cputm, ckc, epoch;
    uint32_t svcc;
    uint16_t lctl, icpua;
    uint32_t ictl, eca;
    uint8_t ecb, ecb2, ecb3;
    uint64_t scao;
    uint32_t todpr;
    uint64_t mso, msl;          /* msl with its low 20 bits set */
    uint64_t gpsw_mask, gpsw_addr;
    uint64_t gg14, gg15;
    uint64_t gcr[16];
    uint64_t gbea;
    uint32_t fac;
    uint32_t ecd;
    /* exit */
    uint8_t icpt, icptstatus;
    uint16_t ipa;
    uint32_t ipb;
    uint16_t pgmilc, iprcc;
    uint32_t dxc;
    uint16_t mcn;
    uint8_t eai;
    uint64_t tecmc;
};

/* The SIE context of a CPU while it interprets a guest. */
struct sie_ctx {
    uint64_t scb;               /* host absolute address of the SCB */
    uint8_t *scb_host;          /* the SCB in host memory (cpuflags are re-read live) */
    struct scb_shadow s;
    uint64_t sie_ia;            /* the SIE instruction: old PSW of host interruptions */
    uint64_t sie_next;          /* after it: where the host continues on interception */
    uint64_t h_psw_mask;        /* host PSW mask, condition code included */
    uint64_t h_cr[16];
    uint64_t h_gr14, h_gr15;
    uint64_t h_bea;
    uint32_t h_prefix;
    uint32_t h_todpr;
    int64_t h_cputm;            /* host CPU timer at entry_raw */
    uint64_t h_ckc;
    uint64_t entry_raw;
    uint64_t h_asce;            /* host CR1 at entry: the guest-storage mapping */
    bool h_dat;                 /* host PSW DAT bit at entry */
    uint64_t lowcore_abs;       /* host absolute address of the guest prefix page */
    uint64_t fac_abs;           /* host absolute address of the facility list, or 0 */
    uint8_t text[6];            /* the guest instruction being executed (EX: the */
    uint8_t text_len;           /* target), for ipa/ipb; 0 before the first one */
    uint8_t text_status;        /* icptstatus for it: EX/EXRL target bits */
};

/* sie/scb.c */
/* Decode and check the SCB image @raw into @s. Returns 0 if the guest may
 * run, else the validity reason (enum vir). Reads every field once. */
unsigned scb_shadow(const uint8_t *raw, struct scb_shadow *s);
/* Write the exit fields of @s into the SCB at @raw, field by field. */
void scb_unshadow(uint8_t *raw, const struct scb_shadow *s, uint16_t ihcpu);

/* sie/gmem.c: guest storage. */
/* Guest absolute @g_aaddr to host absolute for @kind. Returns 0, a guest
 * addressing exception (beyond MSL), or EXC_HOST_PGM with cpu->exc.teid set. */
MUST_CHECK exc_t gmem_abs(struct cpu *cpu, uint64_t g_aaddr, enum acc_kind kind,
                          uint64_t *h_aaddr);

/* Hook points (STYLE C11). */
/* exec.c: intercept @in before it runs? Returns 0 or EXC_ICPT(ICPT_INST).
 * @ex_len is 0, or 4/6 for the target of EX/EXRL. */
MUST_CHECK exc_t sie_intercept_insn(struct cpu *cpu, const struct insn *in, unsigned ex_len);
/* interrupt.c: route guest exception @exc whose program old PSW would
 * address @addr. Returns true if SIE ended (intercept or host interruption),
 * false if it is delivered into the guest's lowcore. */
bool sie_route(struct cpu *cpu, exc_t exc, uint64_t addr);
/* interrupt.c: recompute ATTN_IRQ for the guest, the host and the SCB requests. */
void sie_update_attn(struct cpu *cpu);
/* interrupt.c: act on what sie_update_attn found. Returns true if an
 * interruption was taken or SIE ended. */
bool sie_deliver(struct cpu *cpu);
/* interrupt.c, exec.c, sigp.c: leave SIE as a host interruption does
 * (guest state into the SCB, host PSW at the SIE instruction), before a
 * stop, reset or restart acts on the host CPU. */
void sie_interrupted(struct cpu *cpu);
/* exec.c: the guest PSW has the wait bit: end SIE with the wait intercept. */
void sie_wait(struct cpu *cpu);
/* mmu.c: guest logical @addr to host absolute. */
MUST_CHECK exc_t sie_translate(struct cpu *cpu, unsigned ar, uint64_t addr, enum acc_kind kind,
                               uint64_t *aaddr);
/* dat.c: fetch the guest DAT-table entry at guest absolute @g_aaddr. */
MUST_CHECK exc_t sie_table_fetch(struct cpu *cpu, uint64_t g_aaddr, uint64_t *e);
/* mmu.c: guest real access, as mmu_real_host. */
MUST_CHECK exc_t sie_real_host(struct cpu *cpu, uint64_t raddr, unsigned len,
                               enum acc_kind kind, uint8_t **host);
/* timer.c: raw time of the next host clock-comparator or CPU-timer
 * condition the host PSW and CR0 saved at entry enable, or UINT64_MAX. */
uint64_t sie_host_deadline(struct cpu *cpu);
/* control.c: the CPU address STAP stores for the guest (the SCB's icpua). */
uint16_t sie_icpua(const struct cpu *cpu);
/* control.c: the guest's facility list for STFLE (@n doublewords into
 * @list); STFLE intercepts when the SCB has none, so one exists here. */
void sie_facility_list(const struct cpu *cpu, uint64_t *list, unsigned n);
/* mmu.c: host pointer to the guest's prefix page (checked at SIE entry). */
uint8_t *sie_lowcore(struct cpu *cpu);

#endif
