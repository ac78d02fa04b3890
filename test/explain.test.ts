// explainUid reads the trace and names the step that decided a uid's outcome.

import { describe, it, expect } from "vitest";
import { MockSubnet } from "./helpers/mock_subnet.js";
import { explainUid } from "../src/index.js";

describe("explainUid", () => {
  const m = new MockSubnet({ n: 4, stakes: [1, 1, 1, 1], tempo: 0, maxAllowedValidators: 4 });
  m.block = 1n;
  m.epoch();
  m.block = 2n;
  for (const v of [0, 1]) m.setWeights(v, [2, 3], [43690, 21845]);
  m.replace(3);
  m.block = 3n;
  const input = m.input();
  const out = m.tm.runEpoch(input, { trace: true });

  it("says a weighted miner earns incentive", () => {
    expect(explainUid(input, out, 2).reasons[0]).toMatch(/^earns incentive/);
  });
  it("says every weight on a re-registered uid was masked as outdated", () => {
    expect(explainUid(input, out, 3).reasons[0]).toBe("every weight on this uid was masked: 2 outdated");
  });
  it("says a uid nobody weighted got no weights", () => {
    expect(explainUid(input, out, 1).reasons[0]).toBe("no validator set a weight on this uid");
  });
  it("says a validator earns dividends", () => {
    expect(explainUid(input, out, 0).reasons.some((r) => r.startsWith("earns dividends"))).toBe(true);
  });
  it("refuses an untraced result", () => {
    expect(() => explainUid(input, m.tm.runEpoch(input), 0)).toThrow(/trace/);
  });
});
