// Checks a caller's `SwapSuperellipse` value before it reaches the core: u128 scales that are not
// zero, i128 centers, and reserves inside the tradable domain (X = center_alpha − alpha·2^32 > 0,
// Y = center_tao − tao·2^32 > 0). Each failure is a TaomathError naming the field.

import { TaomathError } from "../core/errors.js";
import type { Ellipse } from "../bindings/superellipse.js";
import { toFixedBits } from "../bindings/values.js";

type Int = bigint | string | number;
/** An ellipse as callers write it: the chain's storage names, integers as bigint, decimal string or safe number. */
export interface EllipseLike { alpha_scale: Int; tao_scale: Int; center_alpha: Int; center_tao: Int }

// scales (u128) and centers (i128) are Q32 fixed-point values: parsed as their bits
function scale(v: unknown, field: string): bigint {
  const x = toFixedBits(v, field, "u128");
  if (x === 0n) throw new TaomathError("out_of_range", field, "a zero scale is not a curve (the chain's InvalidParameters)");
  return x;
}
function center(v: unknown, field: string): bigint {
  return toFixedBits(v, field, "i128");
}

export function validateEllipse(e: unknown, alpha: bigint, tao: bigint, field = "ellipse"): Ellipse {
  if (e === null || typeof e !== "object" || Array.isArray(e)) throw new TaomathError("invalid_type", field, "expected {alpha_scale, tao_scale, center_alpha, center_tao}");
  const o = e as Record<string, unknown>;
  const alpha_scale = scale(o.alpha_scale, `${field}.alpha_scale`);
  const tao_scale = scale(o.tao_scale, `${field}.tao_scale`);
  const center_alpha = center(o.center_alpha, `${field}.center_alpha`);
  const center_tao = center(o.center_tao, `${field}.center_tao`);
  if (center_alpha - (alpha << 32n) <= 0n) {
    throw new TaomathError("out_of_range", `${field}.center_alpha`, `the alpha reserve ${alpha} is outside the curve's domain (X = center_alpha − alpha·2^32 must be > 0)`);
  }
  if (center_tao - (tao << 32n) <= 0n) {
    throw new TaomathError("out_of_range", `${field}.center_tao`, `the TAO reserve ${tao} is outside the curve's domain (Y = center_tao − tao·2^32 must be > 0)`);
  }
  return { alpha_scale, tao_scale, center_alpha, center_tao };
}
