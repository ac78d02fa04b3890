// Regenerates docs/simulate-copier.svg (npm run build first): the weight-copier scenario over 120
// epochs under four settings, the copier's dividends per unit of stake relative to the honest
// validators', over a trailing 10-epoch window, from epoch 40 (in the first ten epochs, the copier is still
// building bonds: -26% to -66%). Every epoch is the lab's exact run.

import { writeFileSync } from "node:fs";
import { taomath, simulate, namedScenario, lineChart } from "../dist/index.js";

const tm = taomath();
const settings = [
  ["classic bonds", { yuma3_enabled: false }],
  ["classic, commit-reveal period 2", { yuma3_enabled: false, commit_reveal_enabled: true, reveal_period_epochs: 2 }],
  ["Yuma3", { yuma3_enabled: true }],
  ["Yuma3, commit-reveal period 2", { yuma3_enabled: true, commit_reveal_enabled: true, reveal_period_epochs: 2 }],
];
const series = settings.map(([name, hyperparameters]) => {
  const r = simulate(tm, namedScenario("weight-copier"), { epochs: 120, hyperparameters, recordBonds: false });
  const copier = r.validators.filter((v) => v.label === "copier").map((v) => v.uid);
  const honest = r.validators.filter((v) => v.strategy === "honest").map((v) => v.uid);
  const ret = (e, uids) => uids.reduce((a, u) => a + Number(e.validator_emission[u]), 0) / uids.reduce((a, u) => a + Number(e.stake[u]), 0);
  const values = r.epochs.map((_, i) => {
    const w = r.epochs.slice(Math.max(0, i - 9), i + 1);
    return (w.reduce((a, e) => a + ret(e, copier), 0) / w.reduce((a, e) => a + ret(e, honest), 0) - 1) * 100;
  });
  return { name, values: values.slice(40), all: values };
});
writeFileSync(new URL("./simulate-copier.svg", import.meta.url), lineChart("weight-copier: copier's dividends per stake vs honest (%, trailing 10 epochs), from epoch 40", series, { yLabel: "% vs honest", width: 760, height: 340, x0: 40 }) + "\n");
for (const s of series) console.log(`${s.name}: epochs 0-9 ${s.all[9].toFixed(2)}%, last 10 epochs ${s.all[119].toFixed(2)}%`);
