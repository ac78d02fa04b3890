// Accounts as people hold them: an SS58 address (5…) or a 32-byte public key in hex name the same
// account, so a hotkey typed one way finds the uid of a state that lists it the other way.

import { getSs58AddressInfo } from "@polkadot-api/substrate-bindings";

/** The account's public key as lowercase hex without 0x, or undefined when it is neither form. */
export function publicKeyHex(account: string): string | undefined {
  if (/^0x[0-9a-fA-F]{64}$/.test(account)) return account.slice(2).toLowerCase();
  const info = getSs58AddressInfo(account);
  if (!info.isValid || info.publicKey.length !== 32) return undefined;
  return Array.from(info.publicKey, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The uid whose hotkey is `account` in either form, or undefined. */
export function uidOfAccount(hotkeys: readonly unknown[], account: string): number | undefined {
  const exact = hotkeys.indexOf(account);
  if (exact >= 0) return exact;
  const key = publicKeyHex(account);
  if (key === undefined) return undefined;
  const uid = hotkeys.findIndex((h) => typeof h === "string" && publicKeyHex(h) === key);
  return uid >= 0 ? uid : undefined;
}
