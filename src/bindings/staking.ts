// Staking arithmetic that is neither a swap nor a share-pool op, over one core (assembly/staking).

import type { Core } from "./core.js";

export class StakingCore {
  constructor(private readonly core: Core) {}

  /** take·amount/65535 in U96F32 (floored) and amount minus it; inputs already validated (u16, u64). */
  splitTake(take: number, amount: bigint): { take: bigint; rest: bigint } {
    this.core.reset();
    const out = this.core.invoke("st_split_take", { take, amount });
    return { take: out.get("take"), rest: out.get("rest") };
  }
}
