/* Shared pieces of the linkage-stack, PC and ASN programs (PoO ch. 5,
 * "Linkage-Stack Operations", "ASN Translation", "PC-Number Translation"):
 * the three identity-mapped spaces of space_common.h, linkage-stack
 * sections, and ASN tables with two address spaces: ASN 1 (the primary
 * space, stab[P]) and ASN 2 (stab[S]; VBASE holds page[S] there). */
#ifndef LINKAGE_COMMON_H
#define LINKAGE_COMMON_H

#include "space_common.h"

#define LSE_HEADER  0x09
#define LSE_TRAILER 0x0a
#define LSE_BRANCH  0x0c
#define LSE_CALL    0x0d
#define LS_ENTRY    296             /* state entry with its descriptor */
#define LS_ED       288             /* descriptor offset in a state entry */

#define PGM_SPECIAL_OP      0x13
#define PGM_SPACE_SWITCH    0x1c
#define PGM_PC_TRANS_SPEC   0x1f
#define PGM_AFX             0x20
#define PGM_ASX             0x21
#define PGM_LX              0x22
#define PGM_EX              0x23
#define PGM_PRIMARY_AUTH    0x24
#define PGM_SECONDARY_AUTH  0x25
#define PGM_STACK_FULL      0x30
#define PGM_STACK_EMPTY     0x31
#define PGM_STACK_SPEC      0x32
#define PGM_STACK_TYPE      0x33
#define PGM_STACK_OP        0x34

#define LC_TEID             0xa8

#define CR14_ASNT   (1ull << (63 - 44))     /* ASN-translation control */
#define ASCE_SSE    (1ull << (63 - 57))     /* space-switch-event control */

static uint8_t lsec[3][4096] __attribute__((aligned(4096)));

/* A linkage-stack entry descriptor at @p. */
static inline void ls_ed(uint8_t *p, uint8_t type, uint8_t si, uint16_t rfs, uint16_t nes)
{
    p[0] = type;
    p[1] = si;
    *(uint16_t *)(p + 2) = rfs;
    *(uint16_t *)(p + 4) = nes;
    *(uint16_t *)(p + 6) = 0;
}

/* Make @s a section with @rfs bytes for entries, backward stack-entry
 * address @back (bit 63: valid) and forward-section-header address @fwd
 * (bit 63: valid). Returns the address of its header's entry descriptor. */
static inline uint64_t ls_section(uint8_t *s, uint8_t si, uint16_t rfs, uint64_t back,
                                  uint64_t fwd)
{
    uint8_t *t = s + 16 + rfs;

    memset(s, 0, 16 + rfs + 16);
    *(uint64_t *)s = back;
    ls_ed(s + 8, LSE_HEADER, si, rfs, 0);
    *(uint64_t *)t = fwd;
    ls_ed(t + 8, LSE_TRAILER, si, 0, 0);
    return (uintptr_t)(s + 8);
}

/* The halfword at offset @off of the entry descriptor at address @ed. */
static inline uint16_t ed_half(uint64_t ed, unsigned off)
{
    return *(uint16_t *)(uintptr_t)(ed + off);
}

/* ---- ASN tables ---------------------------------------------------------- */

static uint32_t aft[1024] __attribute__((aligned(4096)));
static uint32_t ast[64][16] __attribute__((aligned(4096)));
static uint8_t atab[3][16] __attribute__((aligned(16)));     /* authority tables */
static uint32_t ltab[32] __attribute__((aligned(128)));
static uint32_t etab[8][8] __attribute__((aligned(64)));

#define ASTESN1 0x00a10001u
#define ASTESN2 0x00a20002u

/* The ASTE of @asn (all in the first ASN-second table). */
static inline uint32_t aste_of(unsigned asn)
{
    return (uint32_t)(uintptr_t)ast[asn];
}

/* Fill ASTE @asn: authorization index @ax, authority table @at (all 16
 * AXs of ATL 0), the ASCE @asce, sequence number @sn, LTD of ltab. */
static inline void set_aste(unsigned asn, uint16_t ax, const uint8_t *at, uint64_t asce,
                            uint32_t sn)
{
    memset(ast[asn], 0, 64);
    ast[asn][0] = (uint32_t)(uintptr_t)at;
    ast[asn][1] = (uint32_t)ax << 16;
    ast[asn][2] = (uint32_t)(asce >> 32);
    ast[asn][3] = (uint32_t)asce;
    ast[asn][5] = sn;
    ast[asn][6] = 0x80000000u | (uint32_t)(uintptr_t)ltab;     /* V, LTL 0 */
}

/* Spaces and ASN tables: ASN 1 primary and secondary (AX 1), ASN 2 the
 * other space (AX 2), ASN 3 invalid, ASN 4 valid but authorizing nobody;
 * AFX 1 and above invalid. Both authority tables 0 and 1 give P and S to
 * AXs 0-15; table 2 gives nothing. CR15 is left to the caller. */
static inline void asn_setup(void)
{
    build_spaces();
    for (unsigned i = 0; i < 1024; i++)
        aft[i] = 0x80000000u;
    aft[0] = (uint32_t)(uintptr_t)ast;
    for (unsigned i = 0; i < 64; i++) {
        memset(ast[i], 0, 64);
        ast[i][0] = 0x80000000u;
    }
    memset(atab[0], 0xff, 16);
    memset(atab[1], 0xff, 16);
    memset(atab[2], 0x00, 16);
    set_aste(1, 1, atab[0], (uintptr_t)stab[P] | 3, ASTESN1);
    set_aste(2, 2, atab[1], (uintptr_t)stab[S] | 3, ASTESN2);
    set_aste(4, 1, atab[2], (uintptr_t)stab[S] | 3, 0);
    for (unsigned i = 0; i < 32; i++)
        ltab[i] = 0x80000000u;
    ltab[0] = (uint32_t)(uintptr_t)etab | 1;                   /* EX 0-7 */
    rt_lctlg(3, 0x80000000ull | 1);                             /* PKM key 0, SASN 1 */
    rt_lctlg(4, 0x00010000ull | 1);                             /* AX 1, PASN 1 */
    rt_lctlg(5, aste_of(1));
    rt_lctlg(7, (uintptr_t)stab[P] | 3);
    rt_lctlg(8, 0);
    rt_lctlg(14, CR14_ASNT | ((uintptr_t)aft >> 12));
}

/* Control registers 1, 3, 4, 5, 7 as a set. */
struct spaces {
    uint64_t cr1, cr3, cr4, cr5, cr7;
};

static inline void get_spaces(struct spaces *s)
{
    s->cr1 = rt_stctg(1);
    s->cr3 = rt_stctg(3);
    s->cr4 = rt_stctg(4);
    s->cr5 = rt_stctg(5);
    s->cr7 = rt_stctg(7);
}

static inline bool same_spaces(const struct spaces *a, const struct spaces *b)
{
    return memcmp(a, b, sizeof(*a)) == 0;
}

/* Check that @s has ASN 2 primary (CR1, AX 2, PASN 2, CR5 from ASTE 2),
 * CR3 @cr3 and CR7 @cr7. */
static inline void check_space2(const char *what, const struct spaces *s, uint64_t cr3,
                                uint64_t cr7)
{
    rt_checkf(s->cr1 == ((uintptr_t)stab[S] | 3), "%s: CR1 from ASTE 2", what);
    rt_checkf(s->cr3 == cr3, "%s: CR3 PKM, SASN %u", what, (unsigned)(cr3 & 0xffff));
    rt_checkf(s->cr4 == 0x00020002, "%s: CR4 AX 2, PASN 2", what);
    rt_checkf(s->cr5 == aste_of(2), "%s: CR5 ASTE 2", what);
    rt_checkf(s->cr7 == cr7, "%s: CR7", what);
}

#endif
