/*
 * The native replay host: kernel.wasm and the agents in our VM (firmware/vm), hosted by the real
 * firmware/core (kernel_host.c, agents.c), on a deterministic board that runs the Node
 * simulator's cost model (tests/kernel/sim/board.ts), so the same scenario gives the same frame
 * log in both. board.c is the board (HAL, link, images, what the core tells the agents' VM);
 * replay.c is the loop and the script.
 */
#ifndef REPLAY_H
#define REPLAY_H

#include "aios/generated/protocol.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The virtual clock in µs. A double, as the simulator's Number: fuel is charged in
 * pay / fuelPerUs steps and the two hosts must round the same way. */
extern double replay_now;
/* The alarm the kernel armed (alarm_arm), -1 when none, as the simulator keeps it. */
extern double replay_alarm;

/* What the simulator keeps per agent instance (AgentVm): a new instance (spawn, clone, upgrade)
 * starts a new generation with no step in progress; a destroyed one has generation 0. */
typedef struct {
    uint32_t generation;
    int64_t debt;   /* fuel still owed by the step in progress */
    bool in_step;   /* a step ran and its debt is not paid yet */
    int64_t budget; /* the fuel of the agent's slice, as vm_set_fuel last set it */
} replay_agent_t;

replay_agent_t *replay_agent(uint16_t agent);

/* Prints `message` (with `detail`) to stderr and exits 1: the replay cannot go on. */
void replay_fail(const char *message, const char *detail);

/* Resets the board: this process ends and a fresh one carries on with the script, as a
 * device's RAM starts over; the clock, the frame sequence and the flash survive. */
void replay_reset(aios_reset_cause_t cause);
/* What survives, written to and read back from the resume file; loading also sends the boot
 * frame the simulator sends after a reset. */
bool replay_board_save(FILE *file);
bool replay_board_load(FILE *file, aios_reset_cause_t cause);

/* Loads an image file; kernel.wasm first, then the agents in image-id order. */
void replay_load_image(const char *path);

/* The command frame on the wire (COBS, delimited), through the device's frame decoder, to the
 * kernel. */
void replay_command(const uint8_t *wire, size_t length);

/* The agents' VM as the kernel drives it: the build links kernel_host.o with --wrap for these,
 * so board.c sees every call the kernel's imports make (agents.c's own calls are untouched);
 * __real_ is agents.c itself. */
int32_t __real_core_agent_spawn(uint16_t agent, uint32_t image);
int32_t __wrap_core_agent_spawn(uint16_t agent, uint32_t image);
void __real_core_agent_destroy(uint16_t agent);
void __wrap_core_agent_destroy(uint16_t agent);
int32_t __real_core_agent_clone(uint16_t source, uint16_t copy);
int32_t __wrap_core_agent_clone(uint16_t source, uint16_t copy);
int32_t __real_core_agent_upgrade(uint16_t agent, uint32_t image, bool keep_state);
int32_t __wrap_core_agent_upgrade(uint16_t agent, uint32_t image, bool keep_state);
int32_t __real_core_agent_restore(uint16_t agent, uint32_t slot);
int32_t __wrap_core_agent_restore(uint16_t agent, uint32_t slot);
void __real_core_agent_set_fuel(uint16_t agent, uint32_t fuel);
void __wrap_core_agent_set_fuel(uint16_t agent, uint32_t fuel);

#endif
