// The fuzz suite over every public entry point and decoder (fuzz/entries.mjs): each call returns
// or throws a TaomathError (never another type, a trap, a hang or a silent wrap), the module still
// computes epoch vector 001 afterwards, and replaying inputs does not grow the wasm memory.
// Seeded: CI=true runs a fixed seed; FUZZ_CASES and FUZZ_SEED override. `npm run fuzz` runs the
// same table with 100,000+ cases on the built package.

import { describe, it, expect } from "vitest";
import * as root from "../src/index.js";
import * as pool from "../src/pool/index.js";
import * as weights from "../src/weights/index.js";
import * as emission from "../src/emission/index.js";
import * as chain from "../src/chain/index.js";
import * as scale from "../src/chain/scale.js";
import * as vectors from "../src/vectors/index.js";
import { entries } from "../fuzz/entries.mjs";
import { decoderPayloads, readShared, sharedPresent, vectorDocs } from "../fuzz/payloads.mjs";
import { runEntry, isClean } from "../fuzz/runner.mjs";

const tm = root.taomath();
const numRuns = Number(process.env.FUZZ_CASES ?? (process.env.CI === "true" ? 1500 : 400));
const seed = Number(process.env.FUZZ_SEED ?? 20261202);
const vector = sharedPresent ? readShared("vectors", "epoch", "001_n1_self_weight.json") : null;
const knownVector = () => vector === null || vectors.canonicalJson(root.epochToVectorEncoding(tm.runEpoch(vector.inputs)).outputs) === vectors.canonicalJson(vector.outputs);
const T = { root, pool, weights, emission, chain, vectors };

describe("fuzz: every entry point returns or throws a TaomathError", () => {
  for (const entry of entries(T, tm, decoderPayloads(chain, scale), { vectors: vectorDocs() })) {
    it(`${entry.name}: ${numRuns} cases, no other error, trap, hang or silent wrap`, () => {
      const st = runEntry(entry, { TaomathError: root.TaomathError, tm, numRuns, seed, boundMs: 2000, knownVector, maxMessage: 9000 });
      expect(st.bad, JSON.stringify(st.bad, null, 1)).toEqual([]);
      expect(isClean(st)).toBe(true);
      expect(st.cases).toBe(numRuns);
    });
  }
});
