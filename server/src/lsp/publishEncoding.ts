import type { ContentTypeEncoder, Diagnostic, Message } from 'vscode-languageserver/node';

/**
 * UTF-8 JSON of diagnostics that never change once made, by object, each followed by a comma.
 * An open document's diagnostics are mostly the same objects from one version to the next
 * (OpenDiagnostics reuses them), so a publish encodes only the new ones and copies the rest:
 * on a 20k-line Terraform file that is 2,000 diagnostics (0.7 MB of JSON) that were otherwise
 * stringified, and then copied into a buffer, on every keystroke.
 * `null` marks an object as reusable before its JSON is first needed.
 */
const fragments = new WeakMap<object, Buffer | null>();

/**
 * Lets the encoder remember a diagnostic's JSON for as long as the object lives. The JSON must
 * stay true to it, so it is frozen deeply here unless it comes frozen (then it must be frozen
 * whole: nested objects are not looked at).
 */
export function reusable(d: Diagnostic): Diagnostic {
  if (!Object.isFrozen(d)) deepFreeze(d);
  fragments.set(d, null);
  return d;
}

function deepFreeze(o: object): void {
  Object.freeze(o);
  for (const v of Object.values(o))
    if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) deepFreeze(v);
}

const PUBLISH = 'textDocument/publishDiagnostics';
const EMPTY_TAIL = '[]}}';
const CLOSE_LIST = 0x5d; // ']'

/**
 * `Buffer.from(JSON.stringify(msg))`, byte for byte, with the JSON of reusable diagnostics
 * taken from the cache. Anything but a plain publish notification is stringified as a whole.
 */
export function encodeMessage(msg: Message): Buffer {
  const params = (msg as { params?: unknown }).params;
  if ((msg as { method?: unknown }).method !== PUBLISH || !isPlainObject(msg) || !isPlainObject(params)) {
    return whole(msg);
  }
  const list = (params as { diagnostics?: unknown }).diagnostics;
  if (!Array.isArray(list) || list.length === 0) return whole(msg);
  // With an empty list the message must end in that list (params last, diagnostics last in
  // them) for the diagnostics to be spliced in its place.
  const head = JSON.stringify({ ...msg, params: { ...params, diagnostics: [] } });
  if (!head.endsWith(`"diagnostics":${EMPTY_TAIL}`)) return whole(msg);
  const parts: Buffer[] = [];
  let size = 0;
  for (const d of list as unknown[]) {
    let json = typeof d === 'object' && d !== null ? fragments.get(d) : undefined;
    if (json === undefined) {
      if (!isPlainObject(d)) return whole(msg);
      json = fragment(d);
    } else if (json === null) fragments.set(d as object, (json = fragment(d as object)));
    parts.push(json);
    size += json.length;
  }
  const open = Buffer.from(`${head.slice(0, -EMPTY_TAIL.length)}[`, 'utf8');
  const out = Buffer.allocUnsafe(open.length + size + 2);
  out.set(open, 0);
  let at = open.length;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  out[at - 1] = CLOSE_LIST; // in place of the last diagnostic's comma
  out.write('}}', at, 'utf8');
  return out;
}

function whole(msg: Message): Buffer {
  return Buffer.from(JSON.stringify(msg), 'utf8');
}

/** As an element of JSON.stringify's array (no `toJSON` on `d`), plus the separator. */
function fragment(d: object): Buffer {
  return Buffer.from(`${JSON.stringify(d)},`, 'utf8');
}

/** Objects JSON.stringify writes as their own properties (no `toJSON` of their own). */
function isPlainObject(v: unknown): v is object {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return (proto === Object.prototype || proto === null) && !Object.prototype.hasOwnProperty.call(v, 'toJSON');
}

/**
 * vscode-jsonrpc's `application/json` encoder with publishes encoded by `encodeMessage`
 * (the library's own: `Buffer.from(JSON.stringify(msg), charset)`).
 */
export const publishEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(msg, options) {
    try {
      const utf8 = options.charset === 'utf-8' || (options.charset as string) === 'utf8';
      return Promise.resolve(utf8 ? encodeMessage(msg) : Buffer.from(JSON.stringify(msg), options.charset));
    } catch (e) {
      return Promise.reject(e as Error);
    }
  },
};
