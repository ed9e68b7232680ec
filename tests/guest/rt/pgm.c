/*
 * pgm.c - program-interruption handling: expected interruptions are
 * recorded and execution resumes; unexpected ones end the test run.
 */
#include "rt.h"

static struct rt_pgm_info last;
static int in_unexpected;

int rt_try_call(void (*fn)(void *), void *arg);
void rt_pgm_handle(void);
void rt_tap_unexpected(uint16_t code, uint16_t ilc, uint64_t mask,
                       uint64_t addr) __attribute__((noreturn));

/* Arm for one program interruption, resuming at the old PSW address. */
void rt_pgm_arm(void)
{
    memset(&last, 0, sizeof(last));
    *(volatile uint64_t *)RT_PGM_RESUME = 0;
    *(volatile uint64_t *)RT_LC_ARMED = 1;
    asm volatile("" : : : "memory");
}

/* Arm for one program interruption, resuming at resume. */
void rt_pgm_arm_at(const void *resume)
{
    rt_pgm_arm();
    *(volatile uint64_t *)RT_PGM_RESUME = (uintptr_t)resume;
}

/* Disarm, hand out the record; returns whether an interruption happened. */
bool rt_pgm_disarm(struct rt_pgm_info *out)
{
    asm volatile("" : : : "memory");
    *(volatile uint64_t *)RT_LC_ARMED = 0;
    *(volatile uint64_t *)RT_PGM_RESUME = 0;
    if (out)
        *out = last;
    return last.fired;
}

/* Run fn(arg) expecting a program interruption; returns its code or 0. */
unsigned rt_pgm_try(void (*fn)(void *), void *arg, struct rt_pgm_info *out)
{
    rt_pgm_arm();
    rt_try_call(fn, arg);
    rt_pgm_disarm(out);
    return last.fired ? last.code : 0;
}

/*
 * Called from rt_pgm_entry with the interrupted GPRs saved at RT_LC_GPRS.
 * Records an expected interruption and prepares the resume PSW; reports
 * an unexpected one and ends the run (never returns then).
 */
void rt_pgm_handle(void)
{
    uint64_t mask = rt_lc64(LC_PGM_OLD_PSW);
    uint64_t addr = rt_lc64(LC_PGM_OLD_PSW + 8);
    uint16_t code = rt_lc16(LC_PGM_CODE);
    uint16_t ilc = (rt_lc16(LC_PGM_ILC) >> 1) & 3;
    uint64_t resume;
    int i;

    if (!rt_lc64(RT_LC_ARMED)) {
        if (in_unexpected)
            rt_stop();          /* interruption while reporting one */
        in_unexpected = 1;
        rt_tap_unexpected(code, ilc, mask, addr);
    }
    last.fired = true;
    last.code = code;
    last.ilc = ilc;
    last.mask = mask;
    last.addr = addr;
    for (i = 0; i < 16; i++)
        last.gprs[i] = rt_lc64(RT_LC_GPRS + 8 * i);

    resume = rt_lc64(RT_PGM_RESUME);
    if (!resume)
        resume = addr;
    *(volatile uint64_t *)RT_LC_ARMED = 0;
    *(volatile uint64_t *)RT_PGM_RESUME = 0;
    *(volatile uint64_t *)RT_LC_RESUME_PSW = mask;
    *(volatile uint64_t *)(RT_LC_RESUME_PSW + 8) = resume;
}
