/* The host commands of the image store (image_begin .. image_remove, schema ids 133..138): each
 * is decoded, carried out by image_store.c and answered with its event or a command_error. */
#ifndef AIOS_IMAGE_COMMANDS_H
#define AIOS_IMAGE_COMMANDS_H

#include "aios/frame.h"

#include <stdbool.h>

/* True when `command` is an image store command (it has then been answered). */
bool core_image_command(const aios_frame_t *command);

#endif
