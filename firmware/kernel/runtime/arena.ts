// Kernel runtime: a bump allocator inside the low-memory limit, sealed after boot.
//
// Every kernel table is allocated while the module starts (top-level statements) and in k_boot;
// after k_boot the heap is sealed, so an allocation in a syscall, tick or fault path is a kernel
// bug and traps at once instead of slowly eating the device's RAM. Nothing is ever freed, so the
// collector hooks the compiler expects are empty.
import { AL_MASK, OBJECT, OBJECT_OVERHEAD, BLOCK_OVERHEAD, BLOCK, OBJECT_MAXSIZE } from "rt/common";

// @ts-ignore: decorator
@lazy let offset: usize = ((__heap_base + BLOCK_OVERHEAD + AL_MASK) & ~AL_MASK) - BLOCK_OVERHEAD;
// @ts-ignore: decorator
@lazy let sealed: bool = false;

/** Bytes of linear memory the kernel may use at most (asc --lowMemoryLimit). */
// @ts-ignore: decorator
@inline const LIMIT: usize = ASC_LOW_MEMORY_LIMIT ? <usize>ASC_LOW_MEMORY_LIMIT : 0x10000;

// @ts-ignore: decorator
@unsafe @global
function __alloc(size: usize): usize {
  if (sealed || size > OBJECT_MAXSIZE) unreachable();
  let block = changetype<BLOCK>(offset);
  let payload = ((size + BLOCK_OVERHEAD + AL_MASK) & ~AL_MASK) - BLOCK_OVERHEAD;
  let end = offset + BLOCK_OVERHEAD + payload;
  if (end > LIMIT) unreachable();
  block.mmInfo = payload;
  let ptr = offset + BLOCK_OVERHEAD;
  offset = end;
  return ptr;
}

// @ts-ignore: decorator
@unsafe @global
function __realloc(ptr: usize, size: usize): usize {
  let old = changetype<BLOCK>(ptr - BLOCK_OVERHEAD).mmInfo;
  if (size <= old) return ptr;
  let fresh = __alloc(size);
  memory.copy(fresh, ptr, old);
  return fresh;
}

// @ts-ignore: decorator
@unsafe @global
function __free(ptr: usize): void {}

// @ts-ignore: decorator
@unsafe @global
function __new(size: usize, id: u32): usize {
  if (size > OBJECT_MAXSIZE) unreachable();
  let ptr = __alloc(OBJECT_OVERHEAD + size);
  let object = changetype<OBJECT>(ptr - BLOCK_OVERHEAD);
  object.gcInfo = 0;
  object.gcInfo2 = 0;
  object.rtId = id;
  object.rtSize = <u32>size;
  return ptr + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@unsafe @global
function __renew(oldPtr: usize, size: usize): usize {
  let fresh = __realloc(oldPtr - OBJECT_OVERHEAD, OBJECT_OVERHEAD + size);
  changetype<OBJECT>(fresh - BLOCK_OVERHEAD).rtSize = <u32>size;
  return fresh + OBJECT_OVERHEAD;
}

// @ts-ignore: decorator
@global @unsafe
function __link(parentPtr: usize, childPtr: usize, expectMultiple: bool): void {}

// @ts-ignore: decorator
@global @unsafe
function __pin(ptr: usize): usize {
  return ptr;
}

// @ts-ignore: decorator
@global @unsafe
function __unpin(ptr: usize): void {}

// @ts-ignore: decorator
@global @unsafe
function __visit(ptr: usize, cookie: u32): void {}

// @ts-ignore: decorator
@global @unsafe
function __collect(): void {}

/** Forbids further allocation; called once at the end of k_boot. */
// @ts-ignore: decorator
@global
function __seal_heap(): void {
  sealed = true;
}

/** First byte past the kernel's heap: its whole memory footprint. */
// @ts-ignore: decorator
@global
function __heap_end(): usize {
  return offset;
}
