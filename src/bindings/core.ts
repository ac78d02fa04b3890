// The memory protocol between TypeScript and taomath.wasm, in one place.
// A call is: reset() the arena, alloc() and fill each input, call the entry point, copy the
// results out before the next reset. Views are re-made on every access because memory growth
// detaches the old ArrayBuffer.

import { TaomathError, quote } from "../core/errors.js";
import { layouts, type EntryName, type EntryLayout, type SlotType } from "./layout.js";
import { I32_MIN, U32_MAX, I64_MIN, I64_MAX, U64_MAX, U128_MAX, I128_MIN, MASK64 } from "../core/ints.js";

/** The inputs of a header-convention entry point, by the slot names of boundary.json. */
export type EntryInputs<E extends EntryName> = { readonly [K in keyof (typeof layouts)[E]["in"]]: bigint | number | boolean };

type OutName<E extends EntryName> = keyof (typeof layouts)[E]["out"] & string;

/**
 * An entry point's output header, read by slot name (valid until the next reset). This is the one
 * way results come back from the core (assembly/abi/result.ts writes it): a 128-bit value is the
 * slot pair `<name>_lo`/`<name>_hi`, a fallible chain function's outcome the slot `error`.
 */
export class OutHeader<E extends EntryName> {
  constructor(private readonly core: Core, readonly ptr: number, private readonly layout: EntryLayout) {}
  private word(name: string): bigint { return this.core.words()[(this.ptr >>> 3) + this.layout.out[name][0]]; }
  /** the slot's u64 word (i64 and i32 slots come back signed) */
  get(name: OutName<E>): bigint {
    const type = this.layout.out[name][1];
    const w = this.word(name);
    return type === "i64" || type === "i32" ? BigInt.asIntN(64, w) : w;
  }
  /** the slot as a number: pointers, counts, flags and error indexes */
  num(name: OutName<E>): number { return Number(this.get(name)); }
  /** a bool slot */
  flag(name: OutName<E>): boolean { return this.word(name) !== 0n; }
  /** the unsigned 128-bit value in the slots `<name>_lo` and `<name>_hi` */
  u128(name: string): bigint { return (this.word(`${name}_hi`) << 64n) | this.word(`${name}_lo`); }
  /** the two's-complement 128-bit value in the slots `<name>_lo` and `<name>_hi` */
  i128(name: string): bigint { return BigInt.asIntN(128, this.u128(name)); }
}

/** The value at `i`, checked to be an integer in [min, max] (bigint) before a typed array would wrap it. */
function big(values: ArrayLike<unknown>, i: number, min: bigint, max: bigint, type: string): bigint {
  const x = values[i];
  if (typeof x !== "bigint") throw new TaomathError("invalid_type", `values[${i}]`, `expected a ${type} as a bigint, got ${quote(x)}`);
  if (x < min || x > max) throw new TaomathError("out_of_range", `values[${i}]`, `${quote(x)} does not fit in ${type}`);
  return x;
}
/** Only arrays and typed arrays are lists: a string or {length} is array-like but not a list of values. */
function list(values: unknown): void {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) throw new TaomathError("invalid_type", "values", `expected an array, got ${quote(values)}`);
}
function small(values: ArrayLike<unknown>, max: number, type: string): void {
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (typeof x !== "number" || !Number.isInteger(x) || x < 0 || x > max) {
      throw new TaomathError(typeof x === "number" ? "out_of_range" : "invalid_type", `values[${i}]`, `expected a ${type}, got ${quote(x)}`);
    }
  }
}

export interface CoreExports {
  memory: WebAssembly.Memory;
  reset(): void;
  alloc(bytes: number): number;
  epoch(header: number): number;
  [name: string]: unknown;
}

/** Wasm32 memory is at most 4 GiB; no single input buffer may ask for more than half of it. */
export const MAX_ALLOC_BYTES = 2 ** 31;

const SLOT_RANGE: Record<SlotType, readonly [bigint, bigint]> = {
  u64: [0n, U64_MAX], i64: [I64_MIN, I64_MAX], u32: [0n, BigInt(U32_MAX)], i32: [BigInt(I32_MIN), 2n ** 31n - 1n],
  bool: [0n, 1n], ptr: [0n, BigInt(U32_MAX)],
};

/** One input slot as invoke writes it: name, index, type and the type's range. */
interface InField { readonly name: string; readonly i: number; readonly type: SlotType; readonly lo: bigint; readonly hi: bigint }
/** Each layout's input slots as a list, made once: invoke runs on quote paths. */
const IN_FIELDS = new WeakMap<EntryLayout, readonly InField[]>();
function inFields(layout: EntryLayout): readonly InField[] {
  let f = IN_FIELDS.get(layout);
  if (f === undefined) {
    f = Object.entries(layout.in).map(([name, [i, type]]) => ({ name, i, type, lo: SLOT_RANGE[type][0], hi: SLOT_RANGE[type][1] }));
    IN_FIELDS.set(layout, f);
  }
  return f;
}

/** One header slot's u64 word, checked against the slot's type so nothing wraps on the way in. */
function slotWord(entry: string, name: string, type: SlotType, v: unknown): bigint {
  const [lo, hi] = SLOT_RANGE[type];
  if (typeof v === "bigint" && v >= lo && v <= hi) return v < 0n ? BigInt.asUintN(64, v) : v;
  const x = typeof v === "bigint" ? v : typeof v === "number" && Number.isInteger(v) ? BigInt(v) : type === "bool" && typeof v === "boolean" ? BigInt(v) : null;
  if (x === null) throw new TaomathError("invalid_type", `${entry}.${name}`, `expected an integer, got ${quote(v)}`);
  if (x < lo || x > hi) throw new TaomathError("out_of_range", `${entry}.${name}`, `${quote(x)} does not fit in ${type}`);
  return BigInt.asUintN(64, x);
}

export class Core {
  constructor(readonly exports: CoreExports) {}

  get buffer(): ArrayBuffer { return this.exports.memory.buffer; }

  reset(): void { this.exports.reset(); }

  alloc(bytes: number): number {
    if (!Number.isSafeInteger(bytes) || bytes < 0 || bytes > MAX_ALLOC_BYTES) {
      throw new TaomathError("out_of_range", "alloc", `${bytes} bytes is more than the core's memory can hold (${MAX_ALLOC_BYTES})`);
    }
    try {
      return this.exports.alloc(Math.max(bytes, 8)) >>> 0;
    } catch (e) {
      return this.failed("alloc", e);
    }
  }

  /**
   * Calls a header-convention entry point (boundary.json): writes the input header from the named
   * values, calls, and returns the output header. Allocate every input buffer before calling this.
   */
  invoke<E extends EntryName>(entry: E, inputs: EntryInputs<E>): OutHeader<E> {
    const layout: EntryLayout = layouts[entry];
    const fields = inFields(layout);
    const h = this.alloc(layout.inSlots * 8);
    const words = this.words(), at = h >>> 3, values = inputs as Record<string, unknown>;
    for (let j = 0; j < fields.length; j++) {
      const f = fields[j], v = values[f.name];
      // the common cases inline (a bigint or a flag that fits); anything else through slotWord's checks
      words[at + f.i] = typeof v === "bigint" && v >= 0n && v <= f.hi ? v : typeof v === "boolean" && f.type === "bool" ? (v ? 1n : 0n) : slotWord(entry, f.name, f.type, v);
    }
    return new OutHeader<E>(this, this.enter(entry, h), layout);
  }

  /**
   * Calls a header entry point with an input header the binding wrote itself at the generated
   * indexes (layouts[entry].in), for the hot paths where invoke's per-slot checks show; returns
   * the output header's pointer. Failures leave as call() describes.
   */
  enter(entry: EntryName, h: number): number {
    try {
      return (this.exports[entry] as (h: number) => number)(h) >>> 0;
    } catch (e) {
      return this.failed(entry, e);
    }
  }

  // One u64 view over the whole memory, remade only when memory growth replaces the buffer:
  // a typed-array view per slot read costs more than a small entry point.
  private wordsView = new BigUint64Array(0);
  /** The module's memory as u64 words (index = byte offset / 8; headers are 8-byte aligned). */
  words(): BigUint64Array {
    // growth detaches the old buffer, and a view over a detached buffer has length 0: no need to
    // ask the memory for its buffer (a costly accessor) on every read
    if (this.wordsView.length === 0) this.wordsView = new BigUint64Array(this.exports.memory.buffer);
    return this.wordsView;
  }

  /**
   * Calls an export. Whatever goes wrong inside the core (a trap, an abort, memory that cannot
   * grow, a value the boundary cannot convert) leaves as TaomathError("internal") naming the
   * export, and the arena is reset so the instance computes correctly on the next call.
   */
  call<T>(name: string, ...args: unknown[]): T {
    const fn = this.exports[name] as (...a: unknown[]) => T;
    // the JS -> wasm conversion would wrap silently (1.5 -> 1, 2^32 + 1 -> 1, 2^64 -> 0)
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (typeof a === "number" ? !(Number.isInteger(a) && a >= I32_MIN && a <= U32_MAX) : typeof a === "bigint" ? a < I64_MIN || a > I64_MAX : true) {
        throw new TaomathError(typeof a === "number" || typeof a === "bigint" ? "out_of_range" : "invalid_type", `${name}[${i}]`,
          `${quote(a)} cannot cross into the core as a 32-bit integer or i64`);
      }
    }
    try {
      return fn(...args);
    } catch (e) {
      return this.failed(name, e);
    }
  }

  private failed(name: string, e: unknown): never {
    if (e instanceof TaomathError) throw e;
    // a TypeError is the JS -> wasm conversion refusing an argument (a bigint for an i32 or the
    // reverse): the core was never entered, so it is a value of the wrong type, not a trap
    if (e instanceof TypeError) throw new TaomathError("invalid_type", name, `an argument has the wrong type for the core (${String(e.message).slice(0, 120)})`);
    try { this.exports.reset(); } catch { /* a core that cannot reset is reported below all the same */ }
    const what = e instanceof WebAssembly.RuntimeError ? "the wasm core trapped" : "the call into the wasm core failed";
    throw new TaomathError("internal", name, `${what} (${String((e as Error)?.message ?? e).slice(0, 120)}); the instance was reset`);
  }

  // ---- writers: each allocates and copies, returning the pointer ----
  // Writers check every value against the type it is stored as: a typed array would wrap it silently.
  u64(values: ArrayLike<bigint>): number {
    list(values);
    if (values instanceof BigUint64Array) return this.copy(values, 8);
    const p = this.alloc(values.length * 8);
    const v = new BigUint64Array(this.buffer, p, values.length);
    for (let i = 0; i < values.length; i++) v[i] = big(values, i, 0n, U64_MAX, "u64");
    return p;
  }
  i64(values: ArrayLike<bigint>): number {
    list(values);
    if (values instanceof BigInt64Array) return this.copy(values, 8);
    const p = this.alloc(values.length * 8);
    const v = new BigInt64Array(this.buffer, p, values.length);
    for (let i = 0; i < values.length; i++) v[i] = big(values, i, I64_MIN, I64_MAX, "i64");
    return p;
  }
  /** i128 values (I64F64 bits; u128 accepted too) as lo/hi word pairs. */
  i128(values: ArrayLike<bigint>): number {
    list(values);
    const p = this.alloc(values.length * 16);
    const v = new BigUint64Array(this.buffer, p, values.length * 2);
    for (let i = 0; i < values.length; i++) {
      const x = BigInt.asUintN(128, big(values, i, I128_MIN, U128_MAX, "128-bit value"));
      v[2 * i] = x & MASK64;
      v[2 * i + 1] = x >> 64n;
    }
    return p;
  }
  private copy(values: ArrayBufferView & { length: number }, width: number): number {
    const p = this.alloc(values.length * width);
    new Uint8Array(this.buffer, p, values.length * width).set(new Uint8Array(values.buffer, values.byteOffset, values.length * width));
    return p;
  }
  u32(values: ArrayLike<number>): number {
    list(values);
    if (!(values instanceof Uint32Array)) small(values, 0xffffffff, "u32");
    const p = this.alloc(values.length * 4);
    new Uint32Array(this.buffer, p, values.length).set(values);
    return p;
  }
  u16(values: ArrayLike<number>): number {
    list(values);
    if (!(values instanceof Uint16Array)) small(values, 0xffff, "u16");
    const p = this.alloc(values.length * 2);
    new Uint16Array(this.buffer, p, values.length).set(values);
    return p;
  }
  u8(values: ArrayLike<number>): number {
    list(values);
    if (!(values instanceof Uint8Array)) small(values, 0xff, "u8");
    const p = this.alloc(values.length);
    new Uint8Array(this.buffer, p, values.length).set(values);
    return p;
  }

  // ---- readers: copies, so the results outlive the next call ----
  readU64(p: number, n: number): bigint[] { return Array.from(new BigUint64Array(this.buffer, p >>> 0, n)); }
  readI64(p: number, n: number): bigint[] { return Array.from(new BigInt64Array(this.buffer, p >>> 0, n)); }
  readI128(p: number, n: number): bigint[] {
    const v = new BigUint64Array(this.buffer, p >>> 0, n * 2);
    const out: bigint[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = BigInt.asIntN(128, (v[2 * i + 1] << 64n) | v[2 * i]);
    return out;
  }
  readU32(p: number, n: number): number[] { return Array.from(new Uint32Array(this.buffer, p >>> 0, n)); }
  readU16(p: number, n: number): number[] { return Array.from(new Uint16Array(this.buffer, p >>> 0, n)); }
  readU8(p: number, n: number): number[] { return Array.from(new Uint8Array(this.buffer, p >>> 0, n)); }
  readBool(p: number, n: number): boolean[] {
    const v = new Uint8Array(this.buffer, p >>> 0, n);
    const out: boolean[] = new Array(n);
    for (let i = 0; i < n; i++) out[i] = v[i] !== 0;
    return out;
  }

  /** Writes a header of u64 slots. */
  header(values: ArrayLike<bigint>): number { return this.u64(values); }

  /** Reads a CSR whose values are i64 (I32F32 bits) into rows of [col, bits]. */
  readCsrFixed(rows: number, start: number, col: number, val: number): Array<Array<[number, bigint]>> {
    const s = this.readU32(start, rows + 1);
    const nz = s[rows];
    const c = this.readU32(col, nz);
    const v = this.readI64(val, nz);
    const out: Array<Array<[number, bigint]>> = [];
    for (let i = 0; i < rows; i++) {
      const row: Array<[number, bigint]> = [];
      for (let k = s[i]; k < s[i + 1]; k++) row.push([c[k], v[k]]);
      out.push(row);
    }
    return out;
  }

  /** Writes rows of [col, bits] as a CSR with u32 columns and i64 values; returns the 3 pointers. */
  writeCsrFixed(rows: ReadonlyArray<ReadonlyArray<readonly [number, bigint]>>): { start: number; col: number; val: number } {
    // rows of the chain's sparse matrices: Vec<Vec<(u16, I32F32)>>
    list(rows);
    rows.forEach((row, i) => {
      if (!Array.isArray(row)) throw new TaomathError("invalid_type", `rows[${i}]`, `expected a row of [column, bits] pairs, got ${quote(row)}`);
      row.forEach((e, k) => {
        if (!Array.isArray(e) || e.length !== 2) throw new TaomathError("invalid_type", `rows[${i}][${k}]`, "expected a [column, bits] pair");
        if (typeof e[0] !== "number" || !Number.isInteger(e[0]) || e[0] < 0 || e[0] > 0xffff) throw new TaomathError("out_of_range", `rows[${i}][${k}][0]`, `a column is a u16, got ${quote(e[0])}`);
      });
    });
    const start = new Uint32Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) start[i + 1] = start[i] + rows[i].length;
    const cols: number[] = [], vals: bigint[] = [];
    for (const row of rows) for (const [j, v] of row) { cols.push(j); vals.push(v); }
    return { start: this.u32(start), col: this.u32(cols), val: this.i64(vals) };
  }
}

/** Instantiates the module; the only import is the AssemblyScript abort hook. */
export function instantiateCore(module: WebAssembly.Module): Core {
  const instance = new WebAssembly.Instance(module, {
    env: {
      abort(_msg: number, _file: number, line: number, col: number) {
        throw new WebAssembly.RuntimeError(`abort at ${line}:${col}`);
      },
    },
  });
  return new Core(instance.exports as unknown as CoreExports);
}
