// taomath/chain under Node: the light client plus connectNode, whose WebSocket is the `ws` package.

export * from "./index.js";
export { connectNode } from "../host/node-chain.js";
