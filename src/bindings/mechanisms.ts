// Several incentive mechanisms on one subnet (subnets/mechanism.rs epoch_with_mechanisms): the
// emission is split, each mechanism runs its own epoch on its own weights, bonds and LastUpdate,
// and the subnet's terms are the emission-weighted fold of the mechanisms' terms.

import { TaomathError } from "../core/errors.js";
import type { Taomath } from "../core/taomath.js";
import type { EpochInput, EpochResult, SparseRowU16 } from "./epoch.js";
import { toArray, toU16, toU64, U64_MAX } from "./values.js";

/** The state one mechanism owns (storage keyed by netuid_index = mecid * 4096 + netuid). */
export interface MechanismState {
  weights: SparseRowU16[];
  bonds: SparseRowU16[];
  last_update: EpochInput["last_update"];
  /** per-mechanism commit queues; defaults to the subnet's `commit_blocks` */
  commit_blocks?: EpochInput["commit_blocks"];
}

export interface MechanismsInput extends Omit<EpochInput, "weights" | "bonds" | "last_update"> {
  mechanisms: MechanismState[];
  /** MechanismEmissionSplit: u16 parts of 65535 per mechanism, or null for an even split */
  mechanism_emission_split: number[] | null;
}

/** The subnet-level terms after aggregation (what persist_netuid_epoch_terms stores). */
export interface SubnetTerms {
  stake: bigint[];
  stake_weight: number[];
  active: boolean[];
  validator_permit: boolean[];
  consensus: number[];
  dividends: number[];
  validator_trust: number[];
  emission: bigint[];
  server_emission: bigint[];
  validator_emission: bigint[];
  /** taken from the first mechanism only, weighted (the chain does not persist it per subnet) */
  incentive: number[];
}

export interface MechanismsResult {
  emission_split: bigint[];
  /** U64F64 aggregation weight of each mechanism, raw bits */
  weights_u64f64: bigint[];
  mechanisms: EpochResult[];
  subnet: SubnetTerms;
}

export function runEpochMechanisms(tm: Taomath, input: MechanismsInput): MechanismsResult {
  const mechs = toArray(input.mechanisms, "mechanisms") as MechanismState[];
  if (mechs.length < 1 || mechs.length > 16) throw new TaomathError("out_of_range", "mechanisms", `needs 1 to 16 mechanisms, got ${mechs.length}`);
  const split = input.mechanism_emission_split === null ? null : toArray(input.mechanism_emission_split, "mechanism_emission_split").map((x, i) => toU16(x, `mechanism_emission_split[${i}]`));
  const total = toU64(input.rao_emission, "rao_emission");
  const core = tm.core;
  const n = toU16(input.n, "n");

  core.reset();
  const out = core.alloc(mechs.length * 8);
  const sp = split === null ? 0 : core.u16(split);
  core.call("mech_split", BigInt.asIntN(64, total), mechs.length, sp, split === null ? -1 : split.length, out);
  const emissions = core.readU64(out, mechs.length);

  const results: EpochResult[] = mechs.map((m, k) => {
    if (m === null || typeof m !== "object") throw new TaomathError("invalid_type", `mechanisms[${k}]`, "expected an object");
    const one: EpochInput = {
      ...(input as unknown as EpochInput),
      weights: m.weights, bonds: m.bonds, last_update: m.last_update,
      commit_blocks: m.commit_blocks === undefined ? input.commit_blocks : m.commit_blocks,
      rao_emission: emissions[k],
    };
    try {
      return tm.runEpoch(one);
    } catch (e) {
      if (e instanceof TaomathError) throw new TaomathError(e.code, `mechanisms[${k}].${e.field}`, e.message.replace(/^[^:]*: /, ""));
      throw e;
    }
  });

  // fold, mechanism by mechanism, flooring at each step as the chain does
  core.reset();
  const weights: bigint[] = [];
  const acc = {
    dividends: core.u64(new Array(n).fill(0n)), consensus: core.u64(new Array(n).fill(0n)),
    validator_trust: core.u64(new Array(n).fill(0n)), stake_weight: core.u64(new Array(n).fill(0n)),
    emission: core.u64(new Array(n).fill(0n)), incentive: core.u64(new Array(n).fill(0n)),
  };
  const server = new Array<bigint>(n).fill(0n), validator = new Array<bigint>(n).fill(0n), stake = new Array<bigint>(n).fill(0n);
  const active = new Array<boolean>(n).fill(false), permit = new Array<boolean>(n).fill(false);
  const sat = (a: bigint, b: bigint) => (a + b > U64_MAX ? U64_MAX : a + b);
  results.forEach((r, k) => {
    const lo = BigInt.asUintN(64, core.call<bigint>("mech_weight", BigInt.asIntN(64, emissions[k]), BigInt.asIntN(64, total), k));
    const hi = BigInt.asUintN(64, core.call<bigint>("mech_weight_hi"));
    weights.push((hi << 64n) | lo);
    const accumulate = (p: number, values: ArrayLike<bigint>, max: bigint) =>
      core.call("mech_accumulate", p, core.u64(values), n, BigInt.asIntN(64, lo), BigInt.asIntN(64, hi), BigInt.asIntN(64, max));
    const u = (a: number[]) => a.map((x) => BigInt(x));
    accumulate(acc.dividends, u(r.dividends), 65535n);
    accumulate(acc.consensus, u(r.consensus), 65535n);
    accumulate(acc.validator_trust, u(r.validator_trust), 65535n);
    accumulate(acc.stake_weight, u(r.stake_weight), 65535n);
    accumulate(acc.emission, r.emission, U64_MAX);
    if (k === 0) accumulate(acc.incentive, u(r.incentive), 65535n);
    for (let i = 0; i < n; i++) {
      server[i] = sat(server[i], r.server_emission[i]);
      validator[i] = sat(validator[i], r.validator_emission[i]);
      stake[i] = sat(stake[i], r.stake[i]);
      active[i] ||= r.active[i];
      permit[i] ||= r.validator_permit[i];
    }
  });
  const num = (p: number) => core.readU64(p, n).map(Number);
  return {
    emission_split: emissions,
    weights_u64f64: weights,
    mechanisms: results,
    subnet: {
      stake, stake_weight: num(acc.stake_weight), active, validator_permit: permit,
      consensus: num(acc.consensus), dividends: num(acc.dividends), validator_trust: num(acc.validator_trust),
      emission: core.readU64(acc.emission, n), server_emission: server, validator_emission: validator,
      incentive: num(acc.incentive),
    },
  };
}
