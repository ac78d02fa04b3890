// The taomath API over one instantiated core. Every host (Node, browser, Workers) builds this
// same object from a WebAssembly.Module; nothing here knows where the module came from.

import { Core, instantiateCore } from "./bindings/core.js";
import {
  prepareEpoch, prepareEpochTyped, runPrepared, runPreparedTyped, type EpochInput, type EpochInputTyped, type EpochResult, type EpochOutputTyped,
} from "./bindings/epoch.js";
import { TaomathError } from "./errors.js";
import { MathHelpers } from "./bindings/math.js";
import { runEpochMechanisms, type MechanismsInput, type MechanismsResult } from "./bindings/mechanisms.js";

export interface RunEpochOptions {
  /** also return the intermediate values (named as in the vectors' debug section) */
  trace?: boolean;
}

/** runEpochTyped's options: `output: "typed"` returns typed arrays (EpochOutputTyped) instead of objects. */
export interface RunEpochTypedOptions extends RunEpochOptions {
  output?: "objects" | "typed";
}

export class Taomath {
  readonly math: MathHelpers;
  constructor(readonly core: Core) {
    this.math = new MathHelpers(core);
  }

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
    if (options.output === "typed") {
      if (options.trace === true) throw new TaomathError("invalid_type", "trace", "the trace comes as objects: use output \"objects\"");
      return runPreparedTyped(this.core, prepareEpochTyped(input));
    }
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
