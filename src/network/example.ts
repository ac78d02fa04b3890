// A small example network snapshot for the CLI and tests: stable subnets (whose pool math is the
// chain's 1:1 rule) with the built-in example neurons, staggered tempos and anchors, one subnet
// without uids and one that has not started emitting.

import type { Taomath } from "../core/taomath.js";
import { exampleSubnet } from "../epoch/example.js";

export function exampleNetworkSnapshot(tm: Taomath, opts: { subnets?: number; block?: bigint } = {}): Record<string, unknown> {
  const count = opts.subnets ?? 3;
  const block = opts.block ?? 4_000_000n;
  const subnets: Array<Record<string, unknown>> = [];
  for (let netuid = 1; netuid <= count; netuid++) {
    const n = 12 + 4 * (netuid % 4), v = 3 + (netuid % 3);
    const input = exampleSubnet(tm, { n, validators: v, seed: netuid }) as unknown as Record<string, any>;
    const hotkeys = Array.from({ length: n }, (_, uid) => `hk-${netuid}-${uid}`);
    const stakes: Record<string, string> = {};
    let staked = 0n;
    (input.alpha_stake as bigint[]).forEach((a, uid) => { stakes[hotkeys[uid]] = a.toString(); staked += a; });
    const { n: _n, alpha_stake: _a, current_block: _c, rao_emission: _r, last_mechanism_step_block: _l, ...rest } = input;
    void _n; void _a; void _c; void _r; void _l;
    subnets.push({
      netuid, mechanism: 0, owner_hotkey: `hk-${netuid}-0`, tempo: 5 + 7 * netuid, last_epoch_block: (block - BigInt(netuid)).toString(),
      first_emission_block_number: "100", tao_reserve: "5000000000000", alpha_reserve: "900000000000000",
      alpha_out: staked.toString(), moving_price: "0", stakes,
      neurons: JSON.parse(JSON.stringify({ ...rest, hotkeys }, (_k, x) => (typeof x === "bigint" ? x.toString() : x))),
    });
  }
  subnets.push({ netuid: count + 1, mechanism: 0, tempo: 5, first_emission_block_number: "100", tao_reserve: "1000000000", alpha_reserve: "1000000000000", alpha_out: "0" });
  subnets.push({ netuid: count + 2, mechanism: 0, tempo: 5, first_emission_block_number: null, tao_reserve: "1000000000", alpha_reserve: "1000000000", alpha_out: "0" });
  return { schema: "taomath-network/1", block: block.toString(), total_issuance: "7000000000000000", root_tao: "0", subnets };
}

/**
 * A synthetic network for benchmarks: `subnets` dynamic (Balancer) subnets of `uids` uids each (the
 * example neurons: validators with heavy-tailed stake and weights, miners with dust), all at `tempo`,
 * their epochs spread over the tempo by their anchors.
 */
export function syntheticNetworkSnapshot(tm: Taomath, opts: { subnets: number; uids: number; tempo: number; mechanism?: number }): Record<string, unknown> {
  const inputs = Array.from({ length: opts.subnets }, (_, k) => (opts.uids > 0
    ? exampleSubnet(tm, { n: opts.uids, validators: Math.min(64, Math.max(1, opts.uids >> 2)), seed: k + 1 }) as unknown as Record<string, any>
    : null));
  // the network starts at the example neurons' block: their LastUpdate and registration blocks are near it,
  // so validators' weights are live (an earlier block would leave them all registered in the future and masked)
  const block = inputs.reduce((b, x) => (x !== null && (x.current_block as bigint) > b ? (x.current_block as bigint) : b), 1000n);
  const subnets: Array<Record<string, unknown>> = [];
  for (let i = 1; i <= opts.subnets; i++) {
    const s: Record<string, unknown> = {
      netuid: i, mechanism: opts.mechanism ?? 1, tempo: opts.tempo, last_epoch_block: String(block - BigInt(i)), first_emission_block_number: "10",
      tao_reserve: "1000000000000", alpha_reserve: "1000000000000000", alpha_out: "0", moving_price: String((1n << 32n) / 100n),
    };
    const input = inputs[i - 1];
    if (input !== null) {
      const hotkeys = Array.from({ length: opts.uids }, (_, u) => `h${i}-${u}`);
      const stakes: Record<string, string> = {};
      let t = 0n;
      (input.alpha_stake as bigint[]).forEach((a, u) => { stakes[hotkeys[u]] = a.toString(); t += a; });
      const { n: _n, alpha_stake: _a, current_block: _c, rao_emission: _r, last_mechanism_step_block: _l, ...rest } = input;
      void _n; void _a; void _c; void _r; void _l;
      s.neurons = JSON.parse(JSON.stringify({ ...rest, hotkeys }, (_k, x) => (typeof x === "bigint" ? x.toString() : x)));
      s.stakes = stakes; s.alpha_out = t.toString();
    }
    subnets.push(s);
  }
  return { block: block.toString(), total_issuance: "7000000000000000", root_tao: "3000000000000000", subnets };
}
