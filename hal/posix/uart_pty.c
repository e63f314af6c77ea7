/* The console UART of the POSIX port. By default the process opens a pseudo-terminal and
 * announces its path on stderr ("aios: uart on /dev/pts/N"), so the host tools talk to it
 * through serialport exactly as to a board. AIOS_UART=stdio uses stdin/stdout instead.
 * The slave side stays open in this process: bytes sent before the host attaches wait in the
 * pty instead of being lost. */
#define _GNU_SOURCE
#include "hal/uart.h"

#include "posix.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int rx_fd = -1;
static int tx_fd = -1;
static uint32_t tx_dropped;

static void die(const char *what)
{
    fprintf(stderr, "aios: cannot open the UART pty: %s: %s\n", what, strerror(errno));
    exit(EXIT_FAILURE);
}

static void set_nonblocking(int fd)
{
    int flags = fcntl(fd, F_GETFL);
    if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        die("fcntl");
    }
}

static void open_pty(void)
{
    struct termios raw;
    int master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
        die("posix_openpt");
    }
    const char *path = ptsname(master);
    if (path == NULL) {
        die("ptsname");
    }
    int slave = open(path, O_RDWR | O_NOCTTY);
    if (slave < 0 || tcgetattr(slave, &raw) != 0) {
        die(path);
    }
    cfmakeraw(&raw);
    if (tcsetattr(slave, TCSANOW, &raw) != 0) {
        die("tcsetattr");
    }
    posix_keep_across_reset("AIOS_UART_FD", master);
    posix_keep_across_reset("AIOS_UART_SLAVE_FD", slave);
    rx_fd = tx_fd = master;
    fprintf(stderr, "aios: uart on %s\n", path);
}

void hal_uart_init(void)
{
    const char *inherited = getenv("AIOS_UART_FD");
    const char *mode = getenv("AIOS_UART");
    if (inherited != NULL) {
        rx_fd = tx_fd = atoi(inherited);
    } else if (mode != NULL && strcmp(mode, "stdio") == 0) {
        rx_fd = STDIN_FILENO;
        tx_fd = STDOUT_FILENO;
    } else {
        open_pty();
    }
    set_nonblocking(rx_fd);
    set_nonblocking(tx_fd);
}

void hal_uart_write(const uint8_t *data, size_t length)
{
    while (length > 0) {
        ssize_t written = write(tx_fd, data, length);
        if (written < 0 && errno == EINTR) {
            continue;
        }
        if (written <= 0) {
            /* Nobody drains the pty and its buffer is full: a real UART would also lose these. */
            tx_dropped += (uint32_t)length;
            return;
        }
        data += written;
        length -= (size_t)written;
    }
}

size_t hal_uart_read(uint8_t *data, size_t capacity)
{
    ssize_t count = read(rx_fd, data, capacity);
    return count > 0 ? (size_t)count : 0;
}

int posix_uart_fd(void)
{
    return rx_fd;
}

uint32_t hal_uart_rx_dropped(void)
{
    return 0;
}

uint32_t hal_uart_tx_dropped(void)
{
    return tx_dropped;
}
