/* External-interruption subclass masks against the priority order (PoO
 * ch. 6 "External Interruption", "Priority of Interruptions"; ch. 4
 * "Clock Comparator", "CPU Timer"; service signal): with emergency signal,
 * external call, clock comparator, CPU timer and service signal all
 * pending, only conditions whose CR0 subclass mask is one are taken, one
 * per enabled window in the order clock comparator, CPU timer, service
 * signal (parameter: the SCCB address); the masked signals stay pending
 * and are taken once their masks are one, emergency signal before
 * external call, each with this CPU's address; then nothing is left. The
 * old PSW of each has the external mask one and its wait bit zero. */
#include "timer_common.h"

#define CR0_SSIG        (1ull << (63 - 54))
#define SCLP_READ_SCP   0x00020001u
#define SIGP_EXT_CALL   0x02
#define SIGP_EMERGENCY  0x03

static uint8_t sccb[4096] __attribute__((aligned(4096)));

/* SERVICE CALL read SCP information with the local SCCB, not waited for.
 * Returns the CC. */
static unsigned servc_nowait(void)
{
    uint64_t ipm;

    *(volatile uint16_t *)sccb = sizeof(sccb);
    asm volatile("  .insn rre,0xb2200000,%1,%2\n"
                 "  ipm   %0\n"
                 : "=d"(ipm) : "d"((uint64_t)SCLP_READ_SCP), "d"((uintptr_t)sccb)
                 : "cc", "memory");
    return rt_cc_from_ipm(ipm);
}

int main(void)
{
    uint64_t masks = CR0_EMSIG | CR0_XCALL | CR0_CKC | CR0_CPUTM | CR0_SSIG;
    uint16_t self = rt_stap();
    unsigned cc_servc, cc_x, cc_e;
    struct ext_rec rec[8];
    uint32_t st;
    uint64_t n;

    log_install();
    rt_lctlg(0, rt_stctg(0) & ~masks);
    cc_x = sigp(SIGP_EXT_CALL, self, &st);
    cc_e = sigp(SIGP_EMERGENCY, self, &st);
    sckc(stck());
    spt(0);
    cc_servc = servc_nowait();
    spin_us(20000);                 /* let both timer conditions arise (QEMU: its timer thread) */
    window(1000);                           /* everything masked: nothing */
    rt_lctlg(0, rt_stctg(0) | CR0_CKC | CR0_CPUTM | CR0_SSIG);
    window(1000);
    sckc(~0ull);                            /* as a handler would: end the CKC condition */
    window(1000);
    spt(0x7fffffffffffffffull);
    window(1000);
    window(1000);                           /* signals still masked: nothing */
    rt_lctlg(0, rt_stctg(0) | CR0_EMSIG | CR0_XCALL);
    window(1000);
    window(1000);
    window(1000);
    n = timer_ext_log.n;
    for (unsigned i = 0; i < 8; i++)
        rec[i] = timer_ext_log.rec[i];
    log_remove();

    rt_check_u64("sigp external call to self: cc 0", cc_x, 0);
    rt_check_u64("sigp emergency signal to self: cc 0", cc_e, 0);
    rt_check_u64("servc read scp info: cc 0", cc_servc, 0);
    rt_check_u64("five interruptions in all", n, 5);
    rt_check_u64("1: clock comparator (signals masked)", rec[0].code, 0x1004);
    rt_check_u64("2: cpu timer", rec[1].code, 0x1005);
    rt_check_u64("3: service signal", rec[2].code, 0x2401);
    rt_check_u64("service signal: parameter is the SCCB address", rec[2].param & ~7u,
                 (uint32_t)(uintptr_t)sccb);
    rt_check_u64("4: emergency signal once unmasked", rec[3].code, 0x1201);
    rt_check_u64("emergency signal: this CPU's address", rec[3].cpu_addr, self);
    rt_check_u64("5: external call", rec[4].code, 0x1202);
    rt_check_u64("external call: this CPU's address", rec[4].cpu_addr, self);
    for (unsigned i = 0; i < 5; i++)
        rt_checkf((rec[i].mask & (PSW_MASK_EXT | PSW_MASK_WAIT)) == PSW_MASK_EXT,
                  "old PSW %u: external mask one, not waiting", i + 1);
    rt_check_u64("servc: response code normal completion", *(uint16_t *)(sccb + 6), 0x0010);
    return 0;
}
