/*
 * rt.h - freestanding runtime for bare-metal s390x guest test programs.
 *
 * A test program defines main(); the runtime sets up the machine, calls
 * it, then prints the TAP plan and summary and stops the CPU.  Output goes
 * to the SCLP VT220 console.
 */
#ifndef RT_H
#define RT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- lowcore locations (absolute addresses) ---------------------------- */

#define LC_EXT_PARAM        0x080   /* 4 bytes: external-interruption param */
#define LC_EXT_CPU_ADDR     0x084   /* 2 bytes */
#define LC_EXT_CODE         0x086   /* 2 bytes: external-interruption code */
#define LC_PGM_ILC          0x08c   /* 2 bytes: ILC in bits 13-14 */
#define LC_PGM_CODE         0x08e   /* 2 bytes: program-interruption code */
#define LC_EXT_OLD_PSW      0x130
#define LC_PGM_OLD_PSW      0x150
#define LC_EXT_NEW_PSW      0x1b0
#define LC_PGM_NEW_PSW      0x1d0

/* Runtime-private lowcore area (0x200-0x2ff, not architected). */
#define RT_LC_GPRS          0x200   /* 16 x 8: GPRs saved by pgm handler */
#define RT_LC_RESUME_PSW    0x280   /* 16: PSW the pgm handler resumes with */
#define RT_LC_ARMED         0x2f0   /* 8: nonzero = a pgm check is expected */
#define RT_PGM_RESUME       0x2f8   /* 8: resume address (0 = old PSW addr) */

/* ---- PSW mask bits (64-bit mask, bit 0 = MSB) -------------------------- */

#define PSW_MASK_DAT        (1ULL << 58)    /* bit 5 */
#define PSW_MASK_IO         (1ULL << 57)    /* bit 6 */
#define PSW_MASK_EXT        (1ULL << 56)    /* bit 7 */
#define PSW_MASK_KEY        (0xfULL << 52)  /* bits 8-11 */
#define PSW_MASK_MCHECK     (1ULL << 50)    /* bit 13 */
#define PSW_MASK_WAIT       (1ULL << 49)    /* bit 14 */
#define PSW_MASK_PSTATE     (1ULL << 48)    /* bit 15 */
#define PSW_MASK_CC         (3ULL << 44)    /* bits 18-19 */
#define PSW_MASK_PM         (0xfULL << 40)  /* bits 20-23 */
#define PSW_MASK_EA         (1ULL << 32)    /* bit 31 */
#define PSW_MASK_BA         (1ULL << 31)    /* bit 32 */
#define PSW_MASK_64         (PSW_MASK_EA | PSW_MASK_BA)

/* Condition code held in a PSW mask (0-3). */
static inline unsigned psw_mask_cc(uint64_t mask)
{
    return (unsigned)(mask >> 44) & 3;
}

/* Program mask held in a PSW mask (0-15). */
static inline unsigned psw_mask_pm(uint64_t mask)
{
    return (unsigned)(mask >> 40) & 0xf;
}

/* ---- program-interruption codes ---------------------------------------- */

#define PGM_OPERATION       0x0001
#define PGM_PRIVILEGED      0x0002
#define PGM_EXECUTE         0x0003
#define PGM_PROTECTION      0x0004
#define PGM_ADDRESSING      0x0005
#define PGM_SPECIFICATION   0x0006
#define PGM_DATA            0x0007
#define PGM_FIXED_OVERFLOW  0x0008
#define PGM_FIXED_DIVIDE    0x0009
#define PGM_DEC_OVERFLOW    0x000a
#define PGM_DEC_DIVIDE      0x000b
#define PGM_HFP_EXP_OVER    0x000c
#define PGM_HFP_EXP_UNDER   0x000d
#define PGM_HFP_SIGNIFICANCE 0x000e
#define PGM_HFP_DIVIDE      0x000f

/* ---- condition code helpers --------------------------------------------- */

/*
 * Turn the value IPM left in a register into the condition code (0-3).
 * Typical use:
 *     uint32_t r;
 *     asm volatile("ar %0,%2\n\tipm %1" : "+d"(a), "=d"(r) : "d"(b) : "cc");
 *     cc = rt_cc_from_ipm(r);
 */
static inline unsigned rt_cc_from_ipm(uint64_t ipm_value)
{
    return (unsigned)(ipm_value >> 28) & 3;
}

/* Program mask from an IPM result (0-15). */
static inline unsigned rt_pm_from_ipm(uint64_t ipm_value)
{
    return (unsigned)(ipm_value >> 24) & 0xf;
}

/* Current condition code (the CC left by the last CC-setting instruction
 * the compiler happened to schedule before this; prefer an explicit ipm
 * inside your own asm statement). */
static inline unsigned rt_get_cc(void)
{
    uint64_t r;

    asm volatile("ipm %0" : "=d"(r));
    return rt_cc_from_ipm(r);
}

/* Set the condition code (0-3) with SPM; program mask bits become 0. */
static inline void rt_set_cc(unsigned cc)
{
    uint64_t r = (uint64_t)(cc & 3) << 28;

    asm volatile("spm %0" : : "d"(r) : "cc");
}

/* Set the program mask (0-15, fixed-overflow=8 decimal=4 exp-under=2
 * significance=1); condition code becomes 0. */
static inline void rt_set_pm(unsigned pm)
{
    uint64_t r = (uint64_t)(pm & 0xf) << 24;

    asm volatile("spm %0" : : "d"(r) : "cc");
}

/* ---- control registers, misc privileged ops ----------------------------- */

/* Read control register n (0-15). */
#define rt_stctg(n) ({                                                  \
    uint64_t v_;                                                        \
    asm volatile("stctg %1,%1,%0" : "=Q"(v_) : "i"(n));                 \
    v_; })

/* Load control register n (0-15) with v. */
#define rt_lctlg(n, v) do {                                             \
    uint64_t v_ = (v);                                                  \
    asm volatile("lctlg %1,%1,%0" : : "Q"(v_), "i"(n) : "memory");      \
} while (0)

/* CPU address of this CPU (STAP). */
static inline uint16_t rt_stap(void)
{
    uint16_t a;

    asm volatile("stap %0" : "=Q"(a));
    return a;
}

/* Read a doubleword / word / halfword / byte at an absolute low address. */
static inline uint64_t rt_lc64(uintptr_t a) { return *(volatile uint64_t *)a; }
static inline uint32_t rt_lc32(uintptr_t a) { return *(volatile uint32_t *)a; }
static inline uint16_t rt_lc16(uintptr_t a) { return *(volatile uint16_t *)a; }
static inline uint8_t rt_lc8(uintptr_t a) { return *(volatile uint8_t *)a; }

/* ---- program-interruption catching ------------------------------------- */

struct rt_pgm_info {
    bool fired;             /* a program interruption happened */
    uint16_t code;          /* interruption code (lowcore 0x8e) */
    uint16_t ilc;           /* instruction-length code 0-3 (halfwords) */
    uint64_t mask;          /* program old PSW mask */
    uint64_t addr;          /* program old PSW instruction address */
    uint64_t gprs[16];      /* GPRs at the interruption */
};

/*
 * Expect one program interruption.  When it happens it is recorded, the
 * runtime disarms, and execution resumes with every GPR as it was at the
 * interruption and with the old PSW mask (CC, program mask), at:
 *   - the address in the resume slot RT_PGM_RESUME (absolute 0x2f8), if a
 *     test stored one there after arming (see rt_pgm_arm_at() and the asm
 *     pattern in README.md), else
 *   - the old PSW address (fine for suppressing/terminating exceptions,
 *     which already point past the instruction; a nullifying exception
 *     would re-execute the instruction and then be reported as unexpected).
 */
void rt_pgm_arm(void);

/* Like rt_pgm_arm() but resume at the given address. */
void rt_pgm_arm_at(const void *resume);

/* Disarm; copy what was recorded into *out (may be NULL).  Returns true
 * if a program interruption happened since arming. */
bool rt_pgm_disarm(struct rt_pgm_info *out);

/*
 * Call fn(arg) with a program interruption expected.  If one happens, fn
 * is abandoned (like longjmp) and rt_pgm_try returns its interruption code;
 * otherwise fn returns normally and rt_pgm_try returns 0.  *out (may be
 * NULL) receives the details.  Not nestable.
 */
unsigned rt_pgm_try(void (*fn)(void *), void *arg, struct rt_pgm_info *out);

/* ---- console ------------------------------------------------------------ */

/* Write len bytes to the VT220 console (buffered; flushed at '\n'). */
void rt_write(const char *s, size_t len);
/* Write s and a newline. */
void rt_puts(const char *s);
/* Write one character. */
void rt_putc(char c);
/* Flush buffered console output. */
void rt_flush(void);
/* printf subset: %d %i %u %x %X %o %s %c %p %%, flags '-' '0', width,
 * length modifiers h hh l ll z. Returns the number of characters. */
int rt_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int rt_vprintf(const char *fmt, va_list ap);
/* Format into buf (size n, always NUL-terminated); returns the length the
 * full output would have. */
int rt_snprintf(char *buf, size_t n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
int rt_vsnprintf(char *buf, size_t n, const char *fmt, va_list ap);

/* Write one line on the SCLP line-mode (message) console, EBCDIC.  Returns
 * the SCLP response code (0x0020 = done), or 0 if the call was rejected. */
unsigned rt_puts_lm(const char *s);

/*
 * Issue SERVICE CALL with command word cmd on sccb and wait for the
 * service-signal interruption.  Returns the condition code of the
 * SERVICE CALL (0 = accepted and completed).
 */
unsigned rt_sclp_call(uint32_t cmd, void *sccb);

/* Response code of the runtime's WRITE EVENT MASK (0x0020 = done). */
unsigned rt_sclp_mask_rc(void);

/* ---- TAP ---------------------------------------------------------------- */

/* Record a check; prints "ok N - name" or "not ok N - name". Returns ok. */
bool rt_check(bool ok, const char *name);
/* printf-style name variant. */
bool rt_checkf(bool ok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Value check; on mismatch prints "# got 0x.. expected 0x..". */
bool rt_check_u64(const char *name, uint64_t got, uint64_t expected);
/* Memory check; on mismatch prints both buffers (first 64 bytes) and the
 * first differing offset. */
bool rt_check_mem(const char *name, const void *got, const void *expected,
                  size_t len);
/* Skip a check: prints "ok N - name # SKIP reason" (counts as pass). */
void rt_skip(const char *name, const char *reason);
/* Print a diagnostic line "# ..." (printf-style). */
void rt_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Number of failed checks so far. */
unsigned rt_failures(void);

/* Print "1..N" and "# pass P fail F", then stop this CPU (SIGP stop). */
void rt_exit(void) __attribute__((noreturn));
/* Stop this CPU without printing anything. */
void rt_stop(void) __attribute__((noreturn));

/* ---- freestanding libc bits --------------------------------------------- */

void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);

/* The test program's entry point. */
int main(void);

#endif /* RT_H */
