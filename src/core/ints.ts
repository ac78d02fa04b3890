// The chain's integer types in TypeScript: their bounds, and the saturating arithmetic the chain
// uses on them. subtensor does its balance and share bookkeeping with Rust's `saturating_add` /
// `saturating_sub` on u64 (TaoCurrency, AlphaCurrency, block numbers), u128 (claimed root
// dividends) and i128 (I96F32 / I64F64 fixed-point bits); the host mirrors those here, once, so
// that every module clamps at the same bounds the same way. Values are bigint (exact); the u16 and
// u32 bounds are numbers because those types cross the boundary as numbers.

export const U16_MAX = 65535;
export const I32_MIN = -(2 ** 31);
export const U32_MAX = 2 ** 32 - 1;

export const U64_MAX = (1n << 64n) - 1n;
export const I64_MIN = -(1n << 63n);
export const I64_MAX = (1n << 63n) - 1n;
export const U128_MAX = (1n << 128n) - 1n;
export const I128_MIN = -(1n << 127n);
export const I128_MAX = (1n << 127n) - 1n;

/** The low 64-bit word of a wider value (same number as u64::MAX, named for its use as a mask). */
export const MASK64 = U64_MAX;

/** An exact non-negative result clamped at u64::MAX, as `saturating_add`/`saturating_mul` leave it. */
export const satU64 = (v: bigint): bigint => (v > U64_MAX ? U64_MAX : v);
/** u64 `saturating_add`. */
export const satAddU64 = (a: bigint, b: bigint): bigint => satU64(a + b);
/** u64 `saturating_sub`: stops at zero. */
export const satSubU64 = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);
/** An exact non-negative result clamped at u128::MAX. */
export const satU128 = (v: bigint): bigint => (v > U128_MAX ? U128_MAX : v);
/** An exact result clamped into i128 (the bits of I96F32 / I64F64 `saturating_add`). */
export const satI128 = (v: bigint): bigint => (v > I128_MAX ? I128_MAX : v < I128_MIN ? I128_MIN : v);
