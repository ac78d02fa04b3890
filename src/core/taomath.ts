// The taomath API over one instantiated core. Every host (Node, browser, Workers) builds this
// same object from a WebAssembly.Module; nothing here knows where the module came from. The typed
// bindings of each domain hang off the instance, created on first use: an instance is the only
// handle a caller ever passes (or the host's default instance, src/core/default.ts).

import { Core, instantiateCore } from "../bindings/core.js";
import {
  prepareEpoch, prepareEpochTyped, runPrepared, runPreparedTyped, type EpochInput, type EpochInputTyped, type EpochResult, type EpochOutputTyped,
} from "../bindings/epoch.js";
import { TaomathError } from "./errors.js";
import { MathHelpers } from "../bindings/math.js";
import { runEpochMechanisms, type MechanismsInput, type MechanismsResult } from "../bindings/mechanisms.js";
import { SwapCore } from "../bindings/swap.js";
import { SharePoolCore } from "../bindings/sharepool.js";
import { BurnCore } from "../bindings/burn.js";
import { EmissionCore } from "../bindings/emission.js";
import { StakingCore } from "../bindings/staking.js";
import { EllipseCore } from "../bindings/superellipse.js";
import { CoinbaseCore } from "../bindings/coinbase.js";
import { WeightsCore } from "../bindings/weights.js";

export interface RunEpochOptions {
  /** also return the intermediate values (named as in the vectors' debug section) */
  trace?: boolean;
}

/** runEpochTyped's options: `output: "typed"` returns typed arrays (EpochOutputTyped) instead of objects. */
export interface RunEpochTypedOptions extends RunEpochOptions {
  output?: "objects" | "typed";
  /**
   * With output "typed": the outputs are views of this buffer (from its start) instead of a new one, for a
   * caller that is done with each result before the next call (no allocation per epoch, and none of the
   * C allocator's work on 80 kB buffers at 256 uids). It needs 48·n + 4 + 4·(bond entries) bytes, at most
   * 48·n + 4 + 4·n²; a smaller one is refused with the size needed.
   */
  into?: ArrayBuffer;
}

export class Taomath {
  readonly math: MathHelpers;
  #swap?: SwapCore;
  #sharePool?: SharePoolCore;
  #burn?: BurnCore;
  #emission?: EmissionCore;
  #staking?: StakingCore;
  #ellipse?: EllipseCore;
  #coinbase?: CoinbaseCore;
  #weights?: WeightsCore;
  constructor(readonly core: Core) {
    this.math = new MathHelpers(core);
  }

  /** The pool core (Balancer swap, limits, weight updates) of this instance. */
  get swap(): SwapCore { return (this.#swap ??= new SwapCore(this.core)); }
  /** The share-pool core (SafeFloat shares) of this instance. */
  get sharePool(): SharePoolCore { return (this.#sharePool ??= new SharePoolCore(this.core)); }
  /** The registration-burn core of this instance. */
  get burn(): BurnCore { return (this.#burn ??= new BurnCore(this.core)); }
  /** The emission core (block emission, halvings, price EMA) of this instance. */
  get emission(): EmissionCore { return (this.#emission ??= new EmissionCore(this.core)); }
  /** The runtime-473 superellipse pool core (curve, 473 swap step, migration) of this instance. */
  get ellipse(): EllipseCore { return (this.#ellipse ??= new EllipseCore(this.core)); }
  /** The coinbase core (block emission shares, terms, schedule, the block loop and payouts) of this instance. */
  get coinbase(): CoinbaseCore { return (this.#coinbase ??= new CoinbaseCore(this.core)); }
  /** Staking arithmetic (delegate and childkey take) of this instance. */
  get staking(): StakingCore { return (this.#staking ??= new StakingCore(this.core)); }
  /** The weights core (max-upscale of a row to u16) of this instance. */
  get weights(): WeightsCore { return (this.#weights ??= new WeightsCore(this.core)); }

  /** One Yuma Consensus epoch, bit-exact with subtensor's epoch_mechanism. */
  runEpoch(input: EpochInput, options: RunEpochOptions = {}): EpochResult {
    return runPrepared(this.core, prepareEpoch(input), options.trace === true);
  }

  /**
   * runEpoch on the typed form (typed arrays and CSR matrices handed over as they are, no
   * conversion): the same result as runEpoch on the equivalent plain input.
   */
  runEpochTyped(input: EpochInputTyped, options: RunEpochTypedOptions & { output: "typed" }): EpochOutputTyped;
  runEpochTyped(input: EpochInputTyped, options?: RunEpochTypedOptions & { output?: "objects" }): EpochResult;
  runEpochTyped(input: EpochInputTyped, options: RunEpochTypedOptions = {}): EpochResult | EpochOutputTyped {
    const into = options.into;
    if (into !== undefined && !(into instanceof ArrayBuffer)) throw new TaomathError("invalid_type", "into", "expected an ArrayBuffer");
    if (options.output === "typed") {
      if (options.trace === true) throw new TaomathError("invalid_type", "trace", "the trace comes as objects: use output \"objects\"");
      return runPreparedTyped(this.core, prepareEpochTyped(input), into);
    }
    if (into !== undefined) throw new TaomathError("invalid_type", "into", "an output buffer takes the typed output: use output \"typed\"");
    return runPrepared(this.core, prepareEpochTyped(input), options.trace === true);
  }

  /** epoch_with_mechanisms: per-mechanism epochs on a split emission, folded into subnet terms. */
  runEpochMechanisms(input: MechanismsInput): MechanismsResult {
    return runEpochMechanisms(this, input);
  }

  /**
   * subtensor's epoch_dense_mechanism (test-only on the chain) on the same input: dense n x n
   * matrices, owner self-weight always masked, no owner stake/permit privileges, no commit-reveal,
   * dense liquid-alpha EMA, and bond rows written as the dense path writes them (full rows for new
   * permits, [] for lost permits, stored rows otherwise). Memory grows with n^2: meant for small n.
   */
  runEpochDense(input: EpochInput): EpochResult {
    return runPrepared(this.core, prepareEpoch(input), false, "epoch_dense");
  }
}

/** Builds the API from a compiled module; works the same in every host. */
export async function instantiate(module: WebAssembly.Module): Promise<Taomath> {
  const instance = await WebAssembly.instantiate(module, importsFor());
  return new Taomath(coreOf(instance));
}

/** Synchronous variant for hosts that allow it (Node, Workers). */
export function instantiateSync(module: WebAssembly.Module): Taomath {
  return new Taomath(instantiateCore(module));
}

function importsFor(): WebAssembly.Imports {
  return {
    env: {
      abort(_m: number, _f: number, line: number, col: number) {
        throw new WebAssembly.RuntimeError(`abort at ${line}:${col}`);
      },
    },
  };
}

function coreOf(instance: WebAssembly.Instance): Core {
  return new Core(instance.exports as unknown as ConstructorParameters<typeof Core>[0]);
}
