// Several incentive mechanisms on one subnet (subnets/mechanism.rs epoch_with_mechanisms): the
// emission is split, each mechanism runs its own epoch on its own weights, bonds and LastUpdate,
// and the subnet's terms are the emission-weighted fold of the mechanisms' terms.

import { TaomathError } from "../core/errors.js";
import type { Taomath } from "../core/taomath.js";
import type { EpochInput, EpochResult, SparseRowU16 } from "./epoch.js";
import { toArray, toU16, toU64 } from "./values.js";

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
  const sp = split === null ? 0 : core.u16(split);
  const splitOut = core.invoke("mech_split", { emission: total, count: mechs.length, split: sp, split_len: split === null ? -1 : split.length });
  const emissions = core.readU64(splitOut.num("emissions"), mechs.length);

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

  // the fold, mechanism by mechanism, runs in the core (epoch_with_mechanisms)
  core.reset();
  const zeros = () => core.u64(new BigUint64Array(n));
  const acc = {
    acc_dividends: zeros(), acc_consensus: zeros(), acc_validator_trust: zeros(), acc_stake_weight: zeros(),
    acc_emission: zeros(), acc_incentive: zeros(), acc_server_emission: zeros(), acc_validator_emission: zeros(),
    acc_stake: zeros(), acc_active: zeros(), acc_validator_permit: zeros(),
  };
  const weights: bigint[] = [];
  const wide = (a: ArrayLike<number>) => core.u64(Array.from(a, (x) => BigInt(x)));
  const flags = (a: ArrayLike<boolean>) => core.u64(Array.from(a, (x) => (x ? 1n : 0n)));
  results.forEach((r, k) => {
    const w = core.invoke("mech_fold", {
      n, k, emission_k: emissions[k], emission: total, ...acc,
      dividends: wide(r.dividends), consensus: wide(r.consensus), validator_trust: wide(r.validator_trust),
      stake_weight: wide(r.stake_weight), emission_terms: core.u64(r.emission), incentive: wide(r.incentive),
      server_emission: core.u64(r.server_emission), validator_emission: core.u64(r.validator_emission),
      stake: core.u64(r.stake), active: flags(r.active), validator_permit: flags(r.validator_permit),
    });
    weights.push((w.get("weight_hi") << 64n) | w.get("weight_lo"));
  });
  const num = (p: number) => core.readU64(p, n).map(Number);
  const bool = (p: number) => core.readU64(p, n).map((x) => x !== 0n);
  return {
    emission_split: emissions,
    weights_u64f64: weights,
    mechanisms: results,
    subnet: {
      stake: core.readU64(acc.acc_stake, n), stake_weight: num(acc.acc_stake_weight), active: bool(acc.acc_active),
      validator_permit: bool(acc.acc_validator_permit), consensus: num(acc.acc_consensus), dividends: num(acc.acc_dividends),
      validator_trust: num(acc.acc_validator_trust), emission: core.readU64(acc.acc_emission, n),
      server_emission: core.readU64(acc.acc_server_emission, n), validator_emission: core.readU64(acc.acc_validator_emission, n),
      incentive: num(acc.acc_incentive),
    },
  };
}
