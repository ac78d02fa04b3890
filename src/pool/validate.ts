// Checks a caller's `SwapSuperellipse` value before it reaches the core: u128 scales that are not
// zero, i128 centers, and reserves inside the tradable domain (X = center_alpha − alpha·2^32 > 0,
// Y = center_tao − tao·2^32 > 0). Each failure is a TaomathError naming the field.

import { TaomathError } from "../core/errors.js";
import type { Ellipse } from "../bindings/superellipse.js";
import { U128_MAX, I128_MIN, I128_MAX } from "../core/ints.js";

type Int = bigint | string | number;
/** An ellipse as callers write it: the chain's storage names, integers as bigint, decimal string or safe number. */
export interface EllipseLike { alpha_scale: Int; tao_scale: Int; center_alpha: Int; center_tao: Int }

function toInt(v: unknown, field: string): bigint {
  if (typeof v === "bigint") return v;
  if (typeof v === "string" && /^\s*-?[0-9]+\s*$/.test(v)) return BigInt(v.trim());
  if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
  throw new TaomathError("invalid_type", field, `expected an integer (bigint or decimal string), got ${JSON.stringify(String(v))}`);
}

function scale(v: unknown, field: string): bigint {
  const x = toInt(v, field);
  if (x < 0n || x > U128_MAX) throw new TaomathError("out_of_range", field, `${x} is not a u128`);
  if (x === 0n) throw new TaomathError("out_of_range", field, "a zero scale is not a curve (the chain's InvalidParameters)");
  return x;
}
function center(v: unknown, field: string): bigint {
  const x = toInt(v, field);
  if (x < I128_MIN || x > I128_MAX) throw new TaomathError("out_of_range", field, `${x} is not an i128`);
  return x;
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
