// Example: a periodic sensor sampler with a deadline. It asks the kernel for arg0 µs of CPU every
// arg1 µs (EDF; default 1000 µs every 10 ms) unless it was admitted at spawn, then each job reads
// the sensor, keeps a moving average over 16 samples and ends the job. Every arg2 jobs (default
// 100) it reports the average and its deadline record on topic 2.
//
// The emulated boards have no sensor, so the reading is a synthetic signal: a triangle wave
// over the device clock with a little noise from a linear congruential generator. On a board
// with a sensor this function is where its driver's read goes.
import * as agent from "../../sdk/agent";
import * as caps from "../../sdk/caps";
import * as events from "../../sdk/events";
import * as sched from "../../sdk/sched";
import * as text from "../../sdk/text";

const WINDOW: i32 = 16;
const samples = new StaticArray<i32>(WINDOW);
let sum: i32 = 0;
let jobs: i32 = 0;
let started: bool = false;
let reportEvery: i32 = 0;
let noise: u32 = 12345;

function readSensor(): i32 {
  let phase = <i32>((agent.clockUs() / 1000) % 2000); // a 2 s triangle between 0 and 1000
  noise = noise * 1103515245 + 12345;
  return (phase < 1000 ? phase : 2000 - phase) + <i32>((noise >> 16) & 15);
}

function setUp(): void {
  started = true;
  reportEvery = agent.arg(2) > 0 ? agent.arg(2) : 100;
  if (agent.arg(0) <= 0) return; // admitted at spawn with its reservation
  let r = sched.deadline(caps.primary(), agent.arg(0), agent.arg(1) > 0 ? agent.arg(1) : 10000);
  if (r < 0) {
    text.begin();
    text.put("sampler: reservation refused, error ");
    text.putInt(-r);
    text.send(3);
    agent.exit(-r);
  }
}

export function step(): i32 {
  if (!started) {
    setUp();
    return 10;
  }
  let value = readSensor();
  let slot = jobs % WINDOW;
  sum += value - samples[slot];
  samples[slot] = value;
  jobs++;
  if (jobs % reportEvery == 0) {
    let average = sum / min(jobs, WINDOW);
    events.publish(caps.primary(), 2, average, jobs);
    text.begin();
    text.put("sampler: job ");
    text.putInt(jobs);
    text.put(", average ");
    text.putInt(average);
    text.send(1);
  }
  sched.endJob();
  return 200;
}

export function jobsDone(): i32 {
  return jobs;
}
