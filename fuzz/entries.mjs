// The public entry points under fuzz: for each, the schema of its arguments (valid values and the
// out-of-type replacements, schema.mjs) and the call. `T` holds the package's modules (the built
// dist for `npm run fuzz`, the sources under vitest), so the same table drives both.

import fc from "fast-check";
import { u64, u16, i16, u128, i64, bool, oneOf, h256, array, object, tuple, custom, nullable, jsonCases, U64_MAX } from "./schema.mjs";

const HUGE = "9".repeat(100_000);
const leaf = (kind, gen, bad) => ({ kind, gen, bad });
const float01 = () => leaf("float", fc.double({ min: 0, max: 1, noNaN: true }), [NaN, Infinity, -Infinity, "0.5", null, {}, []]);
const pair = (a, b) => ({ ...tuple(a, b), bad: ["12", 5, null, [1, 2, 3], {}] });
const i128 = () => leaf("i128", fc.bigInt({ min: -(1n << 127n), max: (1n << 127n) - 1n }), [1n << 127n, -(1n << 127n) - 1n, 1.5, NaN, null, {}, [], "x", HUGE]);
const decimal = (frac) => leaf("decimal", fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.integer({ min: 0, max: 10 ** frac - 1 })).map(([a, b]) => `${a}.${String(b).padStart(frac, "0")}`),
  ["-1", "1..2", "abc", "", null, {}, [], HUGE, "1e5", "0x10"]);
/** A string-valued query parameter (URL query values are text): bad values are texts that are not numbers in range. */
const text = (gen, bad) => leaf("text", gen.map(String), bad);

// ---- pools ----
const pool = () => object(
  { taoReserve: u64(10n ** 16n, 1n), alphaReserve: u64(10n ** 16n, 1n) },
  { quoteWeight: u64(99n * 10n ** 16n, 10n ** 16n), feeRate: u16(10000), palSwapInitialized: bool(), minimumReserve: u64(10n ** 9n) },
);
const quoteOpts = () => object({}, { limitPriceRao: u64(U64_MAX, 1n) }, true);
const wirePool = () => object({ tao_reserve: u64(10n ** 16n, 1n), alpha_reserve: u64(10n ** 16n, 1n) }, { quote_weight: u64(99n * 10n ** 16n, 10n ** 16n), fee_rate: u16(10000) });

// ---- share pool ----
const safeFloat = () => object({ mantissa: u128(), exponent: i64(-100n, 100n) });
const shareEntry = () => custom(
  fc.oneof(fc.constant({ kind: "absent" }), safeFloat().gen.map((value) => ({ kind: "safe", value })), u128().gen.map((bits) => ({ kind: "legacy", bits }))),
  object({ kind: oneOf("absent", "safe", "legacy") }, { value: safeFloat(), bits: u128() }),
);

// ---- epoch input: n uids with consistent lengths; weights may name uids >= n (tolerated) ----
const rows = (n, extra) => fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 + extra }), fc.integer({ min: 0, max: 65535 })), { maxLength: n + extra }), { minLength: n, maxLength: n })
  .map((rs) => rs.map((r) => { const seen = new Set(); return r.filter(([u]) => !seen.has(u) && seen.add(u)); }));
const rowsShape = () => array(array(pair(u16(), u16())));
const epochInput = () => custom(fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
  n: fc.constant(n), current_block: u64(10n ** 8n, 1000n).gen, tempo: u16(400).gen, activity_cutoff: u64(10000n).gen,
  last_mechanism_step_block: u64(10n ** 6n).gen, tao_weight: u64().gen, stake_threshold: u64(10n ** 12n).gen,
  owner_uid: fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), max_allowed_validators: u16(8).gen,
  kappa: u16().gen, bonds_penalty: u16().gen, bonds_moving_average: u64(10n ** 6n).gen, liquid_alpha_enabled: fc.boolean(),
  alpha_low: u16().gen, alpha_high: u16().gen, alpha_sigmoid_steepness: i16().gen, yuma3_enabled: fc.boolean(),
  commit_reveal_enabled: fc.boolean(), rao_emission: u64(10n ** 12n).gen,
  alpha_stake: fc.array(u64(10n ** 16n).gen, { minLength: n, maxLength: n }), tao_stake: fc.array(u64(10n ** 16n).gen, { minLength: n, maxLength: n }),
  block_at_registration: fc.array(u64(10n ** 8n).gen, { minLength: n, maxLength: n }), validator_permit: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  last_update: fc.array(u64(10n ** 8n).gen, { maxLength: n }),
  commit_blocks: fc.option(fc.array(fc.option(u64(10n ** 8n).gen, { nil: null }), { minLength: n, maxLength: n }), { nil: null }),
  weights: rows(n, 2), bonds: rows(n, 0),
})), object({
  n: u16(6), current_block: u64(), tempo: u16(), activity_cutoff: u64(), last_mechanism_step_block: u64(), tao_weight: u64(),
  stake_threshold: u64(), owner_uid: nullable(u16()), max_allowed_validators: u16(), kappa: u16(), bonds_penalty: u16(),
  bonds_moving_average: u64(), liquid_alpha_enabled: bool(), alpha_low: u16(), alpha_high: u16(), alpha_sigmoid_steepness: i16(),
  yuma3_enabled: bool(), commit_reveal_enabled: bool(), rao_emission: u64(), alpha_stake: array(u64()), tao_stake: array(u64()),
  block_at_registration: array(u64()), validator_permit: array(bool()), last_update: array(u64()),
  commit_blocks: nullable(array(nullable(u64()))), weights: rowsShape(), bonds: rowsShape(),
}));

// ---- weights: a subnet state of n uids ----
const subnetState = () => custom(fc.integer({ min: 1, max: 6 }).chain((n) => fc.record({
  netuid: fc.integer({ min: 0, max: 3 }), n: fc.constant(n), min_allowed_weights: fc.integer({ min: 0, max: n }),
  weights_version_key: u64(5n).gen, weights_set_rate_limit: u64(100n).gen, commit_reveal_enabled: fc.boolean(),
  last_update: fc.array(u64(1000n).gen, { maxLength: n }), validator_permit: fc.array(fc.boolean(), { maxLength: n }),
  owner_uid: fc.option(fc.integer({ min: 0, max: n - 1 }), { nil: null }), stake_threshold: u64(10n ** 9n).gen,
  alpha_stake: fc.array(u64(10n ** 12n).gen, { maxLength: n }), tao_stake: fc.array(u64(10n ** 12n).gen, { maxLength: n }),
  tao_weight: u64().gen, reveal_period_epochs: u64(3n).gen, max_weight_limit: u16().gen, mechanism_count: fc.integer({ min: 1, max: 2 }),
}, { requiredKeys: ["netuid", "n", "min_allowed_weights", "weights_version_key", "weights_set_rate_limit", "commit_reveal_enabled", "last_update", "validator_permit", "owner_uid", "stake_threshold", "alpha_stake", "tao_stake", "tao_weight"] })),
object({
  netuid: u16(), n: u16(), min_allowed_weights: u16(), weights_version_key: u64(), weights_set_rate_limit: u64(),
  commit_reveal_enabled: bool(), last_update: array(u64()), validator_permit: array(bool()), owner_uid: nullable(u16()),
  stake_threshold: u64(), alpha_stake: array(u64()), tao_stake: array(u64()), tao_weight: u64(),
}, { reveal_period_epochs: u64(), max_weight_limit: u16(), mechanism_count: leaf("u8", fc.integer({ min: 0, max: 255 }), [-1, 256, 1.5, null, "1"]) }));
/** A caller: a uid (u16 number) or a hotkey string, so strings are valid here and only non-uid numbers and other types are not. */
const caller = () => leaf("caller", fc.integer({ min: 0, max: 7 }), [-1, 65536, 1.5, NaN, null, {}, [], true, 5n]);
/** A hotkey: any string is one, so only other types are out of type. */
const hotkey = () => leaf("hotkey", fc.constantFrom("a", "b", "z"), [5, null, {}, [], 5n, true]);
const schedule = () => object({ netuid: u16(3), tempo: u16(400), lastEpochBlock: u64(10n ** 7n), pendingEpochAt: u64(10n ** 7n), blocksSinceLastStep: u64(60_000n) });
const commits = () => array(object({ hash: h256(), epoch: u64(100n) }), 0, 12);

/** The entry points, each { name, schema, call(args, ctx), validShare? }. ctx = { T, tm }. */
export function entries(T, tm, payloads, docs = {}) {
  const P = T.pool, W = T.weights, E = T.emission, C = T.chain, R = T.root;
  const list = [
    { name: "pool.quoteStake", schema: tuple(pool(), u64(), quoteOpts()), call: ([p, a, o]) => P.quoteStake(p, a, o) },
    { name: "pool.quoteUnstake", schema: tuple(pool(), u64(), quoteOpts()), call: ([p, a, o]) => P.quoteUnstake(p, a, o) },
    { name: "pool.maxAmountForLimit", schema: tuple(pool(), u64(U64_MAX, 1n), oneOf("stake", "unstake")), call: ([p, l, d]) => P.maxAmountForLimit(p, l, d) },
    { name: "pool.quoteStakeBatch", schema: tuple(pool(), array(u64(), 0, 12), quoteOpts()), call: ([p, a, o]) => P.quoteStakeBatch(p, a, o) },
    { name: "pool.quoteUnstakeBatch", schema: tuple(pool(), array(u64(), 0, 12), quoteOpts()), call: ([p, a, o]) => P.quoteUnstakeBatch(p, a, o) },
    { name: "pool.spotPrice", schema: tuple(pool()), call: ([p]) => P.spotPrice(p) },
    {
      name: "pool.quoteRequestFromJson+quoteResponse",
      schema: tuple(object({ pool: wirePool(), side: oneOf("stake", "unstake"), amounts: array(u64(), 1, 10) }, { limit_price_rao: u64(U64_MAX, 1n) })),
      call: ([body]) => P.quoteResponse(tm, P.quoteRequestFromJson(body)),
    },
    { name: "pool.parseDecimal/taoToRao", schema: tuple(decimal(9)), call: ([t]) => P.taoToRao(t, "amount") },
    { name: "pool.weightToParts", schema: tuple(leaf("decimal", fc.integer({ min: 0, max: 10 ** 6 }).map((k) => `0.${String(k).padStart(6, "0")}`), ["1.5", "-0.1", "abc", null, {}, HUGE])), call: ([t]) => P.weightToParts(t, "weight") },
    {
      name: "tm.burn.run",
      schema: tuple(object({ burn: u64(), minBurn: u64(), maxBurn: u64(), halfLife: u16(), burnIncreaseMult: u128(), isRoot: bool(), startBlock: u64(10n ** 12n) }), array(u16(5), 0, 30)),
      call: ([p, r]) => tm.burn.run(p, r),
    },
    { name: "tm.burn.decay", schema: tuple(u64(), u16(), u64(), u64(), u64()), call: (a) => tm.burn.decay(...a) },
    { name: "tm.burn.bump", schema: tuple(u64(), u128(), u64(), u64(), bool()), call: (a) => tm.burn.bump(...a) },
    { name: "tm.burn.decayFactorQ32/powQ32", schema: tuple(u16(), u64()), call: ([h, b]) => [tm.burn.decayFactorQ32(h), tm.burn.powQ32(b, h)] },
    {
      name: "tm.sharePool.run",
      schema: tuple(object({ sharedValue: u64(), denominator: shareEntry(), shares: array(shareEntry(), 0, 5) }),
        array(object({ op: oneOf("stake", "unstake", "emit", "slash", "try_stake"), key: u16(4), amount: u64() }), 0, 10)),
      call: ([s, ops]) => tm.sharePool.run(s, ops),
    },
    { name: "tm.sharePool.safeFloat", schema: tuple(safeFloat(), safeFloat(), safeFloat()), call: ([a, b, c]) => [tm.sharePool.add(a, b), tm.sharePool.sub(a, b), tm.sharePool.mulDiv(a, b, c), tm.sharePool.div(a, b), tm.sharePool.gt(a, b), tm.sharePool.toU64(a)] },
    { name: "pool.splitTake", schema: tuple(u16(), u64()), call: ([t, a]) => P.splitTake(tm, t, a) },
    {
      name: "pool.StakingState (addSubnet, setBalance, register, addStake, removeStake)",
      schema: tuple(u16(3, 1), object({
        taoReserve: u64(10n ** 16n, 1n), alphaReserve: u64(10n ** 16n, 1n), alphaOut: u64(10n ** 17n), quoteWeight: u64(99n * 10n ** 16n, 10n ** 16n),
        palSwapInitialized: bool(), feeRate: u16(10000), minimumReserve: u64(10n ** 9n), mechanism: leaf("mech", fc.constantFrom(0, 1), [2, -1, 1.5, null, "1"]),
      }), u64(10n ** 13n), u64(10n ** 12n), u64(10n ** 12n), object({}, { limitPriceRao: u64(U64_MAX, 1n), allowPartial: bool() })),
      call: ([netuid, poolState, balance, stake, unstake, opts]) => {
        const s = new P.StakingState(tm);
        s.addSubnet(netuid, poolState);
        s.setBalance("cold", balance);
        s.register("cold", netuid);
        const hotkey = "hot";
        s.createHotkey(hotkey, "cold");
        const got = s.addStake("cold", hotkey, netuid, stake, opts);
        return [got, s.removeStake("cold", hotkey, netuid, unstake, opts)];
      },
    },
    { name: "runEpoch", schema: tuple(epochInput()), call: ([i]) => tm.runEpoch(i) },
    { name: "runEpochDense", schema: tuple(epochInput()), call: ([i]) => tm.runEpochDense(i) },
    { name: "epoch.explainUid", schema: tuple(epochInput(), u16(7)), call: ([i, u]) => R.explainUid(i, tm.runEpoch(i, { trace: true }), u) },
    {
      name: "epoch.exampleSubnet",
      schema: tuple(object({}, { n: u16(12, 1), validators: u16(4), seed: leaf("u32", fc.nat(), [-1, 2 ** 32, 1.5, null, "1"]), warmupEpochs: u16(1), yuma3: bool() })),
      call: ([o]) => R.exampleSubnet(tm, o),
    },
    { name: "weights.checkSetWeights", schema: tuple(subnetState(), caller(), array(u16(7), 0, 7), array(u16(), 0, 7), u64(6n), u64(2000n)), call: ([s, h, u, v, k, b]) => W.checkSetWeights(tm, s, h, u, v, k, b) },
    { name: "weights.checkCommitWeights", schema: tuple(subnetState(), caller(), h256(), commits(), u64(100n), u64(2000n)), call: ([s, h, x, c, e, b]) => W.checkCommitWeights(s, h, x, c, e, b) },
    { name: "weights.checkReveal", schema: tuple(commits(), h256(), u64(100n), u64(5n), bool()), call: (a) => W.checkReveal(...a) },
    { name: "weights.scoresToRow", schema: tuple(subnetState(), array(float01(), 0, 7), object({ hotkey: caller() }, { excludeQuantile: u16(), sdkCompatible: bool() })), call: ([s, sc, o]) => W.scoresToRow(tm, s, sc, o) },
    {
      name: "weights.processWeights",
      schema: tuple(array(u16(7), 0, 7), array(float01(), 0, 7), object({ numNeurons: u16(8), minAllowedWeights: u16(8), maxWeightLimit: float01() }, { excludeQuantile: u16() })),
      call: ([u, w, o]) => W.processWeights(u, w, o),
    },
    { name: "weights.convertWeightsAndUidsForEmit", schema: tuple(array(u16(), 0, 7), array(float01(), 0, 7)), call: ([u, w]) => W.convertWeightsAndUidsForEmit(u, w) },
    { name: "weights.normalizeMaxWeight", schema: tuple(array(float01(), 0, 10), float01(), oneOf("float32", "float64")), call: (a) => W.normalizeMaxWeight(...a) },
    { name: "weights.storedRow", schema: tuple(array(u16(), 0, 8), array(u16(), 0, 8)), call: ([u, v]) => W.storedRow(tm, u, v) },
    { name: "weights.previewWeights", schema: tuple(epochInput(), u16(7), array(u16(7), 0, 6), array(u16(), 0, 6)), call: ([i, v, u, x]) => W.previewWeights(tm, i, v, u, x) },
    {
      name: "emission.projectEmission",
      schema: tuple(u64(21n * 10n ** 15n), object({}, {
        recycledPerDay: u64(10n ** 13n), years: leaf("years", fc.double({ min: 0.01, max: 3, noNaN: true }), [0, -1, 401, NaN, Infinity, "5", null, {}]),
        startBlock: u64(10n ** 8n), startDate: leaf("date", fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }), ["2025-01-01", 5, null, {}, new Date(NaN), new Date(8.639e15)]),
      }, true)),
      call: ([i, o]) => E.projectEmission(tm, i, o),
    },
    {
      name: "emission.emissionRequestFromQuery+Response",
      schema: tuple(object({ issuance: text(fc.bigInt({ min: 0n, max: 21n * 10n ** 15n }), ["-1", "abc", "18446744073709551616", HUGE, "", "1.5"]) }, {
        recycled_per_day: text(fc.bigInt({ min: 0n, max: 10n ** 13n }), ["-1", "x", "1e9", HUGE]), years: text(fc.integer({ min: 1, max: 3 }), ["0", "-1", "101", "x", "NaN", ""]),
        start_block: text(fc.bigInt({ min: 0n, max: 10n ** 8n }), ["-5", "x", HUGE]), start_date: text(fc.constantFrom("2025-01-01", "2030-06-30"), ["2025-13-45", "yesterday", "1/2/2025", HUGE]),
      })),
      call: ([q]) => E.emissionResponse(tm, E.emissionRequestFromQuery(q !== null && typeof q === "object" && !Array.isArray(q) ? new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])) : q)),
    },
    {
      name: "tm.emission.updateMovingPrice",
      schema: tuple(object({ netuid: u16(), mechanism: u16(1), first_emission_block_number: nullable(u64(10n ** 8n)), ema_price_halving_blocks: u64(10n ** 6n), subnet_moving_alpha: i128(), moving_price: i128() }),
        object({ block: u64(10n ** 8n), tao_reserve: u64(), alpha_reserve: u64(), quote_weight: u64(10n ** 18n) })),
      call: ([s, p]) => tm.emission.updateMovingPrice(s, p),
    },
    { name: "tm.emission.scalars", schema: tuple(u64(), u64(), leaf("count", fc.integer({ min: 0, max: 500 }), [-1, 2 ** 24 + 1, 1.5, NaN, null, "5", {}])), call: ([i, a, n]) => [tm.emission.blockEmission(i), tm.emission.halvings(i), tm.emission.alphaEmission(i, a), tm.emission.run(i, n)] },
    { name: "chain.blocksUntilNextEpoch/nextEpochBlock/epochIndexOfBlock", schema: tuple(u16(), u16(400), u64()), call: ([n, t, b]) => [C.blocksUntilNextEpoch(n, t, b), C.nextEpochBlock(n, t, b), C.epochIndexOfBlock(n, t, b)] },
    { name: "chain.epochTrigger/nextScheduledEpoch", schema: tuple(schedule(), u64(10n ** 7n), u64(60_000n)), call: ([s, b, since]) => [C.epochTrigger(s, b, since), C.nextScheduledEpoch(s, b)] },
    { name: "chain.cappedNextEpoch", schema: tuple(array(schedule(), 0, 4), u16(3), u64(10n ** 7n), leaf("u8", fc.integer({ min: 0, max: 3 }), [-1, 256, 1.5, null, "2"]), leaf("horizon", fc.integer({ min: 0, max: 50 }), [-1, 1.5, NaN, 1e8, null, "5"])), call: ([ss, n, b, cap, h]) => C.cappedNextEpoch(ss, n, b, cap, h) },
    {
      name: "weights.commitHash",
      schema: tuple(object({ account: h256(), netuid: u16(), uids: array(u16(), 0, 6), values: array(u16(), 0, 6), salt: array(u16(), 0, 8), versionKey: u64() }, { mechanism: leaf("u8", fc.integer({ min: 0, max: 3 }), [-1, 256, 1.5, null, "1"]) })),
      call: ([c]) => W.commitHash(c),
    },
    {
      name: "weights.epochAt/firstBlockOfEpoch/revealWindow",
      schema: tuple(object({ tempo: u16(400), last_epoch_block: u64(10n ** 7n) }, { epoch_index: u64(10n ** 5n), reveal_period_epochs: u64(4n) }), u64(2n * 10n ** 7n), u64(10n ** 5n)),
      call: ([s, b, e]) => [W.epochAt(s, b), W.firstBlockOfEpoch(s, e), W.revealWindow(s, b)],
    },
    {
      name: "chain.commitBlocks",
      schema: tuple(object({
        semantics: oneOf("block", "counter"), netuid: u16(3), tempo: u16(400), epochBlock: u64(10n ** 6n), hotkeys: array(hotkey(), 0, 4),
        weightCommits: array(object({ hotkey: hotkey(), queue: array({ ...tuple(h256(), u64(10n ** 6n), u64(10n ** 6n), u64(10n ** 6n)), bad: ["x", 5, null, [1, 2]] }, 0, 3) }), 0, 3),
        timelockedCommits: array(object({ epoch: u64(10n ** 4n), queue: array({ ...tuple(hotkey(), u64(10n ** 6n), u64(10n ** 6n)), bad: ["x", 5, null, [1]] }, 0, 3) }), 0, 3),
        revealPeriodEpochs: u64(4n), subnetEpochIndex: u64(10n ** 4n),
      })),
      call: ([c]) => C.commitBlocks(c),
    },
    { name: "tm.math (normalize, vecMaxUpscaleToU16, isTopk)", schema: tuple(array(i64(), 0, 8), leaf("k", fc.integer({ min: 0, max: 10 }), [-1, 1.5, NaN, 2 ** 31, null, "2"])), call: ([v, k]) => [tm.math.normalize(v), tm.math.vecMaxUpscaleToU16(v), tm.math.isTopk(v, k)] },
    { name: "tm.math (rowNormalizeSparse, matmulSparse)", schema: tuple(array(array(pair(u16(7), i64()), 0, 5), 0, 5), array(i64(), 0, 8), u16(8)), call: ([r, v, c]) => [tm.math.rowNormalizeSparse(r), tm.math.matmulSparse(r, v, c)] },
    { name: "tm.math (weightedMedian, sigmoid, emaAlpha)", schema: tuple(array(i64(), 0, 6), array(i64(), 0, 6), array(u16(5), 0, 6), i64(), u64(), bool()), call: ([a, b, p, x, bma, w]) => [tm.math.weightedMedian(a, b, p, x, x, x), tm.math.sigmoidSafe(x, x, x), tm.math.emaAlpha(bma, w)] },
    { name: "weights.WeightsCore", schema: tuple(array(u16(), 0, 8), u16(), u64(), u64(), u64()), call: ([v, l, a, t, w]) => { const c = new W.WeightsCore(tm.core); return [c.maxUpscale(v), c.vecMaxLimited(v, l), c.hotkeyTotalStake(a, t, w)]; } },
    { name: "epoch.epochInputFromJson+epochToVectorEncoding", schema: tuple(epochInput()), call: ([i]) => R.epochToVectorEncoding(tm.runEpoch(R.epochInputFromJson({ inputs: i }), { trace: true })) },
    { name: "emission.emissionChartSvg", schema: tuple(u64(21n * 10n ** 15n), u64(10n ** 12n)), call: ([i, r]) => E.emissionChartSvg(E.projectEmission(tm, i, { years: 1, recycledPerDay: r }), E.projectEmission(tm, i, { years: 1 })) },
    { name: "chain.metagraphIndexes", schema: tuple(oneOf(315, 343, 425), array(oneOf("hotkeys", "alpha_stake", "tempo", "netuid"), 0, 5)), call: ([v, n]) => C.metagraphIndexes(v, n) },
  ];
  if (docs.vectors?.length) {
    list.push({ name: "vectors.runVectorFile", validShare: 1, schema: tuple(jsonCases(docs.vectors)), call: ([f]) => T.vectors.runVectorFile(tm, f) });
  }
  // decoders: valid small payloads re-encoded from the recordings, then byte-mutated; no schema mutation
  for (const [name, decode, hexes] of payloads) {
    list.push({ name, decoder: true, validShare: 1, schema: tuple(custom(fc.tuple(fc.constantFrom(...hexes), byteEdits).map(([h, e]) => mutateBytes(h, e)), leaf("hex", fc.constant(""), []))), call: ([h]) => decode(h) });
  }
  return list;
}

const byteEdits = fc.array(fc.record({ op: fc.constantFrom("flip", "set", "insert", "delete", "truncate", "compact", "none"), at: fc.nat(), val: fc.nat(255) }), { maxLength: 4 });
const BIG_COMPACTS = [[0xfe, 0xff, 0xff, 0xff], [0x13, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0xff, ...new Array(67).fill(0xff)], [0x03, 0, 0, 0, 0x40]];

/** Applies byte-level edits (flip, overwrite, insert, delete, truncate, a huge compact length) to a hex payload. */
export function mutateBytes(hex, edits) {
  let b = Array.from(Buffer.from(hex.slice(2), "hex"));
  for (const e of edits) {
    const at = b.length === 0 ? 0 : e.at % (b.length + 1);
    if (e.op === "flip" && b.length) b[at % b.length] ^= 1 << (e.val % 8);
    else if (e.op === "set" && b.length) b[at % b.length] = e.val;
    else if (e.op === "insert") b.splice(at, 0, e.val);
    else if (e.op === "delete" && b.length) b.splice(at % b.length, 1);
    else if (e.op === "truncate") b = b.slice(0, at);
    else if (e.op === "compact") b.splice(at, 0, ...BIG_COMPACTS[e.val % BIG_COMPACTS.length]);
  }
  return "0x" + Buffer.from(b).toString("hex");
}

/**
 * Entry points whose modules other work owns (the coinbase rewrite: the network model, returns):
 * fuzzed and reported, not gating the suite.
 */
export function foreignEntries(T, tm, docs = {}) {
  const N = T.network;
  const list = [];
  if (docs.snapshots?.length) {
    list.push({ name: "network.Network.fromSnapshot+step", validShare: 1, schema: tuple(jsonCases(docs.snapshots)), call: ([s]) => N.Network.fromSnapshot(tm, s).step(2) });
    list.push({ name: "network.estimateReturns", validShare: 1, schema: tuple(jsonCases(docs.snapshots)), call: ([s]) => N.estimateReturns(tm, s, { hotkey: "v0" }, 3) });
  }
  return list;
}
