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
const COMMA = 0x2c;

/**
 * The last publish of each of a few documents: its diagnostics and where each one's JSON starts
 * in its bytes. The next publish of the document is mostly the same diagnostics in the same
 * order (a keystroke changes a few of thousands), so it copies the unchanged runs at its start
 * and end from those bytes in two moves, instead of looking up and copying 2,000 fragments.
 */
interface LastPublish {
  list: readonly unknown[];
  bytes: Buffer;
  /** `starts[i]`: offset of item i's JSON in `bytes`; `starts[n]`: just past the last comma. */
  starts: Int32Array;
}

const lastPublish = new Map<string, LastPublish>();
/** Documents whose last publish is kept (most recently published last). */
const KEPT_PUBLISHES = 8;

/**
 * `Buffer.from(JSON.stringify(msg))`, byte for byte, with the JSON of reusable diagnostics
 * taken from the cache (or from the document's last publish). Anything but a plain publish
 * notification is stringified as a whole.
 */
export function encodeMessage(msg: Message): Buffer {
  const params = (msg as { params?: unknown }).params;
  if ((msg as { method?: unknown }).method !== PUBLISH || !isPlainObject(msg) || !isPlainObject(params)) {
    return whole(msg);
  }
  const list = (params as { diagnostics?: unknown }).diagnostics;
  const uri = (params as { uri?: unknown }).uri;
  const key = typeof uri === 'string' ? uri : undefined;
  const last = key === undefined ? undefined : lastPublish.get(key);
  if (key !== undefined) lastPublish.delete(key);
  if (!Array.isArray(list) || list.length === 0) return whole(msg);
  // With an empty list the message must end in that list (params last, diagnostics last in
  // them) for the diagnostics to be spliced in its place.
  const head = JSON.stringify({ ...msg, params: { ...params, diagnostics: [] } });
  if (!head.endsWith(`"diagnostics":${EMPTY_TAIL}`)) return whole(msg);
  const n = list.length;
  // Items the same (reusable) objects as at the start and at the end of the last publish.
  let prefix = 0;
  let suffix = 0;
  if (last) {
    const was = last.list;
    const most = Math.min(n, was.length);
    while (prefix < most && list[prefix] === was[prefix] && fragments.has(list[prefix] as object)) prefix++;
    while (
      suffix < most - prefix &&
      list[n - 1 - suffix] === was[was.length - 1 - suffix] &&
      fragments.has(list[n - 1 - suffix] as object)
    )
      suffix++;
  }
  const middle: Buffer[] = [];
  let size = 0;
  for (let i = prefix; i < n - suffix; i++) {
    const d = list[i] as unknown;
    let json = typeof d === 'object' && d !== null ? fragments.get(d) : undefined;
    if (json === undefined) {
      if (!isPlainObject(d)) return whole(msg);
      json = fragment(d);
    } else if (json === null) fragments.set(d as object, (json = fragment(d as object)));
    middle.push(json);
    size += json.length;
  }
  const open = Buffer.from(`${head.slice(0, -EMPTY_TAIL.length)}[`, 'utf8');
  let prefixBytes = 0;
  let suffixBytes = 0;
  if (last) {
    const ws = last.starts;
    const wn = last.list.length;
    prefixBytes = (ws[prefix] as number) - (ws[0] as number);
    suffixBytes = (ws[wn] as number) - (ws[wn - suffix] as number);
  }
  const out = Buffer.allocUnsafe(open.length + prefixBytes + size + suffixBytes + 2);
  const starts = new Int32Array(n + 1);
  out.set(open, 0);
  let at = open.length;
  if (last && prefix > 0) {
    const ws = last.starts;
    const shift = at - (ws[0] as number);
    last.bytes.copy(out, at, ws[0] as number, ws[prefix] as number);
    for (let i = 0; i < prefix; i++) starts[i] = (ws[i] as number) + shift;
    at += prefixBytes;
    // The last publish's last item ended the list: here more may follow.
    if (prefix === last.list.length) out[at - 1] = COMMA;
  }
  for (let i = 0; i < middle.length; i++) {
    const p = middle[i] as Buffer;
    starts[prefix + i] = at;
    out.set(p, at);
    at += p.length;
  }
  if (last && suffix > 0) {
    const ws = last.starts;
    const wn = last.list.length;
    const from = ws[wn - suffix] as number;
    const shift = at - from;
    last.bytes.copy(out, at, from, ws[wn] as number);
    for (let i = 0; i < suffix; i++) starts[n - suffix + i] = (ws[wn - suffix + i] as number) + shift;
    at += suffixBytes;
  }
  starts[n] = at;
  out[at - 1] = CLOSE_LIST; // in place of the last diagnostic's comma
  out.write('}}', at, 'utf8');
  if (key !== undefined) {
    // The bytes kept hold a `]` in place of the last comma: its run is copied, then put right.
    lastPublish.set(key, { list: list.slice(), bytes: out, starts });
    if (lastPublish.size > KEPT_PUBLISHES) lastPublish.delete(lastPublish.keys().next().value as string);
  }
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
