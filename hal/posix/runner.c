/* Re-execution under a user-mode emulator. A POSIX board built for another CPU (raspi on an
 * x86-64 machine) runs as `qemu-aarch64 -L <sysroot> <executable>`; the kernel cannot run that
 * executable by itself, so hal_reset's exec of /proc/self/exe fails (ENOEXEC). The host names
 * the emulator's command in AIOS_RUNNER, one word per line, and the reset goes through it. This
 * runs in the fault signal handler: no allocation, only reads of the environment, readlink and
 * exec. */
#define _GNU_SOURCE
#include "posix.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { RUNNER_MAX_WORDS = 16, RUNNER_MAX_BYTES = 1024, EXECUTABLE_MAX_BYTES = 4096 };

void posix_exec_under_runner(void)
{
    static char words[RUNNER_MAX_BYTES];
    static char executable[EXECUTABLE_MAX_BYTES];
    char *arguments[RUNNER_MAX_WORDS + 2];
    size_t count = 0;
    const char *runner = getenv("AIOS_RUNNER");
    if (runner == NULL || runner[0] == '\0' || strlen(runner) >= sizeof words) {
        return;
    }
    /* The emulator answers for the program it runs, so this is our executable, not QEMU. */
    ssize_t length = readlink("/proc/self/exe", executable, sizeof executable - 1);
    if (length <= 0) {
        return;
    }
    executable[length] = '\0';
    strcpy(words, runner);
    for (char *word = words; count < RUNNER_MAX_WORDS;) {
        arguments[count++] = word;
        char *end = strchr(word, '\n');
        if (end == NULL) {
            break;
        }
        *end = '\0';
        word = end + 1;
    }
    arguments[count++] = executable;
    arguments[count] = NULL;
    execvp(arguments[0], arguments);
}
