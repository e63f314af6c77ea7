/* Image lookup by id: the images built into the firmware first, then the installed ones. */
#include "aios/image_store.h"
#include "aios/images.h"

const core_image_t *core_agent_image(uint32_t id)
{
    return id >= CORE_INSTALLED_IMAGE_FIRST ? core_store_image(id) : core_builtin_image(id);
}
