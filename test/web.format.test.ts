// The dashboard's number formats (web/src/format.ts): exact TAO from rao, grouped integers and
// short axis labels.

import { describe, it, expect } from "vitest";
import { compactNumber, groupDigits, shortKey, taoText } from "../web/src/format.js";

describe("dashboard number formats", () => {
  it("groups integer digits by thousands", () => {
    expect(groupDigits("15750000")).toBe("15,750,000");
    expect(groupDigits("999")).toBe("999");
    expect(groupDigits("-1234")).toBe("-1,234");
  });

  it("writes rao as TAO exactly, grouped, without trailing zeros", () => {
    expect(taoText("15750000000000000")).toBe("15,750,000");
    expect(taoText(250_000_000n)).toBe("0.25");
    expect(taoText("18446744073709551615")).toBe("18,446,744,073.709551615");
    expect(taoText("1")).toBe("0.000000001");
    expect(taoText("0")).toBe("0");
  });

  it("shortens axis numbers with k and M instead of long decimals", () => {
    expect(compactNumber(300_000)).toBe("300k");
    expect(compactNumber(1_500)).toBe("1.5k");
    expect(compactNumber(2_000_000)).toBe("2M");
    expect(compactNumber(10)).toBe("10");
    expect(compactNumber(0.05)).toBe("0.05");
  });

  it("shortens a hotkey to its first six and last four characters", () => {
    expect(shortKey("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")).toBe("5Grwva…utQY");
  });
});
