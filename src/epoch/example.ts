// The built-in example subnet: 256 uids, 64 validators, made by a seeded generator so every
// run (and every host) sees the same state. Validators score miners from a shared hidden
// quality plus their own noise, and a few warm-up epochs give the bonds a realistic history.

import type { EpochInput, EpochResult } from "../bindings/epoch.js";
import type { Taomath } from "../core/taomath.js";
import { TaomathError } from "../core/errors.js";
import { toInt } from "../bindings/values.js";
import { splitmix } from "../core/splitmix.js";

/** The example subnet's generator (splitmix32). */
export const rng = splitmix;

export interface ExampleOptions { n?: number; validators?: number; seed?: number; warmupEpochs?: number; yuma3?: boolean }

const TEMPO = 360;

/** Scores in [0, 1] to the u16 row set_weights would store (max-upscaled by the chain's rule). */
function storedRow(tm: Taomath, uids: number[], scores: number[]): Array<[number, number]> {
  const raw = scores.map((s) => Math.max(0, Math.min(65535, Math.round(s * 65535))));
  const up = tm.math.vecU16MaxUpscaleToU16(raw);
  return uids.map((u, k) => [u, up[k]]);
}

/** Largest example subnet (the size of the largest shared vector; its warm-up is n^2 work). */
export const MAX_EXAMPLE_N = 4096;
/** Most warm-up epochs an example runs. */
export const MAX_EXAMPLE_WARMUP = 100;

export function exampleSubnet(tm: Taomath, opts: ExampleOptions = {}): EpochInput {
  if (opts === null || typeof opts !== "object" || Array.isArray(opts)) throw new TaomathError("invalid_type", "opts", "expected an options object");
  const n = opts.n === undefined ? 256 : toInt(opts.n, "n", 1, MAX_EXAMPLE_N, "example size");
  const v = opts.validators === undefined ? Math.min(64, n) : toInt(opts.validators, "validators", 0, n, "validator count (at most n)");
  const seed = opts.seed === undefined ? 42 : toInt(opts.seed, "seed", 0, 0xffffffff, "u32");
  if (opts.warmupEpochs !== undefined) toInt(opts.warmupEpochs, "warmupEpochs", 0, MAX_EXAMPLE_WARMUP, "epoch count");
  if (opts.yuma3 !== undefined && typeof opts.yuma3 !== "boolean") throw new TaomathError("invalid_type", "yuma3", "expected a boolean");
  const rand = rng(seed);
  const block0 = 4_000_000;
  const quality = Array.from({ length: n }, () => rand() ** 2);
  const alphaStake: bigint[] = [];
  for (let i = 0; i < n; i++) {
    // validators hold 1k..~200k alpha with a heavy tail; miners hold dust
    const alpha = i < v ? 1_000 + Math.floor(200_000 * rand() ** 3) : Math.floor(rand() * 5);
    alphaStake.push(BigInt(alpha) * 1_000_000_000n);
  }
  const registration = Array.from({ length: n }, (_, i) => BigInt(block0 - 50_000 + Math.floor(rand() * 40_000) + (i === n - 1 ? 49_000 : 0)));
  const weights: Array<Array<[number, number]>> = [];
  for (let i = 0; i < n; i++) {
    if (i >= v) { weights.push([]); continue; }
    const sloppy = rand() < 0.1; // a few validators copy weights badly
    const uids: number[] = [], scores: number[] = [];
    for (let j = v; j < n; j++) {
      if (rand() < 0.15) continue; // each validator has not evaluated every miner
      uids.push(j);
      scores.push(Math.max(0, quality[j] + (sloppy ? 0.5 : 0.08) * (rand() - 0.5)));
    }
    weights.push(storedRow(tm, uids, scores));
  }
  const input: EpochInput = {
    n,
    current_block: BigInt(block0),
    tempo: TEMPO,
    activity_cutoff: 5000n,
    last_mechanism_step_block: 0n,
    alpha_stake: alphaStake,
    tao_stake: alphaStake.map((a, i) => (i < 8 ? a / 3n : 0n)),
    tao_weight: 971_718_665_099_567_868n,
    stake_threshold: 0n,
    owner_uid: 0,
    validator_permit: Array.from({ length: n }, (_, i) => i < v),
    max_allowed_validators: v,
    last_update: Array.from({ length: n }, (_, i) => BigInt(block0 - (i < v ? Math.floor(rand() * (i % 13 === 12 ? 9000 : 300)) : 100))),
    block_at_registration: registration,
    weights,
    bonds: Array.from({ length: n }, () => []),
    kappa: 32767,
    bonds_penalty: 65535,
    bonds_moving_average: 975_000n,
    liquid_alpha_enabled: false,
    alpha_low: 45875,
    alpha_high: 58982,
    alpha_sigmoid_steepness: 1000,
    yuma3_enabled: opts.yuma3 ?? true,
    commit_reveal_enabled: false,
    commit_blocks: null,
    rao_emission: BigInt(TEMPO) * 500_000_000n, // ~0.5 alpha per block to the epoch over one tempo
  };
  // warm-up: carry permits and bonds forward as the chain stores them
  for (let e = 0; e < (opts.warmupEpochs ?? 3); e++) {
    const out = tm.runEpoch(input);
    input.bonds = out.bonds;
    input.validator_permit = out.validator_permit;
    input.last_mechanism_step_block = input.current_block as bigint;
    input.current_block = (input.current_block as bigint) + BigInt(TEMPO);
    input.last_update = (input.last_update as bigint[]).map((lu, i) => (i < v && i % 13 !== 12 ? lu + BigInt(TEMPO) : lu));
  }
  return input;
}

export type { EpochResult };
