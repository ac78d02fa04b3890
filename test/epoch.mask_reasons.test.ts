// The trace's masked_weights (reported by the core, assembly/epoch/mask_trace.ts) against a
// reference written here from run_epoch.rs epoch_mechanism's step W: the permit row mask, the
// diagonal mask (owner exempt), the outdated mask (last_update[i] <= block_at_registration[j])
// and, with commit-reveal on, the commit mask (commit_block[i] < block_at_registration[j]).
// Each removed entry names the first mask that removed it, in that order.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import type { EpochInput } from "../src/index.js";
import { splitmix } from "../src/core/splitmix.js";
import { sharedPresent, listShared, readShared } from "./helpers/shared.js";

type Masked = { validator: number; uid: number; reason: string };
const U64_MAX = (1n << 64n) - 1n;

function referenceMasked(inp: EpochInput): Masked[] {
  const n = inp.n;
  const owner = inp.owner_uid === null ? -1 : inp.owner_uid;
  const reg = inp.block_at_registration.map((x) => BigInt(x));
  const out: Masked[] = [];
  for (let i = 0; i < n; i++) {
    // ValidatorPermit shorter than n masks the rows past its end; the owner's row is never forbidden
    const permitted = i < inp.validator_permit.length && (inp.validator_permit[i] || i === owner);
    const lastUpdate = i < inp.last_update.length ? BigInt(inp.last_update[i]) : 0n;
    const c = inp.commit_blocks?.[i];
    const commit = c === null || c === undefined ? U64_MAX : BigInt(c);
    for (const [j] of inp.weights[i]) {
      if (j >= n) continue; // the chain reads weights to uids below n only
      let reason: string | null = null;
      if (!permitted) reason = "no_validator_permit";
      else if (i === j && i !== owner) reason = "self_weight";
      else if (lastUpdate <= reg[j]) reason = "outdated";
      else if (inp.commit_reveal_enabled && inp.commit_blocks !== null && commit < reg[j]) reason = "commit_reveal";
      if (reason !== null) out.push({ validator: i, uid: j, reason });
    }
  }
  return out;
}

/** The submitted entries (uid < n) that are not in the masked list: what the normalised matrix must hold. */
function survivors(inp: EpochInput, masked: Masked[]): number[][] {
  const gone = new Set(masked.map((m) => `${m.validator}:${m.uid}`));
  return inp.weights.map((row, i) => row.map(([j]) => j).filter((j) => j < inp.n && !gone.has(`${i}:${j}`)));
}

const files = listShared("vectors", "epoch");

describe.skipIf(!sharedPresent)("masked_weights on the shared epoch vectors", () => {
  const seen = new Set<string>();
  for (const file of files) {
    it(`${file}: the core's mask reasons match the reference`, () => {
      const v = readShared("vectors", "epoch", file);
      const out = taomath().runEpoch(v.inputs, { trace: true });
      const expected = referenceMasked(v.inputs);
      expect(out.debug!.masked_weights).toEqual(expected);
      // and what was not reported masked is exactly what the normalised matrix kept
      expect(out.debug!.weights_normalized_i32f32.map((row) => row.map(([j]) => j))).toEqual(survivors(v.inputs, expected));
      for (const m of expected) seen.add(m.reason);
    });
  }
  it("the vectors exercise every kind of mask", () => {
    expect([...seen].sort()).toEqual(["commit_reveal", "no_validator_permit", "outdated", "self_weight"]);
  });
});

describe("masked_weights on random inputs with every mask active", () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}: the core's mask reasons match the reference`, () => {
      const r = splitmix(seed);
      const int = (k: number) => Math.floor(r() * k);
      const n = 1 + int(12);
      const blocks = () => Array.from({ length: n }, () => int(20));
      const inp: EpochInput = {
        n, current_block: 30, tempo: 10, activity_cutoff: 5000, last_mechanism_step_block: 20,
        alpha_stake: Array.from({ length: n }, () => int(1000)), tao_stake: new Array(n).fill(0),
        tao_weight: 0, stake_threshold: 0, owner_uid: r() < 0.5 ? int(n) : null,
        validator_permit: Array.from({ length: int(n + 3) }, () => r() < 0.6), max_allowed_validators: n,
        last_update: Array.from({ length: int(n + 2) }, () => int(20)), block_at_registration: blocks(),
        weights: Array.from({ length: n }, () => {
          const cols = [...new Set(Array.from({ length: int(n + 2) }, () => int(n + 2)))];
          return cols.map((j) => [j, int(65536)] as [number, number]);
        }),
        bonds: Array.from({ length: n }, () => []),
        kappa: 32767, bonds_penalty: 65535, bonds_moving_average: 900000, liquid_alpha_enabled: false,
        alpha_low: 45875, alpha_high: 58982, alpha_sigmoid_steepness: 1000, yuma3_enabled: r() < 0.5,
        commit_reveal_enabled: r() < 0.7,
        commit_blocks: r() < 0.8 ? Array.from({ length: n }, () => (r() < 0.2 ? null : int(20))) : null,
        rao_emission: 1000000000,
      };
      const out = taomath().runEpoch(inp, { trace: true });
      const expected = referenceMasked(inp);
      expect(out.debug!.masked_weights).toEqual(expected);
      expect(out.debug!.weights_normalized_i32f32.map((row) => row.map(([j]) => j))).toEqual(survivors(inp, expected));
    });
  }
});
