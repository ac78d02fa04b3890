// taomath metagraph: one subnet's neurons as btcli's `subnets metagraph` lists them (stake, alpha
// and TAO stake, dividends, incentive, trust, emission, permit, keys), from a node or a snapshot.

import { TaomathError } from "../../core/errors.js";
import { SNAPSHOT_SCHEMA } from "../../chain/snapshot.js";
import { blockAt, netuidFrom, readMetagraph, withClient } from "../chain.js";
import { common, type Command, type Values } from "../command.js";
import { UsageError } from "../args.js";
import { printJson, readJson } from "../io.js";
import { pct, tao } from "../units.js";
import { renderTable, shortKey, shownRows, type Column } from "../table.js";

interface Neuron {
  uid: number; hotkey: string; coldkey: string; stake: bigint; alpha_stake: bigint; tao_stake: bigint;
  dividends: number; incentive: number; consensus: number; trust: number; emission: bigint; validator_permit: boolean; active: boolean;
}

const big = (v: unknown) => BigInt((v as string | number | bigint | undefined) ?? 0);

/** The neurons of a metagraph (runtime field names; amounts as decimal strings or numbers). */
export function neuronsOf(mg: Record<string, any>): Neuron[] {
  const hotkeys: string[] = mg.hotkeys ?? [];
  if (!Array.isArray(mg.hotkeys)) throw new TaomathError("missing_storage", "metagraph", "the metagraph has no hotkeys");
  return hotkeys.map((hotkey, uid) => ({
    uid, hotkey, coldkey: mg.coldkeys?.[uid] ?? "",
    stake: big(mg.total_stake?.[uid]), alpha_stake: big(mg.alpha_stake?.[uid]), tao_stake: big(mg.tao_stake?.[uid]),
    dividends: Number(mg.dividends?.[uid] ?? 0), incentive: Number(mg.incentives?.[uid] ?? 0),
    consensus: Number(mg.consensus?.[uid] ?? 0), trust: Number(mg.trust?.[uid] ?? 0),
    emission: big(mg.emission?.[uid]), validator_permit: mg.validator_permit?.[uid] === true, active: mg.active?.[uid] === true,
  }));
}

function columns(full: boolean): Column<Neuron>[] {
  return [
    { key: "uid", title: "uid", cell: (r) => String(r.uid), sortValue: (r) => -r.uid },
    { key: "stake", title: "stake (α)", cell: (r) => tao(r.stake), sortValue: (r) => r.stake },
    { key: "alpha", title: "alpha (α)", cell: (r) => tao(r.alpha_stake), sortValue: (r) => r.alpha_stake },
    { key: "tao", title: "tao (τ)", cell: (r) => tao(r.tao_stake), sortValue: (r) => r.tao_stake },
    { key: "dividends", title: "dividends", cell: (r) => pct(r.dividends), sortValue: (r) => r.dividends },
    { key: "incentive", title: "incentive", cell: (r) => pct(r.incentive), sortValue: (r) => r.incentive },
    { key: "consensus", title: "consensus", cell: (r) => pct(r.consensus), sortValue: (r) => r.consensus },
    { key: "trust", title: "trust", cell: (r) => pct(r.trust), sortValue: (r) => r.trust },
    { key: "emission", title: "emission (α)", cell: (r) => tao(r.emission), sortValue: (r) => r.emission },
    { key: "vpermit", title: "vpermit", cell: (r) => (r.validator_permit ? "*" : ""), sortValue: (r) => (r.validator_permit ? 1 : 0) },
    { key: "hotkey", title: "hotkey", align: "left", cell: (r) => shortKey(r.hotkey, full), sortValue: (r) => r.hotkey },
    { key: "coldkey", title: "coldkey", align: "left", cell: (r) => shortKey(r.coldkey, full), sortValue: (r) => r.coldkey },
  ];
}

async function metagraphFrom(values: Values): Promise<{ mg: Record<string, any>; block: number | string }> {
  if (values.url !== undefined && values.snapshot !== undefined) throw new UsageError("give --url or --snapshot, not both");
  if (typeof values.snapshot === "string") {
    const json = readJson(values.snapshot, "--snapshot");
    if (json?.schema !== SNAPSHOT_SCHEMA || typeof json.metagraph !== "object") {
      throw new TaomathError("invalid_type", "--snapshot", `expected a snapshot written by \`taomath fetch\` (schema ${SNAPSHOT_SCHEMA})`);
    }
    if (values.netuid !== undefined && netuidFrom(values) !== json.source?.netuid) {
      throw new TaomathError("unknown_netuid", "--netuid", `the snapshot holds subnet ${json.source?.netuid}, not ${values.netuid}`);
    }
    return { mg: json.metagraph, block: json.source?.block ?? "?" };
  }
  if (values.url === undefined) throw new UsageError("say where the subnet comes from: --url URL --netuid N, or --snapshot FILE");
  const netuid = netuidFrom(values);
  return withClient(values, async (client) => {
    const at = await blockAt(client, values);
    return { mg: await readMetagraph(client, netuid, at), block: at.block };
  });
}

export const metagraph: Command = {
  name: "metagraph",
  summary: "one subnet's neurons: stake, dividends, incentive, trust, emission (btcli subnets metagraph)",
  usage: ["metagraph --url URL --netuid N [--block B] [--sort COL] [--top N] [--full-keys] [--json]", "metagraph --snapshot FILE [...]"],
  description: "Read from the node's selective metagraph (one runtime API call) or from a snapshot written by `taomath fetch`. Stake is the total stake in alpha (alpha stake plus TAO stake at the TAO weight), emission is alpha per epoch; --json prints the metagraph fields as the runtime names them, amounts as decimal strings.",
  flags: {
    url: common.url, netuid: common.netuid, block: common.block, timeout: common.timeout, retries: common.retries,
    "assume-runtime": common["assume-runtime"],
    snapshot: { type: "string", value: "FILE", help: "a snapshot written by `taomath fetch` instead of a node" },
    sort: { type: "string", value: "COL", help: "sort by uid, stake, alpha, tao, dividends, incentive, consensus, trust, emission, vpermit, hotkey or coldkey (default stake)" },
    top: common.top,
    "full-keys": { type: "boolean", help: "print hotkeys and coldkeys in full" },
    json: common.json,
  },
  positionals: { min: 0, max: 0 },
  examples: ["taomath metagraph --url wss://entrypoint-finney.opentensor.ai:443 --netuid 1 --sort incentive --top 20"],
  async run({ values }) {
    const { mg, block } = await metagraphFrom(values);
    const neurons = neuronsOf(mg);
    if (values.json === true) {
      return printJson({ netuid: mg.netuid, block, name: mg.name ?? null, symbol: mg.symbol ?? null, neurons });
    }
    const cols = columns(values["full-keys"] === true);
    const rows = shownRows(neurons, cols, values, "stake");
    const sum = (f: (n: Neuron) => bigint) => neurons.reduce((s, n) => s + f(n), 0n);
    const price = mg.alpha_in && BigInt(mg.alpha_in) > 0n ? Number(BigInt(mg.tao_in)) / Number(BigInt(mg.alpha_in)) : null;
    console.log(`Subnet ${mg.netuid}${mg.name ? ` ${mg.name}` : ""}${mg.symbol ? ` (${mg.symbol})` : ""} at block ${block}: ${neurons.length}/${mg.max_uids ?? "?"} uids, tempo ${mg.tempo ?? "?"}, ` +
      `${neurons.filter((n) => n.validator_permit).length} validator permits` +
      (price !== null ? `, price ${price.toPrecision(6)} τ/α (pool ${tao(BigInt(mg.tao_in), 2)} τ / ${tao(BigInt(mg.alpha_in), 2)} α)` : ""));
    console.log(renderTable(cols, rows, {
      uid: "total", stake: tao(sum((n) => n.stake)), alpha: tao(sum((n) => n.alpha_stake)), tao: tao(sum((n) => n.tao_stake)),
      dividends: pct(neurons.reduce((s, n) => s + n.dividends, 0)), incentive: pct(neurons.reduce((s, n) => s + n.incentive, 0)),
      emission: tao(sum((n) => n.emission)),
    }));
    if (rows.length < neurons.length) console.log(`  (${rows.length} of ${neurons.length} uids shown; totals are over all)`);
  },
};
