// econ-emission-vector/1 (block emission, alpha emission, halving thresholds) and
// econ-ema-vector/1 (moving price), recomputed on the wasm core in the vectors' encoding.

import type { Taomath } from "../core/taomath.js";
import { emissionOf } from "../emission/projection.js";
import { TaomathError } from "../core/errors.js";

type Json = Record<string, any>;
const u64f64 = (b: bigint) => ({ bits: b.toString(), float: Number(b) / 2 ** 64 });
const i96f32 = (b: bigint) => ({ bits: b.toString(), float: Number(b) / 2 ** 32 });

export function emissionCase(tm: Taomath, c: Json): Json {
  const e = emissionOf(tm);
  if (c.inputs && "issuance" in c.inputs) {
    return { emission: e.blockEmission(BigInt(c.inputs.issuance)).toString(), ok: true };
  }
  if (c.inputs && "subnet_alpha_in" in c.inputs) {
    const r = e.alphaEmission(BigInt(c.inputs.subnet_alpha_in), BigInt(c.inputs.subnet_alpha_out));
    return { alpha_emission: r.alpha_emission.toString(), alpha_issuance: r.alpha_issuance.toString() };
  }
  if ("halving" in c) {
    const k: number = c.halving;
    const first = firstIssuanceOfHalving(tm, k);
    return {
      emission_before: e.blockEmission(first - 1n).toString(),
      emission_from: e.blockEmission(first).toString(),
      first_issuance: first.toString(),
      halving: k,
    };
  }
  throw new TaomathError("unknown_schema", "cases", "an emission case needs inputs.issuance, inputs.subnet_alpha_in or halving");
}

/** The smallest issuance at which the chain counts at least k halvings (binary search on the core). */
export function firstIssuanceOfHalving(tm: Taomath, k: number): bigint {
  const e = emissionOf(tm);
  let lo = 0n, hi = 21_000_000_000_000_000n; // halvings(hi) is "past supply", treated as infinite
  while (lo < hi) {
    const mid = (lo + hi) >> 1n;
    const h = e.halvings(mid);
    if (h === null || h >= k) hi = mid; else lo = mid + 1n;
  }
  return lo;
}

export function emaCase(tm: Taomath, c: Json): Json {
  const e = emissionOf(tm);
  const i = c.inputs;
  let moving = BigInt(i.initial_moving_price.bits);
  const after: Json[] = [];
  for (const s of i.steps) {
    const r = e.updateMovingPrice({
      netuid: i.netuid, mechanism: i.mechanism,
      first_emission_block_number: i.first_emission_block_number === null ? null : BigInt(i.first_emission_block_number),
      ema_price_halving_blocks: BigInt(i.ema_price_halving_blocks),
      subnet_moving_alpha: BigInt(i.subnet_moving_alpha.bits), moving_price: moving,
    }, { block: BigInt(s.block), tao_reserve: BigInt(s.tao_reserve), alpha_reserve: BigInt(s.alpha_reserve), quote_weight: BigInt(s.quote_weight) });
    moving = r.subnet_moving_price;
    after.push({ moving_alpha_price: u64f64(r.moving_alpha_price), spot_price: u64f64(r.spot_price), subnet_moving_price: i96f32(r.subnet_moving_price) });
  }
  return { after_each_step: after };
}

export function runEmissionVector(tm: Taomath, file: Record<string, unknown>): unknown {
  const cases = file.cases as Json[];
  return { cases: cases.map((c, n) => ({ id: c.id ?? c.halving ?? n, outputs: emissionCase(tm, c) })) };
}

export function runEmaVector(tm: Taomath, file: Record<string, unknown>): unknown {
  const cases = file.cases as Json[];
  return { cases: cases.map((c, n) => ({ id: c.id ?? n, outputs: emaCase(tm, c) })) };
}
