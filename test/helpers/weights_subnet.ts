// A SubnetState for the weights tests: n registered uids, everyone staked, no permits, commit-reveal
// off (as add_network_disable_commit_reveal in subtensor's mock), overridable field by field.

import type { SubnetState } from "../../src/weights/state.js";

export function subnet(n: number, over: Partial<SubnetState> = {}): SubnetState {
  return {
    netuid: 1,
    n,
    hotkeys: Array.from({ length: n }, (_, i) => `hk${i}`),
    min_allowed_weights: 0,
    weights_version_key: 0n,
    weights_set_rate_limit: 0n,
    commit_reveal_enabled: false,
    last_update: new Array(n).fill(0n),
    validator_permit: new Array(n).fill(false),
    owner_uid: null,
    stake_threshold: 0n,
    alpha_stake: new Array(n).fill(1n),
    tao_stake: new Array(n).fill(0n),
    tao_weight: 0n,
    ...over,
  };
}
