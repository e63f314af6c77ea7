// The upgrade-stable state area: the last 4 KiB of the first memory page. The stub runtime's heap
// starts after static data at the bottom of memory, so an agent that keeps its heap small can keep
// state here that survives an upgrade to an image with the same `state_version`.

/** Address of the state area. An image whose state layout changes exports another
 * `state_version`, and an upgrade to it starts fresh (agent.upgrade returns 0).
 * @example
 * export const state_version: i32 = 1; // both images of an upgrade export the same value
 * export function step(): i32 {
 *   store<i32>(STATE_AREA, load<i32>(STATE_AREA) + 1); // the count survives agent.upgrade
 *   return 100;
 * }
 */
export const STATE_AREA: usize = 0xf000;

/** Size of the state area: STATE_AREA + 0 .. STATE_AREA + 4095.
 * @example
 * const COUNT: usize = STATE_AREA; // the state laid out at fixed offsets
 * const HISTORY: usize = STATE_AREA + 4;
 * const HISTORY_BYTES: i32 = STATE_AREA_BYTES - 4;
 */
export const STATE_AREA_BYTES: i32 = 4096;
