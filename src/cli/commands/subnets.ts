// taomath subnets: every subnet's price, pool, tempo, size and registration cost, as btcli's
// `subnets list` shows them, from a node (get_subnets_info_v2 and Swap.AlphaSqrtPrice) or from a
// network snapshot (each subnet's reserves through the pool math).

import { taomath } from "../../index.js";
import { TaomathError } from "../../core/errors.js";
import { SNAPSHOT_SCHEMA } from "../../chain/snapshot.js";
import { spotPrice } from "../../pool/index.js";
import { blockAt, readSubnets, withClient } from "../chain.js";
import { common, type Command, type Values } from "../command.js";
import { UsageError } from "../args.js";
import { printJson, readJson } from "../io.js";
import { tao } from "../units.js";
import { renderTable, shortKey, shownRows, type Column } from "../table.js";

export interface SubnetRow {
  netuid: number;
  name: string | null;
  /** TAO per alpha */
  price: number | null;
  tao_in: bigint | null;
  alpha_in: bigint | null;
  tempo: number | null;
  n: number | null;
  max_n: number | null;
  burn: bigint | null;
  owner: string | null;
}

const ONE64 = 2 ** 64;

async function rowsFromNode(values: Values): Promise<{ rows: SubnetRow[]; block: number }> {
  return withClient(values, async (client) => {
    const at = await blockAt(client, values);
    const { infos, sqrtPrices } = await readSubnets(client, at);
    const rows = infos.map((s): SubnetRow => {
      const sq = sqrtPrices.get(s.netuid);
      return {
        netuid: s.netuid, name: s.identity?.subnet_name || null,
        // Swap.AlphaSqrtPrice is the square root of the price (U64F64); the root subnet has no pool
        price: s.netuid === 0 ? 1 : sq === undefined ? null : (Number(sq) / ONE64) ** 2,
        tao_in: null, alpha_in: null, tempo: s.tempo, n: s.subnetwork_n, max_n: s.max_allowed_uids, burn: s.burn, owner: s.owner,
      };
    });
    return { rows, block: at.block };
  });
}

function rowsFromSnapshot(file: string): { rows: SubnetRow[]; block: number | string } {
  const json = readJson(file, "--snapshot");
  if (json?.schema === SNAPSHOT_SCHEMA) {
    const mg = json.metagraph ?? {};
    const tin = mg.tao_in === undefined ? null : BigInt(mg.tao_in), ain = mg.alpha_in === undefined ? null : BigInt(mg.alpha_in);
    return {
      block: json.source?.block ?? "?",
      rows: [{
        netuid: mg.netuid, name: mg.name || null, price: tin !== null && ain ? Number(tin) / Number(ain) : null, tao_in: tin, alpha_in: ain,
        tempo: mg.tempo ?? null, n: mg.num_uids ?? null, max_n: mg.max_uids ?? null, burn: mg.burn === undefined ? null : BigInt(mg.burn), owner: mg.owner_hotkey ?? null,
      }],
    };
  }
  if (!Array.isArray(json?.subnets)) throw new TaomathError("invalid_type", "--snapshot", "expected a network snapshot (with \"subnets\") or a snapshot from `taomath fetch`");
  const tm = taomath();
  const rows = json.subnets.map((s: Record<string, any>, i: number): SubnetRow => {
    const tin = BigInt(s.tao_reserve ?? 0), ain = BigInt(s.alpha_reserve ?? 0);
    const dynamic = Number(s.mechanism ?? 1) === 1;
    let price: number | null = 1;
    if (dynamic) {
      price = tin > 0n && ain > 0n
        ? Number(spotPrice({ taoReserve: tin, alphaReserve: ain, quoteWeight: s.quote_weight === undefined ? undefined : BigInt(s.quote_weight) }, { taomath: tm })) / ONE64
        : null;
    }
    const n = Array.isArray(s.neurons?.hotkeys) ? s.neurons.hotkeys.length : null;
    if (typeof s.netuid !== "number") throw new TaomathError("invalid_type", `subnets[${i}].netuid`, "expected a number");
    return { netuid: s.netuid, name: s.name ?? null, price, tao_in: tin, alpha_in: ain, tempo: s.tempo ?? null, n, max_n: null, burn: null, owner: s.owner_hotkey ?? null };
  });
  return { rows, block: json.block ?? "?" };
}

function columns(rows: SubnetRow[], full: boolean): Column<SubnetRow>[] {
  const has = (k: keyof SubnetRow) => rows.some((r) => r[k] !== null);
  const num = (v: bigint | null) => (v === null ? "-" : tao(v, 2));
  const cols: Column<SubnetRow>[] = [
    { key: "netuid", title: "netuid", cell: (r) => String(r.netuid), sortValue: (r) => -r.netuid },
    ...(has("name") ? [{ key: "name", title: "name", align: "left" as const, cell: (r: SubnetRow) => r.name ?? "", sortValue: (r: SubnetRow) => r.name ?? "" }] : []),
    { key: "price", title: "price (τ/α)", cell: (r) => (r.price === null ? "-" : r.price.toFixed(6)), sortValue: (r) => r.price ?? -1 },
  ];
  if (has("tao_in")) cols.push({ key: "tao_in", title: "tao in (τ)", cell: (r) => num(r.tao_in), sortValue: (r) => r.tao_in ?? -1n });
  if (has("alpha_in")) cols.push({ key: "alpha_in", title: "alpha in (α)", cell: (r) => num(r.alpha_in), sortValue: (r) => r.alpha_in ?? -1n });
  cols.push({ key: "tempo", title: "tempo", cell: (r) => (r.tempo === null ? "-" : String(r.tempo)), sortValue: (r) => r.tempo ?? -1 });
  if (has("n")) cols.push({ key: "n", title: "uids", cell: (r) => (r.n === null ? "-" : r.max_n === null ? String(r.n) : `${r.n}/${r.max_n}`), sortValue: (r) => r.n ?? -1 });
  if (has("burn")) cols.push({ key: "burn", title: "burn (τ)", cell: (r) => (r.burn === null ? "-" : tao(r.burn, 4)), sortValue: (r) => r.burn ?? -1n });
  if (has("owner")) cols.push({ key: "owner", title: "owner", align: "left", cell: (r) => shortKey(r.owner ?? undefined, full), sortValue: (r) => r.owner ?? "" });
  return cols;
}

export const subnets: Command = {
  name: "subnets",
  summary: "every subnet's price, tempo, size and registration burn (btcli subnets list)",
  usage: ["subnets --url URL [--block B] [--sort COL] [--top N] [--json]", "subnets --snapshot FILE [...]"],
  description: "From a node: get_subnets_info_v2 (tempo, uids, burn, owner, identity) and each subnet's Swap.AlphaSqrtPrice (the price is its square). From a network snapshot (`taomath network --example`, or one `network` wrote): each subnet's reserves and price through the pool math; a `taomath fetch` snapshot gives its one subnet.",
  flags: {
    url: common.url, block: common.block, timeout: common.timeout, retries: common.retries, "assume-runtime": common["assume-runtime"],
    snapshot: { type: "string", value: "FILE", help: "a network snapshot or a `taomath fetch` snapshot instead of a node" },
    sort: { type: "string", value: "COL", help: "sort by netuid, name, price, tao_in, alpha_in, tempo, n, burn or owner (default netuid)" },
    top: common.top,
    "full-keys": { type: "boolean", help: "print owner keys in full" },
    json: common.json,
  },
  positionals: { min: 0, max: 0 },
  examples: ["taomath subnets --url wss://entrypoint-finney.opentensor.ai:443 --sort price --top 20"],
  async run({ values }) {
    if (values.url !== undefined && values.snapshot !== undefined) throw new UsageError("give --url or --snapshot, not both");
    if (values.url === undefined && values.snapshot === undefined) throw new UsageError("say where the subnets come from: --url URL or --snapshot FILE");
    const { rows, block } = typeof values.snapshot === "string" ? rowsFromSnapshot(values.snapshot) : await rowsFromNode(values);
    if (values.json === true) return printJson({ block, subnets: rows });
    const cols = columns(rows, values["full-keys"] === true);
    const shown = shownRows(rows, cols, values, "netuid");
    console.log(`${rows.length} subnets at block ${block}`);
    const sum = (k: "tao_in" | "alpha_in") => rows.some((r) => r[k] !== null) ? tao(rows.reduce((s, r) => s + (r[k] ?? 0n), 0n), 2) : "";
    const pools = rows.some((r) => r.tao_in !== null);
    console.log(renderTable(cols, shown, pools ? { netuid: "total", tao_in: sum("tao_in"), alpha_in: sum("alpha_in") } : undefined));
    if (shown.length < rows.length) console.log(`  (${shown.length} of ${rows.length} subnets shown${pools ? "; totals are over all" : ""})`);
  },
};
