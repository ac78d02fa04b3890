// The token-economics entry points (dynamic TAO pool, share pool, registration burn, staking
// arithmetic), gathered so that index.ts needs one line for them.

export * from "./swap";
export * from "./superellipse";
export * from "./sharepool";
export * from "./burn";
export * from "./staking";
