// checkSetWeights against subtensor's tests/weights.rs (and the upscale examples of yuma.md §8):
// each test names the upstream test it ports and keeps its numbers.

import { describe, it, expect } from "vitest";
import { taomath } from "../src/index.js";
import {
  checkSetWeights, storedRow, SET_WEIGHTS_CHECK_ORDER, type SubnetState,
} from "../src/weights/index.js";
import { checkLength, isSelfWeight, checkRateLimit } from "../src/weights/check.js";
import { WeightsCore } from "../src/bindings/weights.js";
import { subnet } from "./helpers/weights_subnet.js";

const tm = taomath();
const verdict = (s: SubnetState, hk: string | number, uids: number[], values: number[], vk: bigint = 0n, block: bigint = 0n) =>
  checkSetWeights(tm, s, hk, uids, values, vk, block).verdict;

describe("set_weights checks, ported from tests/weights.rs", () => {
  it("test_set_weights_is_root_error: root refuses weights", () => {
    expect(verdict(subnet(1, { netuid: 0 }), 0, [0], [1])).toBe("CanNotSetRootNetworkWeights");
  });

  it("test_weights_err_no_validator_permit: non-self weights need a permit", () => {
    const s = subnet(3, { min_allowed_weights: 0 });
    expect(verdict(s, "hk0", [1, 2], [1, 2])).toBe("NeuronNoValidatorPermit");
    s.validator_permit[0] = true;
    expect(verdict(s, "hk0", [1, 2], [1, 2])).toBe("ok");
  });

  it("test_set_stake_threshold_failed: stake must reach StakeThreshold", () => {
    const s = subnet(1, { stake_threshold: 20_000_000_000_000n, alpha_stake: [0n] });
    expect(verdict(s, "hk0", [0], [1])).toBe("NotEnoughStakeToSetWeights");
    s.alpha_stake = [19_000_000_000_000n];
    expect(verdict(s, "hk0", [0], [1])).toBe("NotEnoughStakeToSetWeights");
    s.alpha_stake = [39_000_000_000_000n];
    expect(verdict(s, "hk0", [0], [1])).toBe("ok");
    s.stake_threshold = 100_000_000_000_000n;
    expect(verdict(s, "hk0", [0], [1])).toBe("NotEnoughStakeToSetWeights");
    s.alpha_stake = [139_000_000_000_000n];
    expect(verdict(s, "hk0", [0], [1])).toBe("ok");
  });

  it("stake threshold counts root stake through TaoWeight, computed in I64F64 by the core", () => {
    // 5 alpha + 10 tao x (u64::MAX / u64::MAX = 1.0) = 15 exactly
    const s = subnet(1, { stake_threshold: 15n, alpha_stake: [5n], tao_stake: [10n], tao_weight: (1n << 64n) - 1n });
    expect(new WeightsCore(tm.core).hotkeyTotalStake(5n, 10n, (1n << 64n) - 1n)).toBe(15n << 64n);
    expect(verdict(s, 0, [0], [1])).toBe("ok");
    s.stake_threshold = 16n;
    expect(verdict(s, 0, [0], [1])).toBe("NotEnoughStakeToSetWeights");
  });

  it("test_weights_version_key: the caller's key must be at least the subnet's", () => {
    const net0 = subnet(1), net1 = subnet(1);
    expect(verdict(net0, 0, [0], [1], 0n)).toBe("ok");
    expect(verdict(net1, 0, [0], [1], 0n)).toBe("ok");
    const key0 = 12312n, key1 = 20313n;
    net0.weights_version_key = key0;
    net1.weights_version_key = key1;
    expect(verdict(net0, 0, [0], [1], key0)).toBe("ok");
    expect(verdict(net1, 0, [0], [1], key1)).toBe("ok");
    expect(verdict(net0, 0, [0], [1], key1)).toBe("ok"); // validator newer than the network
    expect(verdict(net1, 0, [0], [1], key0)).toBe("IncorrectWeightVersionKey");
  });

  it("test_weights_err_setting_weights_too_fast: rate limit 10, blocks 0..99 pass at 0 and i % 10 == 1", () => {
    const s = subnet(3, { weights_set_rate_limit: 10n });
    s.validator_permit[0] = true;
    const accepted: number[] = [];
    for (let block = 0; block < 100; block++) {
      const v = verdict(s, 0, [1, 2], [1, 2], 0n, BigInt(block));
      if (v === "ok") {
        accepted.push(block);
        s.last_update[0] = BigInt(block); // set_weights writes LastUpdate when commit-reveal is off
      } else expect(v).toBe("SettingWeightsTooFast");
    }
    // block 0 leaves LastUpdate at 0 = "never set", so block 1 passes too
    expect(accepted).toEqual([0, 1, 11, 21, 31, 41, 51, 61, 71, 81, 91]);
  });

  it("rate limit is skipped when commit-reveal is on (reveals call set_weights)", () => {
    const s = subnet(3, { weights_set_rate_limit: 10n, commit_reveal_enabled: true, last_update: [5n, 0n, 0n] });
    s.validator_permit[0] = true;
    expect(verdict(s, 0, [1, 2], [1, 2], 0n, 6n)).toBe("ok");
    expect(checkRateLimit(5n, 10n, 6n)).toBe(false);
    expect(checkRateLimit(5n, 10n, 15n)).toBe(true);
  });

  it("test_weights_err_weights_vec_not_equal_size: 6 uids, 5 values", () => {
    expect(verdict(subnet(1), 0, [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5])).toBe("WeightVecNotEqualSize");
  });

  it("test_weights_err_has_duplicate_ids: [1, 1, 1] on 4 uids", () => {
    const s = subnet(4);
    s.validator_permit[0] = true;
    expect(verdict(s, 0, [1, 1, 1], [1, 2, 3])).toBe("DuplicateUids");
  });

  it("test_set_weights_err_not_active: an unregistered hotkey", () => {
    expect(verdict(subnet(1), "someone-else", [0], [1])).toBe("HotKeyNotRegisteredInSubNet");
  });

  it("test_set_weights_err_invalid_uid: uid 9999 on a 1-uid subnet", () => {
    const s = subnet(1, { validator_permit: [true] });
    expect(verdict(s, 0, [9999], [88])).toBe("UidVecContainInvalidOne");
  });

  it("test_set_weight_not_enough_values: min 2; a lone non-self weight fails, self weight or 2 values pass", () => {
    const s = subnet(2, { min_allowed_weights: 2, validator_permit: [true, false] });
    expect(verdict(s, 0, [1], [88])).toBe("WeightVecLengthIsLow");
    expect(verdict(s, 0, [0], [88])).toBe("ok");
    s.min_allowed_weights = 1;
    expect(verdict(s, 0, [0, 1], [10, 10])).toBe("ok");
  });

  it("test_set_weight_too_many_uids: 5 uids on a 2-uid subnet", () => {
    const s = subnet(2, { min_allowed_weights: 2, validator_permit: [true, false] });
    expect(verdict(s, 0, [0, 1, 2, 3, 4], [88, 102, 303, 1212, 11])).toBe("UidsLengthExceedUidsInSubNet");
    expect(verdict(s, 0, [0, 1], [10, 10])).toBe("ok");
  });

  it("test_set_weights_sum_larger_than_u16_max: [65535, 65535] is stored as is", () => {
    const s = subnet(2, { min_allowed_weights: 2, validator_permit: [true, false], commit_reveal_enabled: true });
    const r = checkSetWeights(tm, s, 0, [0, 1], [65535, 65535], 0n, 0n);
    expect(r.verdict).toBe("ok");
    expect(r.stored).toEqual([[0, 65535], [1, 65535]]);
  });

  it("test_check_length_allows_singleton / _weights_length_exceeds_min_allowed / _to_few_weights", () => {
    expect(checkLength({ netuid: 1, n: 0, min_allowed_weights: 1 }, 1, [1], [1])).toBe(true);
    expect(checkLength({ netuid: 1, n: 0, min_allowed_weights: 3 }, 1, [1, 2, 3], [1, 2, 3])).toBe(true);
    expect(checkLength({ netuid: 1, n: 7, min_allowed_weights: 3 }, 1, [1, 2], [1, 2])).toBe(false);
  });

  it("test_max_weight_limited_*: self weight and the u16::MAX limit always pass; the limit is the constant 65535", () => {
    const s = subnet(2, { validator_permit: [true, true] });
    expect(checkSetWeights(tm, s, 1, [1], [0], 0n, 0n).verdict).toBe("ok");
    expect(verdict(s, 0, [0, 1], [65535, 65535])).toBe("ok");
    expect(s.max_weight_limit).toBeUndefined(); // get_max_weight_limit == u16::MAX at 14bc6f9f
  });

  it("test_is_self_weight_*: length not one, first uid not the caller, self", () => {
    expect(isSelfWeight(1, [1, 2, 3], [1, 2, 3])).toBe(false);
    expect(isSelfWeight(2, [1, 2, 3], [0])).toBe(false);
    expect(isSelfWeight(1, [1], [0])).toBe(true);
  });

  it("test_check_len_uids_within_allowed_*: 3 uids fit a 3-uid subnet, 4 do not", () => {
    const s = subnet(3, { validator_permit: [true, false, false] });
    expect(verdict(s, 0, [0, 1, 2], [1, 1, 1])).toBe("ok");
    expect(verdict(s, 0, [0, 1, 2, 3], [1, 1, 1, 1])).toBe("UidsLengthExceedUidsInSubNet");
  });

  it("test_subnet_owner_can_validate_without_stake_or_manual_permit", () => {
    const s = subnet(2, { owner_uid: 0, stake_threshold: 1n, alpha_stake: [0n, 1n] });
    expect(verdict(s, 1, [0], [1])).toBe("NeuronNoValidatorPermit");
    expect(verdict(s, 0, [1], [1])).toBe("ok");
  });

  it("MechanismDoesNotExist: mechanism 1 needs MechanismCountCurrent >= 2 (tests/mechanism.rs)", () => {
    const s = subnet(2, { validator_permit: [true, false] });
    expect(checkSetWeights(tm, s, 0, [1], [1], 0n, 0n, { mechanism: 1 }).verdict).toBe("MechanismDoesNotExist");
    s.mechanism_count = 2;
    expect(checkSetWeights(tm, s, 0, [1], [1], 0n, 0n, { mechanism: 1 }).verdict).toBe("ok");
  });

  it("MaxWeightExceeded (older runtimes, enforceMaxWeightLimit): the share after I32F32 normalisation", () => {
    const s = subnet(3, { validator_permit: [true, false, false], max_weight_limit: 32768 });
    const enforced = () => checkSetWeights(tm, s, 0, [1, 2], [1, 1], 0n, 0n, { enforceMaxWeightLimit: true }).verdict;
    // [1, 1] -> shares 0.5, 0.5; limit 32768/65535 > 0.5
    expect(enforced()).toBe("ok");
    s.max_weight_limit = 32767; // 32767/65535 < 0.5
    expect(enforced()).toBe("MaxWeightExceeded");
    expect(verdict(s, 0, [1, 2], [1, 1])).toBe("ok"); // 14bc6f9f: the stored limit is ignored
    expect(new WeightsCore(tm.core).vecMaxLimited([], 0)).toBe(true);
  });

  it("checks run in the chain's order: fixing one violation at a time walks the error list", () => {
    const s = subnet(3, {
      netuid: 0, exists: false, stake_threshold: 10n, alpha_stake: [0n, 0n, 0n], weights_version_key: 5n,
      weights_set_rate_limit: 100n, last_update: [50n, 0n, 0n], min_allowed_weights: 3, max_weight_limit: 40000,
    });
    let uids = [1, 1, 7, 9], values = [1, 2, 3];
    const seen: string[] = [];
    const fixes: Record<string, () => void> = {
      CanNotSetRootNetworkWeights: () => { s.netuid = 1; },
      WeightVecNotEqualSize: () => { values = [1, 2, 3, 4]; },
      MechanismDoesNotExist: () => { s.exists = true; },
      UidsLengthExceedUidsInSubNet: () => { uids = [1, 1, 7]; values = [1, 1, 3]; },
      HotKeyNotRegisteredInSubNet: () => { s.hotkeys![0] = "me"; },
      NotEnoughStakeToSetWeights: () => { s.alpha_stake = [10n, 0n, 0n]; },
      IncorrectWeightVersionKey: () => { s.weights_version_key = 0n; },
      SettingWeightsTooFast: () => { s.last_update = [0n, 0n, 0n]; },
      NeuronNoValidatorPermit: () => { s.validator_permit = [true, false, false]; },
      DuplicateUids: () => { uids = [1, 2, 7]; },
      UidVecContainInvalidOne: () => { uids = [1, 2]; values = [1, 3]; },
      WeightVecLengthIsLow: () => { s.min_allowed_weights = 2; },
      MaxWeightExceeded: () => { values = [1, 1]; },
    };
    for (let step = 0; step < 20; step++) {
      const v = checkSetWeights(tm, s, "me", uids, values, 1n, 100n, { enforceMaxWeightLimit: true }).verdict;
      if (v === "ok") break;
      seen.push(v);
      fixes[v]();
    }
    expect(seen).toEqual([...SET_WEIGHTS_CHECK_ORDER]);
  });
});

describe("the stored row: vec_u16_max_upscale_to_u16 in the core (yuma.md §8)", () => {
  const cases: Array<[number[], number[]]> = [
    [[43690, 21845], [65535, 32768]],
    [[1, 2, 3], [21845, 43690, 65535]],
    [[32767, 0, 32767], [65535, 0, 65535]],
    [[16383, 32767, 49149, 65535], [16383, 32767, 49149, 65535]],
    [[127, 127, 127], [65535, 65535, 65535]],
    [[0, 0], [0, 0]],
    [[88, 65535], [88, 65535]], // tests/mechanism.rs test_commit_reveal_mechanism_weights_ok
    [[1, 6], [10923, 65535]], // 10922.5 rounds away from zero
  ];
  for (const [values, stored] of cases) {
    it(`${JSON.stringify(values)} is stored as ${JSON.stringify(stored)}`, () => {
      expect(storedRow(tm, values.map((_, i) => i), values).map(([, v]) => v)).toEqual(stored);
    });
  }
  it("keeps the caller's uid order (unsorted rows are stored unsorted)", () => {
    expect(storedRow(tm, [5, 2, 9], [10, 20, 5])).toEqual([[5, 32768], [2, 65535], [9, 16384]]);
  });
});

describe("bad input is refused with the field named, never reaching the core", () => {
  it("a negative stake, a u16 past 65535, a missing array", () => {
    expect(() => checkSetWeights(tm, subnet(2, { alpha_stake: [-1n, 0n] }), 0, [1], [1], 0n, 0n)).toThrow(/alpha_stake\[0\]/);
    expect(() => checkSetWeights(tm, subnet(2), 0, [1], [70000], 0n, 0n)).toThrow(/values\[0\]/);
    expect(() => checkSetWeights(tm, { ...subnet(2), validator_permit: undefined as unknown as boolean[] }, 0, [1], [1], 0n, 0n)).toThrow(/validator_permit/);
  });
});

