/*
 * execute.c - EXECUTE and EXECUTE RELATIVE LONG: MVC with the length from
 * R1, relative branches and LARL counting from the target, BAS linking past
 * the EXECUTE, SVC under EXECUTE (ILC of the EX), EX of EX (execute
 * exception), breaking-event address. The odd target is in misc_qemudev.c.
 */
#include "rt/rt.h"

/* Targets, out of line. */
asm(".section .text\n"
    "  .balign 2\n"
    "ex_mvc:   mvc 0(1,%r2),0(%r3)\n"
    "ex_j:     brc 0,ex_j_to\n"
    "ex_larl:  larl %r5,ex_larl\n"
    "ex_bas:   bas %r5,0(%r4)\n"
    "ex_svc:   svc 0\n"
    "ex_ex:    ex 0,0(%r4)\n"
    "ex_op:    .short 0\n"
    "ex_j2:    brc 0,ex_bad\n"
    "ex_bad:   .short 0\n"
    "ex_j_to:  lghi %r5,77\n"
    "  br %r14\n"
    "  .previous\n");

static void test_ex_mvc(void)
{
    char dst[8] = "........";
    static const char src[8] = "abcdefgh";

    asm volatile("lghi %%r1,4\n\tlgr %%r2,%0\n\tlgr %%r3,%1\n\tlarl %%r4,ex_mvc\n\t"
                 "ex %%r1,0(%%r4)"
                 : : "a"(dst), "a"(src) : "r1", "r2", "r3", "r4", "memory");
    rt_check_mem("ex mvc length 5 from r1", dst, "abcde...", 8);
    asm volatile("lgr %%r2,%0\n\tlgr %%r3,%1\n\tlarl %%r4,ex_mvc\n\tex 0,0(%%r4)"
                 : : "a"(dst + 5), "a"(src) : "r2", "r3", "r4", "memory");
    rt_check_mem("ex r1=0: length from the target", dst, "abcdea..", 8);
    asm volatile("lghi %%r1,0x102\n\tlgr %%r2,%0\n\tlgr %%r3,%1\n\texrl %%r1,ex_mvc"
                 : : "a"(dst), "a"(src + 5) : "r1", "r2", "r3", "memory");
    rt_check_mem("exrl mvc, only bits 56-63 of r1 used", dst, "fghdea..", 8);
}

/* A relative branch and LARL under EX count from the target's address. */
static void test_ex_relative(void)
{
    uint64_t r5, expect;

    asm volatile("lghi %%r5,0\n\tlghi %%r1,0xf0\n\tlarl %%r14,1f\n\t"
                 "exrl %%r1,ex_j\n\t"              /* brc 15: to ex_j_to, returns to 1: */
                 "lghi %%r5,1\n"
                 "1:\tlgr %0,%%r5"
                 : "=d"(r5) : : "r1", "r5", "r14", "memory");
    rt_check_u64("exrl brc with mask from r1 branches to the target's label", r5, 77);
    asm volatile("lghi %%r5,0\n\tlarl %%r14,1f\n\t"
                 "exrl 0,ex_j\n\t"                 /* brc 0: falls through */
                 "lghi %%r5,1\n"
                 "1:\tlgr %0,%%r5"
                 : "=d"(r5) : : "r5", "r14", "memory");
    rt_check_u64("exrl brc mask 0 falls through", r5, 1);
    asm volatile("larl %%r4,ex_larl\n\tex 0,0(%%r4)\n\tlgr %0,%%r5\n\tlarl %1,ex_larl"
                 : "=d"(r5), "=d"(expect) : : "r4", "r5", "memory");
    rt_check_u64("ex larl is relative to the target", r5, expect);
}

/* BAS under EX links to the instruction after the EX. */
static void test_ex_bas(void)
{
    uint64_t link, next;

    asm volatile("larl %%r4,1f\n\tlarl %%r1,ex_bas\n\t"
                 "ex 0,0(%%r1)\n"
                 "0:\t.short 0\n"
                 "1:\tlgr %0,%%r5\n\tlarl %1,0b"
                 : "=d"(link), "=d"(next) : : "r1", "r4", "r5", "memory");
    rt_check_u64("ex bas: link after the ex", link, next);
}

/* SVC under EXRL: code from the OR, ILC of the EXRL (6 bytes), old PSW after it. */
static void test_ex_svc(void)
{
    uint64_t next;

    *(volatile uint64_t *)0x1c0 = PSW_MASK_64;
    asm volatile("  larl  %%r1,3f\n"
                 "  stg   %%r1,%[newaddr]\n"
                 "  larl  %[next],1f\n"
                 "  lghi  %%r1,0x21\n"
                 "  exrl  %%r1,ex_svc\n"
                 "1: j    4f\n"
                 "3: lpswe 0x140\n"
                 "4:\n"
                 : [next] "=&d"(next), [newaddr] "=m"(*(uint64_t *)0x1c8)
                 : : "r1", "cc", "memory");
    rt_check_u64("exrl svc: code from r1", rt_lc16(0x8a), 0x21);
    rt_check_u64("exrl svc: ilc field 6", rt_lc16(0x88), 6);
    rt_check_u64("exrl svc: old psw after exrl", rt_lc64(0x148), next);
}

/* Program exceptions around EXECUTE. */
static void test_ex_exceptions(void)
{
    struct rt_pgm_info pi;
    uint64_t next;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  larl  %%r4,ex_mvc\n"
                 "  exrl  0,ex_ex\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r4", "memory");
    rt_check(rt_pgm_disarm(&pi), "exrl of ex: interruption");
    rt_check_u64("exrl of ex: execute exception", pi.code, PGM_EXECUTE);
    rt_check_u64("exrl of ex: ilc 3", pi.ilc, 3);
    rt_check_u64("exrl of ex: old psw after exrl", pi.addr, next);

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  larl  %[next],1f\n"
                 "  larl  %%r4,ex_op\n"
                 "  ex    0,0(%%r4)\n"
                 "1:\n"
                 : [next] "=&d"(next), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "r4", "memory");
    rt_check(rt_pgm_disarm(&pi), "ex of an invalid opcode: interruption");
    rt_check_u64("ex of an invalid opcode: operation", pi.code, PGM_OPERATION);
    rt_check_u64("ex of an invalid opcode: ilc of the ex", pi.ilc, 2);
    rt_check_u64("ex of an invalid opcode: old psw after ex", pi.addr, next);
}

/* A branch taken under EXRL records the address of the EXRL as
 * breaking-event address (PoO "Breaking-Event-Address Recording"). */
static void test_ex_bea(void)
{
    struct rt_pgm_info pi;
    uint64_t ex_addr;

    rt_pgm_arm();
    asm volatile("  larl  %%r1,1f\n"
                 "  stg   %%r1,%[slot]\n"
                 "  lghi  %%r1,0xf0\n"
                 "  larl  %[ex],0f\n"
                 "0: exrl %%r1,ex_j2\n"            /* brc 15 to ex_bad: operation exception */
                 "1:\n"
                 : [ex] "=&d"(ex_addr), [slot] "=m"(*(uint64_t *)RT_PGM_RESUME)
                 : : "r1", "memory");
    rt_check(rt_pgm_disarm(&pi), "bea under exrl: interruption");
    rt_check_u64("bea under exrl: operation exception", pi.code, PGM_OPERATION);
    rt_check_u64("bea under exrl: address of the exrl", rt_lc64(0x110), ex_addr);
}

int main(void)
{
    test_ex_mvc();
    test_ex_relative();
    test_ex_bas();
    test_ex_svc();
    test_ex_exceptions();
    test_ex_bea();
    return 0;
}
