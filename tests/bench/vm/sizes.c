/*
 * sizeof the VM's runtime structures as symbol sizes, so the bench can read them from an
 * object compiled for any target (arm-none-eabi-nm -S) without running it there.
 */
#include "vm_internal.h"

const unsigned char vm_sizeof_instance[sizeof(vm_instance_t)];
const unsigned char vm_sizeof_func[sizeof(vm_func_t)];
const unsigned char vm_sizeof_func_ptr[sizeof(vm_func_t *)];
const unsigned char vm_sizeof_global[sizeof(vm_global_t)];
const unsigned char vm_sizeof_global_ptr[sizeof(vm_global_t *)];
const unsigned char vm_sizeof_frame[sizeof(vm_frame_t)];
const unsigned char vm_sizeof_value[sizeof(vm_value_t)];
