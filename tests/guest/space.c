/* Address spaces from the inside (PoO ch. 3 "Address-Space Control", ch.
 * 10): SACF switches among the primary (CR1), secondary (CR7) and home
 * (CR13) spaces; MVCP and MVCS move between the primary and secondary
 * spaces; MVPG moves pages, with its condition-code option. In the
 * supervisor state with CR0 bit 37 one, where QEMU 7.2 and
 * the PoO agree; space_strict checks SAC, IAC, EPAR, ESAR, IVSK, MVCK,
 * MVCSK, MVCDK and the exceptions QEMU lacks. */
#include "space_common.h"

static void test_sacf(void)
{
    static const char *const name[4] = { "primary", "secondary", "AR", "home" };
    static const unsigned codes[3] = { 1, 3, 0 };
    static const unsigned space_of[4] = { P, S, P, H };
    struct mode_result r;

    for (unsigned i = 0; i < 3; i++) {
        unsigned c = codes[i];

        in_mode(c, true, false, &r);
        rt_checkf(r.v == ((uint64_t)(space_of[c] + 1) << 32 | 1),
                  "sacf %s: VBASE in the %s space", name[c], name[c]);
    }
}

static void sacf_bad(void *arg)
{
    uint8_t sm;

    asm volatile("  stosm %[sm],0x04\n"
                 "  sacf  0(%[c])\n"
                 "  stnsm %[sm],0xfb\n"
                 : [sm] "=Q"(sm) : [c] "a"((uintptr_t)arg) : "memory");
}

static void test_sacf_spec(void)
{
    struct rt_pgm_info pi;

    rt_check_u64("sacf mode 4: specification", rt_pgm_try(sacf_bad, (void *)0x400, &pi),
                 PGM_SPECIFICATION);
    rt_check_u64("sacf mode 15: specification", rt_pgm_try(sacf_bad, (void *)0xf00, &pi),
                 PGM_SPECIFICATION);
}

static void test_mvcp_mvcs(void)
{
    memset(buf, 0xee, sizeof(buf));
    rt_check_u64("mvcp 16: cc 0", mvcp_mvcs(false, 16), 0);
    rt_check_mem("mvcp 16: secondary VBASE copied", buf, page[S], 16);
    rt_check_u64("mvcp 16: byte 16 untouched", buf[16], 0xee);
    rt_check_u64("mvcp 300: cc 3", mvcp_mvcs(false, 300), 3);
    rt_check_mem("mvcp 300: 256 bytes copied", buf, page[S], 256);
    rt_check_u64("mvcp 300: byte 256 untouched", buf[256], 0xee);
    rt_check_u64("mvcp 0: cc 0", mvcp_mvcs(false, 0), 0);
    for (unsigned i = 0; i < 32; i++)
        buf[i] = (uint8_t)(0xa0 + i);
    rt_check_u64("mvcs 32: cc 0", mvcp_mvcs(true, 32), 0);
    rt_check_mem("mvcs 32: reached the secondary page", page[S], buf, 32);
    rt_check_u64("mvcs 32: primary page untouched", page[P][0], 1ull << 32);
}

static uint64_t dstpage[512] __attribute__((aligned(4096)));

static void test_mvpg(void)
{
    const uint64_t dst = (uintptr_t)dstpage, cco = 0x100;
    struct mvpg_result r;

    memset(dstpage, 0, sizeof(dstpage));
    mvpg(0, dst + 0x123, (uintptr_t)page[H] + 0x456, false, &r);
    rt_check(!r.fired && r.cc == 0, "mvpg DAT off: cc 0");
    rt_check_mem("mvpg DAT off: page moved", dstpage, page[H], 4096);
    mvpg(0, dst, VBASE, true, &r);
    rt_check(!r.fired && r.cc == 0, "mvpg DAT on: cc 0");
    rt_check_mem("mvpg DAT on: VBASE (primary) moved", dstpage, page[P], 4096);
    memset(dstpage, 0, sizeof(dstpage));
    mvpg(cco, dst, VBASE + 0x1000, true, &r);
    rt_check(!r.fired && r.cc == 2, "mvpg CCO, source page invalid: cc 2");
    rt_check_u64("mvpg cc 2: nothing moved", dstpage[0], 0);
    mvpg(cco, VBASE + 0x2000, dst, true, &r);
    rt_check(!r.fired && r.cc == 1, "mvpg CCO, destination page invalid: cc 1");
    mvpg(0, dst, VBASE + 0x1000, true, &r);
    rt_check(r.fired && r.pi.code == 0x11, "mvpg without CCO: page translation");
    rt_check_u64("mvpg page translation: R1 R2 at real 162", rt_lc8(0xa2), 0x45);
    rt_check_u64("mvpg page translation: TEID", rt_lc64(0xa8) & ~0xc00ull, VBASE + 0x1000);
    mvpg(0x1000, dst, (uintptr_t)page[P], false, &r);
    rt_check(r.fired && r.pi.code == PGM_SPECIFICATION, "mvpg GR0 bit 51: specification");
    mvpg(0xc00, dst, (uintptr_t)page[P], false, &r);
    rt_check(r.fired && r.pi.code == PGM_SPECIFICATION, "mvpg F and S: specification");
}

int main(void)
{
    build_spaces();
    test_sacf();
    test_sacf_spec();
    test_mvcp_mvcs();
    test_mvpg();
    return 0;
}
