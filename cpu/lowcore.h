/* Assigned storage locations in the prefix area (z/Architecture lowcore),
 * PoO chapter 3, "Assigned Storage Locations". Offsets only: the lowcore
 * is read and written with ld_be and st_be, never overlaid by a struct. */
#ifndef SIEVE_CPU_LOWCORE_H
#define SIEVE_CPU_LOWCORE_H

#define LC_EXT_PARAM        0x080
#define LC_EXT_CPU_ADDR     0x084
#define LC_EXT_CODE         0x086
#define LC_SVC_ILC          0x088
#define LC_SVC_CODE         0x08a
#define LC_PGM_ILC          0x08c
#define LC_PGM_CODE         0x08e
#define LC_DXC              0x090
#define LC_MON_CLASS        0x094
#define LC_PER_CODE         0x096
#define LC_PER_ADDR         0x098
#define LC_EXC_ACCESS_ID    0x0a0
#define LC_PER_ACCESS_ID    0x0a1
#define LC_OP_ACCESS_ID     0x0a2
#define LC_ARCH_MODE_ID     0x0a3
#define LC_TEID             0x0a8
#define LC_MON_CODE         0x0b0
#define LC_SUBCHANNEL_ID    0x0b8
#define LC_IO_PARAM         0x0bc
#define LC_IO_ID            0x0c0
#define LC_STFL             0x0c8
#define LC_MCIC             0x0e8
#define LC_BEA              0x110
#define LC_RESTART_OLD_PSW  0x120
#define LC_EXT_OLD_PSW      0x130
#define LC_SVC_OLD_PSW      0x140
#define LC_PGM_OLD_PSW      0x150
#define LC_MCK_OLD_PSW      0x160
#define LC_IO_OLD_PSW       0x170
#define LC_RESTART_NEW_PSW  0x1a0
#define LC_EXT_NEW_PSW      0x1b0
#define LC_SVC_NEW_PSW      0x1c0
#define LC_PGM_NEW_PSW      0x1d0
#define LC_MCK_NEW_PSW      0x1e0
#define LC_IO_NEW_PSW       0x1f0

/* External-interruption codes. */
#define EXT_CLOCK_COMPARATOR 0x1004
#define EXT_CPU_TIMER       0x1005
#define EXT_EMERGENCY_SIGNAL 0x1201
#define EXT_EXTERNAL_CALL   0x1202
#define EXT_SERVICE_SIGNAL  0x2401

#endif
