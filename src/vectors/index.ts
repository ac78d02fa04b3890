// taomath/vectors: run any shared golden-vector file (dispatching on its schema) and the canonical
// encodings used to compare results byte for byte across hosts.

export { runVectorFile, vectorRunners, type VectorRunner } from "./registry.js";
export { canonicalJson, sha256Hex, outputsBytes } from "./digest.js";
