/* The narrow doors from cpu/ into the machine: service call, SIGNAL
 * PROCESSOR, DIAGNOSE and the end of a CPU's run. The only hw/ header
 * that cpu/ includes. */
#ifndef SIEVE_HW_DOORS_H
#define SIEVE_HW_DOORS_H

#include <stdbool.h>
#include <stdint.h>
#include "cpu/state.h"

/* SERVICE CALL with command @cmd on the SCCB at absolute @sccb (already
 * checked for alignment and placement). Returns the condition code. */
unsigned door_servc(struct cpu *cpu, uint32_t cmd, uint64_t sccb);

/* SIGNAL PROCESSOR @order to CPU @addr with @param. Returns the condition
 * code; for cc 1 *status holds the status bits to store. */
unsigned door_sigp(struct cpu *cpu, unsigned order, uint16_t addr, uint64_t param,
                   uint32_t *status);

/* The number of CPUs configured in @cpu's machine. */
unsigned door_cpu_count(const struct cpu *cpu);

/* Clear the TLB of every CPU of @cpu's machine (broadcast purges). */
void door_purge_tlbs(struct cpu *cpu);

/* DIAGNOSE 308 load clear: the machine resets and loads the same kernel
 * again once this instruction completes (or ends, with -no-reboot). */
void door_reipl(struct cpu *cpu);

/* The CPU loaded a disabled-wait PSW: the machine ends, reporting it. */
void door_disabled_wait(struct cpu *cpu);

/* A debugger watches (ATTN_DEBUG): before the instruction at the PSW
 * address. Returns true if the CPU must not execute it now because the
 * machine stops for the debugger (breakpoint, single step). hw/gdbstub.c. */
bool door_debug_check(struct cpu *cpu);

/* The channel subsystem (hw/css.c). @schid is the subsystem-identification
 * word from GR1, already checked for form (bit 15 one, reserved bits zero).
 * Buffers hold the architected big-endian layouts. */
#define SCHIB_SIZE  52u
#define IRB_SIZE    96u
#define ORB_SIZE    32u
#define CHSC_SIZE   4096u

/* Is subchannel set @ssid usable (multiple-subchannel-set facility enabled)? */
bool door_css_ssid_ok(struct cpu *cpu, unsigned ssid);
/* Returns the condition code, or -1 for an operand exception (ORB). */
int door_ssch(struct cpu *cpu, uint32_t schid, const uint8_t *orb);
unsigned door_stsch(struct cpu *cpu, uint32_t schid, uint8_t *schib);
/* Returns the condition code, or -1 for an operand exception (reserved bits). */
int door_msch(struct cpu *cpu, uint32_t schid, const uint8_t *schib);
unsigned door_tsch(struct cpu *cpu, uint32_t schid, uint8_t *irb);
unsigned door_csch(struct cpu *cpu, uint32_t schid);
unsigned door_hsch(struct cpu *cpu, uint32_t schid);
unsigned door_xsch(struct cpu *cpu, uint32_t schid);
unsigned door_rsch(struct cpu *cpu, uint32_t schid);
/* TEST PENDING INTERRUPTION: dequeue one pending I/O interruption whose ISC
 * CR6 enables into @code (subchannel id, parameter, identification word). */
bool door_tpi(struct cpu *cpu, uint32_t code[3]);
/* STORE CHANNEL REPORT WORD: cc 0 with *crw, or cc 1 and zero. */
unsigned door_stcrw(struct cpu *cpu, uint32_t *crw);
/* RESET CHANNEL PATH @chpid of channel subsystem @cssid: cc 0 (reset done,
 * a channel report pending), 3 (path not installed), or -1 for an operand
 * exception (a channel-subsystem image other than 0). */
int door_rchp(struct cpu *cpu, unsigned cssid, unsigned chpid);
/* CHSC on the 4 KiB block @blk (request, then the response written behind
 * it). Returns the condition code, or -1 for an operand exception. */
int door_chsc(struct cpu *cpu, uint8_t *blk);
/* Hand out the oldest pending I/O interruption of an ISC in @isc_mask
 * (0x80 >> ISC). Returns false if there is none. */
bool door_io_accept(struct cpu *cpu, uint8_t isc_mask, uint32_t code[3]);
/* DIAGNOSE 0x500 function 3: notify virtqueue @queue of the virtio-ccw
 * device on subchannel @schid. Returns the value for GR2 (a cookie, or a
 * negative value on failure). */
int64_t door_virtio_notify(struct cpu *cpu, uint32_t schid, uint64_t queue, uint64_t cookie);

#endif
