// The named scenarios of `taomath simulate --list`: the chain's Yuma3 test scenarios (subtensor
// tests/epoch.rs test_yuma_3_*), yuma-simulation's cases restated as lab scenarios, and the lab's
// own strategy studies (weight-copier, cartel, late validation, joins, re-registration, stake moves).

import { TaomathError } from "../core/errors.js";
import type { ScenarioJson, Strategy } from "./scenario.js";

const M = 65535, H = 32767;
const switcher = (from: number[], to: number[], at: number, back_at?: number): Strategy =>
  back_at === undefined ? { type: "switcher", from, to, at } : { type: "switcher", from, to, at, back_at };
const sched = (...phases: Array<[number, number[]]>): Strategy => ({ type: "schedule", phases: phases.map(([from, weights]) => ({ from, weights })) });

// ---- the chain's Yuma3 suite: 3 validators, 2 or 3 miners, tempo 1, liquid alpha (0.1, 0.3), no bonds penalty, BMA 975000
const chainYuma3 = (liquid: boolean) => ({
  tempo: 1, max_allowed_validators: 3, yuma3_enabled: true, liquid_alpha_enabled: liquid,
  alpha_low: 6553, alpha_high: 19660, bonds_penalty: 0, bonds_moving_average: 975_000, rao_emission: 1_000_000_000,
});
function chainCase(name: string, description: string, stakes: number[], strategies: Strategy[], miners: number, liquid = true): ScenarioJson {
  return {
    name, description, seed: 0, epochs: 6, hyperparameters: chainYuma3(liquid),
    validators: stakes.map((stake, i) => ({ label: ["A", "B", "C"][i], stake, strategy: strategies[i] })),
    miners: [{ count: miners, quality: 0.5 }],
  };
}
const toSecond = (at: number) => switcher([M, 0], [0, M], at);
const chain: ScenarioJson[] = [
  chainCase("yuma3-kappa-moves-first", "subtensor test_yuma_3_kappa_moves_first: the big validator moves to the new miner first, then B, then C", [8, 1, 1], [toSecond(1), toSecond(2), toSecond(3)], 2),
  chainCase("yuma3-kappa-moves-second", "subtensor test_yuma_3_kappa_moves_second: small B moves first, the big validator second, C last", [8, 1, 1], [toSecond(2), toSecond(1), toSecond(3)], 2),
  chainCase("yuma3-kappa-moves-last", "subtensor test_yuma_3_kappa_moves_last: both small validators move before the big one", [8, 1, 1], [toSecond(3), toSecond(1), toSecond(2)], 2),
  chainCase("yuma3-one-epoch-switch", "subtensor test_yuma_3_one_epoch_switch: C weights the other miner for one epoch only", [33, 33, 34], [toSecond(99), toSecond(99), switcher([M, 0], [0, M], 2, 3)], 2),
  chainCase("yuma3-liquid-alpha-disabled", "subtensor test_yuma_3_liquid_alpha_disabled: the one-epoch switch with a fixed EMA alpha", [33, 33, 34], [toSecond(99), toSecond(99), switcher([M, 0], [0, M], 2, 3)], 2, false),
  chainCase("yuma3-stable-miner", "subtensor test_yuma_3_stable_miner: weight moves from miner 0 to miner 1 while miner 2 keeps half", [8, 1, 1],
    [switcher([H, 0, H], [0, H, H], 2), switcher([H, 0, H], [0, H, H], 1), switcher([H, 0, H], [0, H, H], 3)], 3),
];

// ---- yuma-simulation's cases in lab form: 3 validators (0.8 / 0.1 / 0.1 of the stake unless said), 2 miners, 40 epochs, Yuma3
const ALPHA = 1_000_000_000;
const S1 = [1, 0], S2 = [0, 1];
function ysCase(name: string, description: string, strategies: Strategy[], extra: Partial<ScenarioJson> & { stakes?: number[]; reregister?: [number, number] } = {}): ScenarioJson {
  const stakes = extra.stakes ?? [0.8, 0.1, 0.1];
  const miners: ScenarioJson["miners"] = [0, 1].map((i) => ({ label: `server ${i + 1}`, quality: 0.5, ...(extra.reregister?.[0] === i ? { reregister_at: [extra.reregister[1]] } : {}) }));
  return {
    name, description, seed: 0, epochs: 40,
    hyperparameters: { yuma3_enabled: true, tempo: 360, ...(extra.hyperparameters ?? {}) },
    validators: strategies.map((strategy, i) => ({ label: ["big", "small 1", "small 2"][i], stake: Math.round(stakes[i] * 1000) * ALPHA, strategy, ...(extra.validators?.[i] ?? {}) })),
    miners,
  };
}
const ys: ScenarioJson[] = [
  ysCase("ys-big-moves-first", "yuma-simulation case 1: the big validator moves to server 2 first, the small ones follow one by one", [switcher(S1, S2, 1), switcher(S1, S2, 2), switcher(S1, S2, 3)]),
  ysCase("ys-big-moves-second", "yuma-simulation case 2: a small validator moves first, the big one second", [switcher(S1, S2, 2), switcher(S1, S2, 1), switcher(S1, S2, 3)]),
  ysCase("ys-big-moves-last", "yuma-simulation case 3: both small validators move before the big one", [switcher(S1, S2, 3), switcher(S1, S2, 1), switcher(S1, S2, 2)]),
  ysCase("ys-all-switch", "yuma-simulation case 4: everyone moves to server 2 at epoch 1", [switcher(S1, S2, 1), switcher(S1, S2, 1), switcher(S1, S2, 1)]),
  ysCase("ys-second-then-third", "yuma-simulation case 5: moves to server 2 and back to server 1 at 21-23, server 2 re-registered at 20",
    [sched([0, S1], [2, S2], [23, S1]), sched([0, S1], [1, S2], [21, S1]), sched([0, S1], [1, S2], [22, S1])], { reregister: [1, 20] }),
  ysCase("ys-second-then-all-back", "yuma-simulation case 6: a small validator leads the move, all return to server 1 at 21, server 1 re-registered at 21",
    [sched([0, S1], [2, S2], [21, S1]), sched([0, S1], [1, S2], [21, S1]), sched([0, S1], [3, S2], [21, S1])], { reregister: [0, 21] }),
  ysCase("ys-big-late-twice", "yuma-simulation case 7: the big validator moves late, and on the way back one small validator leads",
    [sched([0, S1], [2, S2], [22, S1]), sched([0, S1], [1, S2], [22, S1]), sched([0, S1], [1, S2], [21, S1])], { reregister: [0, 21] }),
  ysCase("ys-big-lazy", "yuma-simulation case 8: the big validator follows the small ones one epoch late both ways",
    [sched([0, S1], [2, S2], [22, S1]), sched([0, S1], [1, S2], [21, S1]), sched([0, S1], [1, S2], [21, S1])], { reregister: [1, 20] }),
  ysCase("ys-small-merge", "yuma-simulation case 9: everyone on server 2; at epoch 6 small 2 moves its stake to small 1",
    [sched([0, S2]), sched([0, S2]), sched([0, S2])], { validators: [{}, { stake_changes: [{ at: 6, stake: 200 * ALPHA }] }, { stake_changes: [{ at: 6, stake: 0 }] }] as never }),
  ysCase("ys-big-delayed", "yuma-simulation case 10: a small validator moves at 1, the big one only at 10, the other small one at 11",
    [switcher(S1, S2, 10), switcher(S1, S2, 1), switcher(S1, S2, 11)]),
  ysCase("ys-clipping", "yuma-simulation case 11: split weights; the small validator flips its split at 20 (0.49 / 0.49 / 0.02), server 2 re-registered at 20",
    [sched([0, [0.3, 0.7]]), sched([0, [0.6, 0.4]]), sched([0, [0.61, 0.39]], [20, [0.3, 0.61]])], { stakes: [0.49, 0.49, 0.02], reregister: [1, 20] }),
  ysCase("ys-dust-on-alt", "yuma-simulation case 12: all switch at 1 and back at 21; one small validator keeps 0.1% on the other server",
    [sched([0, S1], [1, S2], [21, S1]), sched([0, [0.999, 0.001]], [1, [0.001, 0.999]], [21, [0.999, 0.001]]), sched([0, S1], [1, S2], [21, S1])], { reregister: [1, 20] }),
  ysCase("ys-big-alone", "yuma-simulation case 13: the big validator backs server 2; the small ones split, the second joins the split at 21",
    [sched([0, S2]), sched([0, [0.5, 0.5]]), sched([0, S2], [21, [0.5, 0.5]])], { reregister: [0, 20] }),
  ysCase("ys-one-epoch-deviation", "yuma-simulation case 14: equal validators; one backs server 2 for epoch 20 only",
    [sched([0, S1]), sched([0, S1]), sched([0, S1], [20, S2], [21, S1])], { stakes: [0.33, 0.33, 0.34] }),
];

// ---- the lab's strategy studies
const study = (name: string, description: string, validators: ScenarioJson["validators"], extra: Partial<ScenarioJson> = {}): ScenarioJson => ({
  name, description, seed: 7, epochs: 60, noise: 0.05, quality_drift: 0.03,
  hyperparameters: { tempo: 360 }, validators, miners: [{ count: 32, quality: "seeded" }], ...extra,
});
const own: ScenarioJson[] = [
  study("weight-copier", "16 honest validators and one that copies the stored consensus of the last epoch; miner quality drifts",
    [{ count: 16, strategy: { type: "honest" } }, { label: "copier", stake: 50_000 * ALPHA, strategy: { type: "copier" } }]),
  study("weight-copier-commit-reveal", "weight-copier with commit-reveal (reveal period 2): the copier sees weights 3 epochs old",
    [{ count: 16, strategy: { type: "honest" } }, { label: "copier", stake: 50_000 * ALPHA, strategy: { type: "copier" } }],
    { hyperparameters: { tempo: 360, commit_reveal_enabled: true, reveal_period_epochs: 2 } }),
  study("weight-copier-yuma3", "weight-copier under Yuma3 with liquid alpha",
    [{ count: 16, strategy: { type: "honest" } }, { label: "copier", stake: 50_000 * ALPHA, strategy: { type: "copier" } }],
    { hyperparameters: { tempo: 360, yuma3_enabled: true, liquid_alpha_enabled: true } }),
  study("cartel", "12 honest validators; 4 cartel validators (about a quarter of the stake) give miners 0 and 1 their top score",
    [{ count: 12, strategy: { type: "honest" } }, { label: "cartel", count: 4, stake: 60_000 * ALPHA, strategy: { type: "cartel", miners: [0, 1] } }]),
  study("strategies-mix", "12 honest validators beside a copier, a 3-validator cartel boosting miners 0-1 and a late validator: one sweep answers for all of them",
    [{ count: 12, strategy: { type: "honest" } }, { label: "copier", stake: 40_000 * ALPHA, strategy: { type: "copier" } },
      { label: "cartel", count: 3, stake: 40_000 * ALPHA, strategy: { type: "cartel", miners: [0, 1] } }, { label: "late", stake: 40_000 * ALPHA, strategy: { type: "late" } }]),
  study("late-validator", "yuma-simulation's shifted validator: one validator submits last epoch's scores",
    [{ count: 12, strategy: { type: "honest" } }, { label: "late", stake: 50_000 * ALPHA, strategy: { type: "late", lag: 1 } }]),
  study("validator-joins", "8 honest validators; a ninth registers at epoch 20 and validates honestly",
    [{ count: 8, strategy: { type: "honest" } }, { label: "newcomer", stake: 50_000 * ALPHA, join_at: 20, strategy: { type: "honest" } }]),
  study("miner-reregistered", "honest validators; miners 0-3 are re-registered at epoch 20 (replace_neuron: their bonds reset)",
    [{ count: 10, strategy: { type: "honest" } }], { miners: [{ count: 4, quality: "seeded", reregister_at: [20] }, { count: 28, quality: "seeded" }] }),
  study("stake-moves", "a copier whose stake grows tenfold at epoch 30, beside honest validators",
    [{ count: 10, strategy: { type: "honest" } }, { label: "copier", stake: 10_000 * ALPHA, stake_changes: [{ at: 30, stake: 100_000 * ALPHA }], strategy: { type: "copier" } }]),
  study("subnet-256", "256 uids: 64 validators (56 honest, 4 copiers, 4 late) and 192 miners with drifting quality",
    [{ count: 56, strategy: { type: "honest" } }, { label: "copier", count: 4, strategy: { type: "copier" } }, { label: "late", count: 4, strategy: { type: "late" } }],
    { epochs: 100, miners: [{ count: 192, quality: "seeded" }], hyperparameters: { tempo: 360, max_allowed_validators: 64 } }),
];

export const SCENARIOS: readonly ScenarioJson[] = [...own, ...chain, ...ys];

export function scenarioNames(): string[] {
  return SCENARIOS.map((s) => s.name);
}

/** A deep copy of a named scenario (callers may edit it). */
export function namedScenario(name: string): ScenarioJson {
  const s = SCENARIOS.find((x) => x.name === name);
  if (!s) throw new TaomathError("invalid_type", "scenario", `no scenario named ${JSON.stringify(name)} (known: ${scenarioNames().join(", ")})`);
  return JSON.parse(JSON.stringify(s));
}
