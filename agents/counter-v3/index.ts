// Upgrade fixture, version 3: counts steps (by 1) in the upgrade-stable state area; state
// layout version 2. Versions with the same layout keep the count across an upgrade.
import { STATE_AREA } from "../sdk/state";

export const state_version: i32 = 2;

export function step(): i32 {
  store<i32>(STATE_AREA, load<i32>(STATE_AREA) + 1);
  return 100;
}

export function counter(): i32 {
  return load<i32>(STATE_AREA);
}
