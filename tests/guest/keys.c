/* Storage keys: SSKE/ISKE round trip, reference and change recording seen
 * through RRBE and ISKE, addressing exception, SPKA/IPK. PoO ch. 3 "Storage
 * Key" and ch. 10. */
#include "keys_common.h"

static volatile uint8_t frame[4096] __attribute__((aligned(4096)));

static void iske_beyond(void *arg)
{
    (void)arg;
    iske((void *)0x40000000ul);
}

int main(void)
{
    struct rt_pgm_info pi;
    uint8_t v;

    sske(0x36, frame);
    rt_check_u64("iske after sske 0x36 (acc 3, R, C)", iske(frame), 0xff36);
    rt_check_u64("rrbe: cc 3 (referenced and changed)", rrbe(frame), 3);
    rt_check_u64("rrbe cleared R only", iske(frame), 0xff32);
    rt_check_u64("rrbe again: cc 1 (changed only)", rrbe(frame), 1);

    sske(0x30, frame);
    v = frame[100];
    (void)v;
    rt_check_u64("a fetch sets R", iske(frame) & 0x06, 0x04);
    sske(0x30, frame);
    frame[200] = 7;
    rt_check_u64("a store sets R and C", iske(frame) & 0x06, 0x06);
    sske(0x00, frame);
    rt_check_u64("sske bit 63 ignored, key 0", iske(frame), 0xff00);
    rt_check_u64("rrbe with R0 C0: cc 0", rrbe(frame), 0);

    rt_check_u64("iske beyond storage: addressing",
                 rt_pgm_try(iske_beyond, 0, &pi), PGM_ADDRESSING);

    return 0;
}
