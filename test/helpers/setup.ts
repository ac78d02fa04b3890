// Property tests explore new random cases on every local run; in CI (CI=true) they use one fixed
// seed so that a landing is never decided by the dice. A failure prints its seed and path either way.

import fc from "fast-check";

if (process.env.CI === "true") fc.configureGlobal({ seed: 20261124 });
