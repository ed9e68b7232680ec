/*
 * load_imm.c - immediate loads (LHI LGHI LGFI LLI*), MOVE immediate
 * (MVHHI MVHI MVGHI), and the relative-long loads and stores (their
 * alignment rule is in load_align.c).
 */
#include "rt/rt.h"

#define GARBAGE 0xa5a5a5a5a5a5a5a5ull

static void test_immediates(void)
{
    uint64_t r;

    r = GARBAGE;
    asm("lhi %0,-2" : "+d"(r));
    rt_check_u64("lhi negative: 32 bits, high kept", r, 0xa5a5a5a5fffffffeull);
    r = GARBAGE;
    asm("lhi %0,0x7fff" : "+d"(r));
    rt_check_u64("lhi positive", r, 0xa5a5a5a500007fffull);
    asm("lghi %0,-32768" : "=d"(r));
    rt_check_u64("lghi", r, 0xffffffffffff8000ull);
    asm("lgfi %0,-2147483648" : "=d"(r));
    rt_check_u64("lgfi negative", r, 0xffffffff80000000ull);
    asm("lgfi %0,0x7fffffff" : "=d"(r));
    rt_check_u64("lgfi positive", r, 0x7fffffffull);
    r = GARBAGE;
    asm("llihf %0,0x89abcdef" : "+d"(r));
    rt_check_u64("llihf", r, 0x89abcdef00000000ull);
    r = GARBAGE;
    asm("llilf %0,0x89abcdef" : "+d"(r));
    rt_check_u64("llilf", r, 0x89abcdefull);
    r = GARBAGE;
    asm("llihh %0,0xfedc" : "+d"(r));
    rt_check_u64("llihh", r, 0xfedc000000000000ull);
    r = GARBAGE;
    asm("llihl %0,0xfedc" : "+d"(r));
    rt_check_u64("llihl", r, 0x0000fedc00000000ull);
    r = GARBAGE;
    asm("llilh %0,0xfedc" : "+d"(r));
    rt_check_u64("llilh", r, 0x00000000fedc0000ull);
    r = GARBAGE;
    asm("llill %0,0xfedc" : "+d"(r));
    rt_check_u64("llill", r, 0xfedcull);
}

static void test_move_immediate(void)
{
    uint8_t buf[16];
    static const uint8_t e[16] = { 0xee, 0xff, 0xfe, 0xff, 0xff, 0x80, 0x00, 0xee,
                                   0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x85 };

    for (int i = 0; i < 16; i++)
        buf[i] = 0xee;
    asm volatile("mvhhi 1(%0),-2\n\t"
                 "mvhi 3(%0),-32768\n\t"
                 "mvghi 8(%0),-123"
                 : : "a"(buf) : "memory");
    rt_check_mem("mvhhi mvhi mvghi sign-extend", buf, e, 16);
}

/* Data for the relative-long forms. */
asm(".section .data\n"
    "  .balign 8\n"
    "rl_dw:  .quad 0x8899aabbccddeeff\n"
    "rl_w:   .long 0x80000001\n"
    "rl_h:   .short 0x8001\n"
    "rl_h2:  .short 0x7ffe\n"
    "rl_sdw: .quad 0\n"
    "rl_sw:  .long 0\n"
    "rl_sh:  .short 0\n"
    "rl_mis: .short 0\n"                 /* 4n+2 */
    "  .long 0\n"
    "  .previous\n");

extern uint64_t rl_sdw;
extern uint32_t rl_sw;
extern uint16_t rl_sh;

static void test_relative_long(void)
{
    uint64_t r;

    asm volatile("lgrl %0,rl_dw" : "=d"(r) : : "memory");
    rt_check_u64("lgrl", r, 0x8899aabbccddeeffull);
    r = GARBAGE;
    asm volatile("lrl %0,rl_w" : "+d"(r) : : "memory");
    rt_check_u64("lrl", r, 0xa5a5a5a580000001ull);
    asm volatile("lgfrl %0,rl_w" : "=d"(r) : : "memory");
    rt_check_u64("lgfrl", r, 0xffffffff80000001ull);
    asm volatile("llgfrl %0,rl_w" : "=d"(r) : : "memory");
    rt_check_u64("llgfrl", r, 0x80000001ull);
    r = GARBAGE;
    asm volatile("lhrl %0,rl_h" : "+d"(r) : : "memory");
    rt_check_u64("lhrl", r, 0xa5a5a5a5ffff8001ull);
    asm volatile("lghrl %0,rl_h" : "=d"(r) : : "memory");
    rt_check_u64("lghrl", r, 0xffffffffffff8001ull);
    asm volatile("lghrl %0,rl_h2" : "=d"(r) : : "memory");
    rt_check_u64("lghrl positive", r, 0x7ffeull);
    r = GARBAGE;
    asm volatile("llhrl %0,rl_h" : "+d"(r) : : "memory");
    rt_check_u64("llhrl", r, 0xa5a5a5a500008001ull);
    asm volatile("llghrl %0,rl_h" : "=d"(r) : : "memory");
    rt_check_u64("llghrl", r, 0x8001ull);

    r = 0x0123456789abcdefull;
    asm volatile("stgrl %0,rl_sdw\n\tstrl %0,rl_sw\n\tsthrl %0,rl_sh" : : "d"(r) : "memory");
    rt_check_u64("stgrl", rl_sdw, r);
    rt_check_u64("strl", rl_sw, 0x89abcdef);
    rt_check_u64("sthrl", rl_sh, 0xcdef);
}

int main(void)
{
    test_immediates();
    test_move_immediate();
    test_relative_long();
    return 0;
}
