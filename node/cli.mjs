#!/usr/bin/env node
// taomath command line: one module per command under node/commands/; errors print one line and exit 1.

import { TaomathError } from "../dist/index.js";
import { cmdExample } from "./commands/example.mjs";
import { cmdEpoch } from "./commands/epoch.mjs";
import { cmdVector } from "./commands/vector.mjs";
import { cmdBench } from "./commands/bench.mjs";
import { cmdWeights, cmdCommitHash } from "./commands/weights.mjs";
import { cmdFetch, cmdPredict } from "./commands/node.mjs";
import { cmdEmission } from "./commands/emission.mjs";
import { cmdNetwork } from "./commands/network.mjs";
import { cmdQuote } from "./commands/quote.mjs";
import { cmdSimulate } from "./commands/simulate.mjs";

const USAGE = `taomath: Bittensor consensus and token math, bit-exact with the chain

usage:
  taomath example [--json]              run an epoch on the built-in 256-uid example subnet
  taomath epoch FILE [--trace]          run the epoch on FILE (a vector file or bare inputs) and print
                                        {"outputs": ...} in the vector encoding (--trace adds "debug")
  taomath epoch FILE --explain UID      say which step decided that uid's incentive and dividends
  taomath epoch FILE --dense            the same through the chain's test-only dense epoch
                                        (epoch_dense_mechanism; no --trace)
  taomath vector FILE                   run any vector file, dispatching on its "schema" field
  taomath quote stake --tao-in T --tao-reserve R --alpha-reserve A [--weight W] [--fee-rate F] [--limit-price P] [--json]
  taomath quote unstake --alpha-in X --tao-reserve R --alpha-reserve A [--weight W] [--fee-rate F] [--limit-price P] [--json]
                                        exact stake/unstake quote on a Balancer pool; amounts, reserves and the
                                        limit price (TAO per alpha) in TAO units, W = TAO weight (default 0.5)
  taomath bench epoch FILE [--json] [--runs N]
                                        median in-process epoch time on FILE after warm-up
  taomath weights --scores FILE --netuid-state FILE [--hotkey HK | --uid N] [--version-key K]
                [--block B] [--exclude-quantile Q] [--keep-tiny] [--preview] [--json]
                                        scores (JSON array by uid, or {"uids":[..],"scores":[..]}) to the
                                        row to submit (as the Python SDK makes it), the row the chain
                                        stores, and the chain's set_weights verdict; --preview runs the
                                        epoch with and without the row (state must hold epoch inputs)
  taomath commit-hash --account 0xHEX32 --netuid N [--mechanism M] --uids 1,2,3 --values 10,20,30
                --salt 1,2,3 --version-key K
                                        the commit_weights hash (BlakeTwo256 of the SCALE tuple), last line
  taomath fetch --url URL --netuid N [--block B] [--out FILE] [--timeout MS] [--retries K] [--assume-runtime V]
                                        read subnet N from a node (ws://, wss://, http://, https://) and
                                        print a snapshot (JSON; "inputs" = next epoch's inputs, or null
                                        with "missing" listing what the node did not serve); progress
                                        on stderr; --out writes FILE atomically; --assume-runtime decodes
                                        an unknown runtime with known layout V (still checked byte-exact)
  taomath predict --url URL --netuid N [--block B] [--emission RAO] [--ignore-commit-reveal] [--json]
  taomath predict --snapshot FILE [...]
                                        run the subnet's next epoch on the state at the block and print
                                        expected incentive, dividends and emission per uid; with
                                        commit-reveal on, the live weight commits are read and masked as
                                        the chain does (--ignore-commit-reveal skips the mask)
  taomath emission --issuance RAO [--recycled-per-day RAO] [--years N] [--start-block B] [--svg FILE] [--json]
                                        coming halvings (block offset, approximate date, and how far
                                        recycling moves them), the supply curve, and an SVG chart of
                                        supply and TAO minted per day (default emission.svg)
  taomath network SNAPSHOT --blocks N [--claim COLDKEY ...] [--out FILE] [--json]
                                        advance a network snapshot N blocks (coinbase, epochs, payouts,
                                        price EMA) with a progress bar, check conservation every block,
                                        then claim each --claim coldkey's root dividends (its claim type),
                                        print a summary and write the new snapshot to --out
  taomath network --example [--subnets K]
                                        print an example snapshot (stable subnets with example neurons)
  taomath simulate NAME|FILE [--epochs N] [--seed S] [--float] [--out results.json] [--html report.html]
                [--export-epochs DIR] [--json]
                                        the Yuma lab: a scenario of validator strategies run epoch by epoch
                                        through the exact epoch (progress on stderr); --float runs the float64
                                        engine beside it; --export-epochs writes each epoch as a vector file
  taomath simulate --list               the named scenarios
  taomath simulate NAME|FILE --sweep [--grid FILE] [--threads K | --url URL [--concurrency C] [--retries R]]
                                        a grid over kappa, bonds penalty, Yuma3, liquid alpha and copier delay
                                        on worker threads, or on a taomath Worker: does copying pay, per setting
  taomath help                          this text`;

const commands = {
  example: cmdExample,
  epoch: cmdEpoch,
  vector: cmdVector,
  bench: cmdBench,
  weights: cmdWeights,
  "commit-hash": cmdCommitHash,
  fetch: cmdFetch,
  predict: cmdPredict,
  emission: cmdEmission,
  network: cmdNetwork,
  quote: cmdQuote,
  simulate: cmdSimulate,
};

const [cmd, ...rest] = process.argv.slice(2);
if (!cmd || cmd === "help" || cmd === "--help" || cmd === "-h") {
  console.log(USAGE);
} else if (!commands[cmd]) {
  console.error(`taomath: unknown command ${JSON.stringify(cmd)}; run 'taomath help'`);
  process.exit(2);
} else {
  try {
    await commands[cmd](rest);
  } catch (e) {
    console.error(`taomath: ${e instanceof TaomathError ? `${e.message} [${e.code}]` : e?.stack ?? e}`);
    process.exit(1);
  }
}
