// Board parameters handed to k_boot: they describe the machine, not the policy.

/** Fuel the VM burns per microsecond of CPU; converts budgets (µs) into fuel. */
export let fuelPerUs: i32 = 1;
/** Bytes of the core's region arena (shared, ephemeral and persistent region storage). */
export let arenaBytes: i32 = 0;
/** Bytes of flash reserved for persistent regions. */
export let flashBytes: i32 = 0;

export function setParams(fuel: i32, arena: i32, flash: i32): void {
  fuelPerUs = fuel;
  arenaBytes = arena;
  flashBytes = flash;
}

export function usToFuel(us: i64): i64 {
  return us * <i64>fuelPerUs;
}

/** Microseconds a fuel amount lasts, rounded up so an alarm never fires before the fuel is gone. */
export function fuelToUs(fuel: i64): i64 {
  return (fuel + <i64>fuelPerUs - 1) / <i64>fuelPerUs;
}
