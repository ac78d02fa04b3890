// Weight-commit storage for shared vector 033's replayed subnet (test/helpers/vector-chain.ts),
// SCALE-encoded here with the client's own storage layouts: used by the Node and browser tests.

import { storage } from "../../src/chain/storage.js";
import { toHex } from "../../src/chain/scale.js";
import { epochIndexOfBlock } from "../../src/chain/commits.js";
import { accountFor, type VectorChain } from "./vector-chain.js";

const hk = (i: number) => accountFor(i);
const hash32 = (b: number) => new Uint8Array(32).fill(b);

/**
 * Commit storage for vector 033's subnet whose live commits give exactly the vector's commit_blocks,
 * mixed with what the chain must skip: expired commits (older than the reveal period), a later
 * smaller entry behind the first live one in a v2 queue, a larger v4 commit for the same uid, and
 * a hotkey that holds no uid.
 */
export function commitStorage(chain: VectorChain, vector: any, spec: 343 | 425): void {
  const netuid = chain.netuid, tempo: number = vector.inputs.tempo, epochBlock = BigInt(vector.inputs.current_block);
  const cb = (uid: number) => BigInt(vector.inputs.commit_blocks[uid]);
  const put = (key: string, bytes: Uint8Array) => chain.storage.set(key, toHex(bytes));
  const period = 2n;
  put(storage.RevealPeriodEpochs.key(netuid), storage.RevealPeriodEpochs.value.enc(period));
  const v2 = new Map<string, Array<[Uint8Array, bigint, bigint, bigint]>>();
  const v4 = new Map<bigint, Array<[string, bigint, Uint8Array, bigint]>>();
  const ct = Uint8Array.from([1, 2, 3, 4, 5]);
  const addV4 = (epoch: bigint, who: string, block: bigint) => v4.set(epoch, [...(v4.get(epoch) ?? []), [who, block, ct, 7n]]);
  if (spec === 343) {
    // epochs counted from blocks: live iff epoch(block) >= epoch(epochBlock) - 2; 3 tempos earlier is expired
    const old = (b: bigint) => b - 3n * BigInt(tempo + 1);
    const ep = (b: bigint) => epochIndexOfBlock(netuid, tempo, b);
    for (const uid of [2, 6, 19, 21]) {
      if (!(ep(epochBlock) <= ep(cb(uid)) + period)) throw new Error(`uid ${uid}: its commit would be expired`);
      if (!(ep(epochBlock) > ep(old(cb(uid))) + period)) throw new Error(`uid ${uid}: its old commit would be live`);
    }
    v2.set(hk(2), [[hash32(1), old(cb(2)), 0n, 0n], [hash32(2), cb(2), 0n, 0n], [hash32(3), cb(2) - 10n, 0n, 0n]]);
    v2.set(hk(19), [[hash32(4), cb(19), 0n, 0n]]);
    v2.set(hk(21), [[hash32(5), cb(21), 0n, 0n]]);
    v2.set(hk(0), [[hash32(6), old(cb(21)), 0n, 0n]]);                 // only expired: uid 0 stays null
    v2.set(hk(0xabcdef), [[hash32(7), cb(21) - 1n, 0n, 0n]]);        // no uid on this subnet
    addV4(ep(cb(6)), hk(6), cb(6));
    addV4(ep(cb(6)), hk(6), old(cb(6)));                               // expired, even though smaller
    addV4(ep(cb(19)), hk(19), cb(19) + 50n);                           // larger than its v2 commit
    addV4(ep(cb(21)), hk(21), cb(21) + 10n);
    addV4(ep(cb(2)), hk(7), old(cb(2)));                               // expired: uid 7 stays null
  } else {
    // SubnetEpochIndex 1000 at the snapshot: the epoch runs as epoch 1001; live iff commit_epoch >= 999
    put(storage.SubnetEpochIndex.key(netuid), storage.SubnetEpochIndex.value.enc(1000n));
    v2.set(hk(2), [[hash32(1), 998n, 5n, 0n], [hash32(2), 999n, cb(2), 0n], [hash32(3), 1000n, cb(2) - 10n, 0n]]);
    v2.set(hk(19), [[hash32(4), 1001n, cb(19), 0n]]);
    v2.set(hk(21), [[hash32(5), 1000n, cb(21), 0n]]);
    v2.set(hk(0), [[hash32(6), 990n, 10n, 0n]]);
    v2.set(hk(0xabcdef), [[hash32(7), 1000n, 1n, 0n]]);
    addV4(999n, hk(6), cb(6));
    addV4(998n, hk(6), 3n);                                            // expired epoch key
    addV4(1000n, hk(19), cb(19) + 50n);
    addV4(1001n, hk(21), cb(21) + 10n);
    addV4(997n, hk(7), 4n);
  }
  for (const [who, q] of v2) put(storage.WeightCommits.key(netuid, who), storage.WeightCommits.value.enc(q));
  for (const [epoch, q] of v4) put(storage.TimelockedWeightCommits.key(netuid, epoch), storage.TimelockedWeightCommits.value.enc(q));
}
