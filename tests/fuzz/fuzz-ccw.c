/* libFuzzer harness: the channel subsystem's program interpreter (ORB, CCW
 * chains with data and command chaining, IDAWs, TIC, suspend) and the
 * subchannel instructions, through their doors (hw/css.c). Input: byte 0
 * the subchannel and the operation mix, bytes 1-32 the ORB (its CCW address
 * usually moved into the area below), bytes 33-84 a SCHIB for MSCH, the
 * rest storage at FUZZ_AREA (CCWs, IDAWs, data). */
#include <string.h>
#include "hw/doors.h"
#include "tests/fuzz/fuzz.h"

#define FUZZ_AREA  0x40000u

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct machine *m = fuzz_machine();
    struct cpu *cpu = &m->cpus[0];
    uint8_t orb[ORB_SIZE], schib[SCHIB_SIZE], irb[IRB_SIZE];
    unsigned n, op;
    uint32_t schid;

    if (size < 1 + ORB_SIZE + SCHIB_SIZE)
        return 0;
    n = data[0] % FUZZ_NSCH;
    op = data[0] >> 2;
    schid = fuzz_schid(n);
    memcpy(orb, data + 1, ORB_SIZE);
    memcpy(schib, data + 1 + ORB_SIZE, SCHIB_SIZE);
    fuzz_put(m, FUZZ_AREA, data + 1 + ORB_SIZE + SCHIB_SIZE,
             size - 1 - ORB_SIZE - SCHIB_SIZE);
    if (!(op & 1)) {                    /* CCW address into the area, mostly */
        uint32_t cpa = FUZZ_AREA + ((uint32_t)orb[10] << 8 | orb[11]) % 0x1000 * 8;

        orb[8] = 0;
        orb[9] = (uint8_t)(cpa >> 16);
        orb[10] = (uint8_t)(cpa >> 8);
        orb[11] = (uint8_t)cpa;
    }
    if (op & 2)
        (void)door_msch(cpu, schid, schib);
    (void)door_ssch(cpu, schid, orb);
    switch ((op >> 2) & 7) {
    case 1: (void)door_hsch(cpu, schid); break;
    case 2: (void)door_csch(cpu, schid); break;
    case 3: (void)door_xsch(cpu, schid); break;
    case 4: (void)door_rsch(cpu, schid); break;
    case 5: (void)door_stsch(cpu, schid, schib); break;
    default: break;
    }
    (void)door_tsch(cpu, schid, irb);
    (void)door_rsch(cpu, schid);        /* a suspended program goes on */
    fuzz_drain(m);
    fuzz_enable_all(m);
    cpu->irq_pending = 0;
    return 0;
}
