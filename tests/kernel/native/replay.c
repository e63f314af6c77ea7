/* The replay host's loop: Board.run and Board.slice of tests/kernel/sim/board.ts, in C, over the
 * real kernel host. A step runs to completion in our VM; the value its `step` export returns (at
 * least 1) is its cost, paid as debt over slices in fuel the kernel granted, with time moving
 * by pay / fuel-per-µs. So the kernel sees the same calls at the same times as in Node, and what
 * the two logs can differ by is how our VM, our imports and Node's engine and the simulator's
 * imports execute the same code.
 *
 * Usage: aios-replay SCRIPT. The script (written by tests/kernel/scenario.ts from a scenario
 * file) has one command per line:
 *   image PATH            kernel.wasm first, then the agent images in image-id order
 *   command HEX           a host command frame as it arrives on the wire (COBS, 0-delimited)
 *   run US                runs the board for US µs of virtual time
 *   fault AGENT KIND ERR  the core reports a fault (k_fault)
 * The kernel boots at the first line that is not an image. Frames go to stdout as Board.log()
 * prints them: "<timestamp µs> <type> <payload hex>". A board reset restarts the process with
 * SCRIPT and a resume file (replay_reset), which boots again where the simulator would. */
#define _POSIX_C_SOURCE 200809L
#include "replay.h"

#include "aios/agents.h"
#include "aios/core_config.h"
#include "aios/kernel_host.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The fuel a step may burn before the replay gives up on it (Node would run it forever). */
#define STEP_FUEL_LIMIT 2000000000u
/* Slices without time moving before the replay calls it a livelock (as Board.run). */
#define IDLE_LOOP_LIMIT 10000
#define MAX_LINE_BYTES 8192u

static const double fuel_per_us = AIOS_FUEL_PER_US;

/* Where the replay is, and what a reset hands to the process that carries on. */
typedef struct {
    int32_t cause;
    long line;        /* the script line that reset the board */
    double run_until; /* the end of the run it interrupted, or -1 */
} resume_t;

static const char *program;
static const char *script_path;
static long script_line;
/* After a reset: the line that caused it (the lines up to it are done). */
static long resumed_line = -1;
static double run_until = -1;

static int64_t min3(int64_t a, int64_t b, int64_t c)
{
    int64_t m = a < b ? a : b;
    return m < c ? m : c;
}

static bool same_instance(uint16_t agent, uint32_t generation)
{
    return generation != 0 && replay_agent(agent)->generation == generation &&
           core_agent_instance(agent) != NULL;
}

/* Runs a whole step of `agent`. Returns its cost, or 0 when it trapped (already reported). */
static int64_t run_step(uint16_t agent)
{
    uint32_t fuel = 0;
    vm_value_t result = 0;
    char detail[32];
    __real_core_agent_set_fuel(agent, STEP_FUEL_LIMIT);
    core_slice_end_t end = core_agent_run(agent, &fuel);
    snprintf(detail, sizeof detail, "agent %u", (unsigned)agent);
    if (end == CORE_SLICE_TRAPPED) {
        return 0;
    }
    if (end != CORE_SLICE_STEP_DONE) {
        replay_fail("a step did not finish", detail);
    }
    vm_instance_t *instance = core_agent_instance(agent);
    if (instance == NULL || vm_results(instance, &result, 1) != VM_OK) {
        return 1;
    }
    int32_t cost = (int32_t)vm_as_i32(result);
    return cost > 1 ? cost : 1;
}

/* One scheduling decision, the slice it grants, and the alarm if it fired (Board.slice). */
static void slice(double until)
{
    int32_t id = core_kernel_enter(CORE_KERNEL_SCHEDULE, 0, 0, 0);
    double alarm = replay_alarm;
    if (id == 0) {
        if (alarm < 0 || alarm >= until) {
            replay_now = until;
            return;
        }
        replay_now = fmax(replay_now, alarm);
        replay_alarm = -1;
        core_kernel_enter(CORE_KERNEL_TICK, 0, 0, 0);
        return;
    }
    uint16_t agent = (uint16_t)id;
    replay_agent_t *a = replay_agent(agent);
    uint32_t generation = a->generation;
    if (id < 0 || !same_instance(agent, generation)) {
        replay_fail("the kernel scheduled an agent without an instance", NULL);
    }
    /* A slice also ends where the run does: the host acts in between. */
    double limit = alarm < 0 ? until : fmin(alarm, until);
    int64_t budget = a->budget;
    int64_t used = 0;
    while (used < budget && replay_now < limit && same_instance(agent, generation)) {
        if (!a->in_step) {
            int64_t cost = run_step(agent);
            if (cost == 0) {
                /* The trapping instruction burned fuel too: a crash loop still moves time. */
                used += 1;
                replay_now += 1 / fuel_per_us;
                core_kernel_enter(CORE_KERNEL_FAULT, agent, AIOS_FAULT_KIND_VM_TRAP,
                                  core_kernel_trap_error(core_agent_trap(agent)));
                break;
            }
            if (!same_instance(agent, generation)) {
                break;
            }
            a->debt = cost;
            a->in_step = true;
        }
        double room = floor((limit - replay_now) * fuel_per_us);
        int64_t pay = min3(a->debt, budget - used, room > 1 ? (int64_t)room : 1);
        a->debt -= pay;
        used += pay;
        replay_now += (double)pay / fuel_per_us;
        if (a->debt > 0) {
            break;
        }
        a->in_step = false;
        if (core_kernel_enter(CORE_KERNEL_STEP_END, agent, 0, 0) == 0) {
            break;
        }
    }
    core_kernel_enter(CORE_KERNEL_SLICE_END, agent, (int32_t)used, 0);
    if (alarm >= 0 && replay_now >= alarm) {
        replay_alarm = -1;
        core_kernel_enter(CORE_KERNEL_TICK, 0, 0, 0);
    }
}

/* Runs the board until `until` µs (Board.run); a reset on the way carries on there. */
static void run_to(double until)
{
    int idle_loops = 0;
    run_until = until;
    while (replay_now < until) {
        double before = replay_now;
        slice(until);
        idle_loops = replay_now == before ? idle_loops + 1 : 0;
        if (idle_loops > IDLE_LOOP_LIMIT) {
            replay_fail("no progress", NULL);
        }
    }
    run_until = -1;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return -1;
}

static void command(const char *hex)
{
    static uint8_t wire[MAX_LINE_BYTES / 2u];
    size_t length = 0;
    while (hex[0] != '\0' && hex[1] != '\0' && length < sizeof wire) {
        int high = hex_digit(hex[0]), low = hex_digit(hex[1]);
        if (high < 0 || low < 0) {
            replay_fail("bad hex in a command line", hex);
        }
        wire[length++] = (uint8_t)(high << 4 | low);
        hex += 2;
    }
    replay_command(wire, length);
}

void replay_reset(aios_reset_cause_t cause)
{
    static char path[4096];
    resume_t resume = {(int32_t)cause, script_line > resumed_line ? script_line : resumed_line,
                       run_until};
    snprintf(path, sizeof path, "%s.resume", script_path);
    FILE *file = fopen(path, "wb");
    bool saved =
        file != NULL && fwrite(&resume, sizeof resume, 1, file) == 1 && replay_board_save(file);
    if (file == NULL || fclose(file) != 0 || !saved) {
        replay_fail("cannot write the resume file", path);
    }
    fflush(stdout);
    execl("/proc/self/exe", program, script_path, path, (char *)NULL);
    replay_fail("cannot restart after a reset", strerror(errno));
}

/* Boots the kernel; after a reset, first restores what survived it and skips the script up to
 * the line that reset the board, finishing the run it interrupted. */
static void boot(const char *resume_path)
{
    char detail[16];
    resume_t resume = {0, -1, -1};
    if (resume_path != NULL) {
        FILE *file = fopen(resume_path, "rb");
        bool loaded = file != NULL && fread(&resume, sizeof resume, 1, file) == 1 &&
                      replay_board_load(file, (aios_reset_cause_t)resume.cause);
        if (file != NULL) {
            fclose(file);
        }
        if (!loaded || remove(resume_path) != 0) {
            replay_fail("cannot read the resume file", resume_path);
        }
    }
    int32_t status = core_kernel_boot();
    if (status != 0) {
        snprintf(detail, sizeof detail, "%d", (int)status);
        replay_fail("the kernel did not boot", detail);
    }
    resumed_line = resume.line;
    if (resume.run_until >= 0) {
        run_to(resume.run_until);
    }
}

int main(int argc, char **argv)
{
    static char line[MAX_LINE_BYTES];
    bool booted = false;
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: aios-replay SCRIPT\n");
        return 2;
    }
    program = argv[0];
    script_path = argv[1];
    FILE *script = fopen(script_path, "r");
    if (script == NULL) {
        replay_fail("cannot open the script", script_path);
    }
    for (script_line = 0; fgets(line, sizeof line, script) != NULL; script_line++) {
        char word[16], text[MAX_LINE_BYTES];
        long long a = 0, b = 0, c = 0;
        line[strcspn(line, "\n")] = '\0';
        if (sscanf(line, "%15s", word) != 1) {
            continue;
        }
        if (strcmp(word, "image") == 0 && sscanf(line, "image %8191s", text) == 1) {
            replay_load_image(text);
            continue;
        }
        if (!booted) {
            boot(argc == 3 ? argv[2] : NULL);
            booted = true;
        }
        if (script_line <= resumed_line) {
            continue;
        }
        if (strcmp(word, "command") == 0 && sscanf(line, "command %8191s", text) == 1) {
            command(text);
        } else if (strcmp(word, "run") == 0 && sscanf(line, "run %lld", &a) == 1) {
            run_to(replay_now + (double)a);
        } else if (strcmp(word, "fault") == 0 &&
                   sscanf(line, "fault %lld %lld %lld", &a, &b, &c) == 3) {
            core_kernel_enter(CORE_KERNEL_FAULT, (int32_t)a, (int32_t)b, (int32_t)c);
        } else {
            replay_fail("bad script line", line);
        }
    }
    fclose(script);
    if (!booted) {
        boot(argc == 3 ? argv[2] : NULL);
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
