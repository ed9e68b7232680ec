/* DIAGNOSE (opcode 83): model-dependent functions, here the ones Linux
 * issues to a KVM-style machine (LINUX-BOOT.md section 8). The function
 * code is bits 48-63 of the second-operand address. Codes sieve does not
 * provide raise the specification exception, as on the reference machine. */
#include "cpu/insn.h"
#include "hw/doors.h"

#define DIAG_YIELD           0x044    /* voluntary time-slice end */
#define DIAG_DIRECTED_YIELD  0x09c
#define DIAG_IPL             0x308
#define DIAG_HYPERCALL       0x500    /* KVM-style hypercalls: GR1 = function */
#define HCALL_VIRTIO_CCW_NOTIFY  3

#define DIAG308_LOAD_CLEAR   3
#define DIAG308_STORE        6
#define DIAG308_RC_NO_CONF   0x0102

/* DIAGNOSE 308 - IPL functions: "load clear" re-IPLs the machine (Linux's
 * reboot after a direct kernel boot); "store IPL parameters" answers that
 * no IPL block exists. Other subcodes: specification. */
static exc_t diag_ipl(struct cpu *cpu, const struct insn *in)
{
    uint64_t subcode = cpu->gr[in->r3];

    if ((subcode & ~UINT64_C(0xffff)) || (in->r1 & 1))
        return EXC_PGM(PGM_SPECIFICATION);
    if (subcode == DIAG308_LOAD_CLEAR) {
        door_reipl(cpu);
        return 0;
    }
    if (subcode != DIAG308_STORE)
        return EXC_PGM(PGM_SPECIFICATION);
    if (cpu->gr[in->r1] & 0xfff)
        return EXC_PGM(PGM_SPECIFICATION);
    cpu->gr[in->r1 + 1] = DIAG308_RC_NO_CONF;
    return 0;
}

/* DIAG - DIAGNOSE (RS-a, privileged). Returns 0 or specification. */
exc_t insn_diag(struct cpu *cpu, const struct insn *in)
{
    unsigned code = (unsigned)((in->b2 ? cpu->gr[in->b2] : 0) + (uint64_t)(int64_t)in->d2) &
                    0xffff;

    switch (code) {
    case DIAG_YIELD:
    case DIAG_DIRECTED_YIELD:
        return 0;
    case DIAG_IPL:
        return diag_ipl(cpu, in);
    case DIAG_HYPERCALL:
        if (cpu->gr[1] != HCALL_VIRTIO_CCW_NOTIFY)
            return EXC_PGM(PGM_SPECIFICATION);
        cpu->gr[2] = (uint64_t)door_virtio_notify(cpu, (uint32_t)cpu->gr[2], cpu->gr[3],
                                                  cpu->gr[4]);
        return 0;
    default:
        return EXC_PGM(PGM_SPECIFICATION);
    }
}
