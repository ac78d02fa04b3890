// Typed wrappers over assembly/abi/weights.ts and the max-upscale of abi/math.ts: the numeric
// steps of set_weights, computed by the core.

import { Core } from "./core.js";
import { toArray, toU16, toU64 } from "./values.js";

export class WeightsCore {
  constructor(private readonly core: Core) {}

  /** vec_u16_max_upscale_to_u16: the row set_weights stores for these values. */
  maxUpscale(values: readonly number[]): number[] {
    values = u16s(values, "values");
    this.core.reset();
    const out = this.core.invoke("m_vec_u16_max_upscale_to_u16", { v: this.core.u16(values), n: values.length });
    return this.core.readU16(out.num("result"), values.length);
  }

  /** check_vec_max_limited(values, limit). */
  vecMaxLimited(values: readonly number[], limit: number): boolean {
    values = u16s(values, "values");
    limit = toU16(limit, "limit");
    this.core.reset();
    return this.core.invoke("w_vec_max_limited", { values: this.core.u16(values), n: values.length, limit }).flag("within");
  }

  /** get_stake_weights_for_hotkey_on_subnet total: I64F64 bits (value = bits / 2^64). */
  hotkeyTotalStake(alpha: bigint, tao: bigint, taoWeight: bigint): bigint {
    alpha = toU64(alpha, "alpha_stake"); tao = toU64(tao, "tao_stake"); taoWeight = toU64(taoWeight, "tao_weight");
    this.core.reset();
    return this.core.invoke("w_hotkey_total_stake", { alpha, tao, tao_weight: taoWeight }).i128("stake");
  }
}

/** u16 values, each checked: a typed-array copy would wrap 70000 to 4464 silently. */
function u16s(v: unknown, field: string): number[] {
  return toArray(v, field).map((x, i) => toU16(x, `${field}[${i}]`));
}
