// Builders for network-model snapshots in tests: a subnet's neurons from the example epoch input.

import { taomath, exampleSubnet } from "../../src/index.js";

/** Neurons of one subnet (hotkeys hk-<seed>-<uid>) with their stakes and the stake total. */
export function neuronsFor(seed: number, n: number, validators: number) {
  const input: any = exampleSubnet(taomath(), { n, validators, seed });
  const hotkeys = Array.from({ length: n }, (_, uid) => `hk-${seed}-${uid}`);
  const stakes: Record<string, string> = {};
  input.alpha_stake.forEach((a: bigint, uid: number) => { stakes[hotkeys[uid]] = a.toString(); });
  const { n: _n, alpha_stake, current_block, rao_emission, last_mechanism_step_block, ...rest } = input;
  void _n; void alpha_stake; void current_block; void rao_emission; void last_mechanism_step_block;
  let staked = 0n;
  for (const v of Object.values(stakes)) staked += BigInt(v);
  return { neurons: { ...rest, hotkeys }, stakes, staked };
}
