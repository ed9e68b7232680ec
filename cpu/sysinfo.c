/* STORE SYSTEM INFORMATION (PoO chapter 10): configuration level 3, a
 * virtual machine under a KVM-style control program, as qemu-system-s390x
 * reports itself (LINUX-BOOT.md section 4.6): Linux then takes the same
 * code paths as on the reference machine. SYSIB layouts are offsets. */
#include "cpu/insn.h"

#include <stdio.h>
#include <string.h>
#include "cpu/model.h"
#include "hw/doors.h"
#include "mmu/mmu.h"

#define STSI_LEVEL        3u
#define SYSIB_SIZE        4096u
#define CPU_CAPABILITY    0x443afc29u     /* the reference machine's value */

/* Store @s in EBCDIC at @p, blank-padded to @len bytes. */
static void put_ebcdic(uint8_t *p, const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        char c = i < strlen(s) ? s[i] : ' ';
        uint8_t e = 0x40;

        if (c >= 'A' && c <= 'I')
            e = (uint8_t)(0xc1 + c - 'A');
        else if (c >= 'J' && c <= 'R')
            e = (uint8_t)(0xd1 + c - 'J');
        else if (c >= 'S' && c <= 'Z')
            e = (uint8_t)(0xe2 + c - 'S');
        else if (c >= '0' && c <= '9')
            e = (uint8_t)(0xf0 + c - '0');
        else if (c == '/')
            e = 0x61;
        else if (c == '-')
            e = 0x60;
        p[i] = e;
    }
}

static unsigned cpu_count(const struct cpu *cpu)
{
    return door_cpu_count(cpu);
}

/* SYSIB 1.1.1: basic-machine configuration. */
static void sysib_111(const struct cpu *cpu, uint8_t *b)
{
    char type[8];

    snprintf(type, sizeof(type), "%04X", cpu->model->machine_type);
    put_ebcdic(b + 32, "SIEVE", 16);             /* manufacturer */
    put_ebcdic(b + 48, type, 4);                 /* type */
    put_ebcdic(b + 64, "SIEVE", 16);             /* model capacity identifier */
    put_ebcdic(b + 80, "0000000000000000", 16);  /* sequence code */
    put_ebcdic(b + 96, "01", 4);                 /* plant */
    put_ebcdic(b + 100, "SIEVE", 16);            /* model */
}

/* SYSIB 1.2.1: basic-machine CPU. */
static void sysib_121(const struct cpu *cpu, uint8_t *b)
{
    put_ebcdic(b + 80, "0000000000000000", 16);
    put_ebcdic(b + 96, "01", 4);
    st_be16(b + 102, cpu->cpu_addr);
}

/* SYSIB 1.2.2: basic-machine CPUs. */
static void sysib_122(const struct cpu *cpu, uint8_t *b)
{
    b[0] = 0;                                    /* format 0 */
    st_be32(b + 32, CPU_CAPABILITY);
    st_be16(b + 36, (uint16_t)cpu_count(cpu));   /* total */
    st_be16(b + 38, (uint16_t)cpu_count(cpu));   /* configured */
}

/* SYSIB 2.2.1: logical-partition CPU. */
static void sysib_221(const struct cpu *cpu, uint8_t *b)
{
    put_ebcdic(b + 80, "0000000000000000", 16);
    put_ebcdic(b + 96, "01", 4);
    st_be16(b + 102, cpu->cpu_addr);
}

/* SYSIB 2.2.2: logical-partition CPUs. */
static void sysib_222(const struct cpu *cpu, uint8_t *b)
{
    st_be16(b + 32, 0);                          /* LPAR number */
    b[35] = 0x80;                                /* characteristics: dedicated */
    st_be16(b + 36, (uint16_t)cpu_count(cpu));
    st_be16(b + 38, (uint16_t)cpu_count(cpu));
    put_ebcdic(b + 44, "SIEVE", 8);              /* LPAR name */
    st_be32(b + 52, 1000);                       /* capability adjustment factor */
}

/* SYSIB 3.2.2: virtual-machine CPUs, one level. */
static void sysib_322(const struct cpu *cpu, uint8_t *b)
{
    uint8_t *vm = b + 32;

    b[31] = 1;                                   /* one description block */
    st_be16(vm + 4, (uint16_t)cpu_count(cpu));
    st_be16(vm + 6, (uint16_t)cpu_count(cpu));
    put_ebcdic(vm + 12, "SIEVE", 8);             /* VM name */
    st_be32(vm + 20, 1000);
    put_ebcdic(vm + 24, "KVM/LINUX", 16);        /* control-program identifier */
}

/* STSI - STORE SYSTEM INFORMATION (S). GR0 bits 32-35 the function code,
 * 56-63 selector 1; GR1 bits 48-63 selector 2. CC 0 stored (or level
 * returned for FC 0), 3 not available. Returns specification (reserved bits,
 * operand not on a 4 KiB boundary) or access exceptions. */
exc_t insn_stsi(struct cpu *cpu, const struct insn *in)
{
    unsigned fc = (unsigned)FIELD64(cpu->gr[0], 32, 35);
    unsigned sel1 = (unsigned)(cpu->gr[0] & 0xff);
    unsigned sel2 = (unsigned)(cpu->gr[1] & 0xffff);
    uint64_t addr = insn_addr2(cpu, in);
    uint8_t b[SYSIB_SIZE];
    struct acc a;
    exc_t exc;

    if ((cpu->gr[0] & UINT64_C(0x0fffff00)) || (cpu->gr[1] & UINT64_C(0xffff0000)))
        return EXC_PGM(PGM_SPECIFICATION);
    if (fc == 0) {
        cpu->gr[0] = (cpu->gr[0] & ~UINT64_C(0xf0000000)) | (uint64_t)STSI_LEVEL << 28;
        cpu_set_cc(cpu, 0);
        return 0;
    }
    if (fc > STSI_LEVEL) {
        cpu_set_cc(cpu, 3);
        return 0;
    }
    if (sel1 > 15 || sel2 > 15) {
        cpu_set_cc(cpu, 3);
        return 0;
    }
    if (addr & (SYSIB_SIZE - 1))
        return EXC_PGM(PGM_SPECIFICATION);
    memset(b, 0, sizeof(b));
    switch (fc << 8 | sel1 << 4 | sel2) {
    case 0x111: sysib_111(cpu, b); break;
    case 0x121: sysib_121(cpu, b); break;
    case 0x122: sysib_122(cpu, b); break;
    case 0x221: sysib_221(cpu, b); break;
    case 0x222: sysib_222(cpu, b); break;
    case 0x322: sysib_322(cpu, b); break;
    default:
        cpu_set_cc(cpu, 3);
        return 0;
    }
    exc = mmu_prepare(cpu, &a, in->b2, addr, SYSIB_SIZE, ACC_STORE);
    if (exc)
        return exc;
    acc_write(&a, 0, b, SYSIB_SIZE);
    cpu_set_cc(cpu, 0);
    return 0;
}
