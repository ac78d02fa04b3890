// Errors as sentences a user can act on. The worker reports a TaomathError (code, field, message);
// the page shows what went wrong and what to try, and keeps the code and field as data attributes
// for scripts, never in the text.

export interface PageError { code: string; field: string; message: string }

/** The TaomathError's own text without its "field: " prefix. */
function detail(e: PageError): string {
  return e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
}

/** What went wrong loading a subnet from a node, in plain words. */
export function nodeErrorText(e: PageError, url: string, netuid: number | string): string {
  const head = "Could not load the subnet from the node";
  switch (e.code) {
    case "unreachable":
      return `${head}: could not connect to ${url}. Check the address, that the node is running, and that it accepts WebSocket connections from this page.`;
    case "timeout":
      return `${head}: ${url} did not answer in time. Try again, or use another node.`;
    case "unknown_netuid":
      return `${head}: subnet ${netuid} does not exist on this node at that block.`;
    case "missing_storage":
      return `${head}: the node does not have all the chain storage the epoch needs (${detail(e)}). An archive node may have it.`;
    case "runtime_version":
      return `${head}: the node runs a runtime taomath cannot read yet (${detail(e)}).`;
    case "rpc_error":
      return `${head}: the node refused a request (${detail(e)}).`;
    case "malformed_scale":
      return `${head}: the node's answer could not be decoded (${detail(e)}).`;
    default:
      if (e.field === "url") return `${head}: the address must start with ws://, wss://, http:// or https://.`;
      if (e.field === "netuid") return `${head}: the netuid must be a whole number from 0 to 65535.`;
      if (e.field === "block") return `${head}: the block must be a whole number, or empty for the latest block.`;
      return internalOr(e, `${head}: ${detail(e)}.`);
  }
}

/** Why an input (a file, or a form's fields) was not accepted, in plain words. */
export function inputErrorText(e: PageError, what: string): string {
  return internalOr(e, `${what} was not accepted: ${e.field ? `${e.field}: ` : ""}${detail(e)}.`.replace(/\.\.$/, "."));
}

function internalOr(e: PageError, text: string): string {
  return e.code === "internal" ? `Something went wrong inside taomath (a bug, not your input): ${detail(e)}. Please report the input that caused it.` : text;
}
