import { appendFileSync } from 'node:fs';
// Drives Bulwark's server and yaml-language-server like an editor: open a file, then type
// single characters, waiting for the diagnostics of each version before the next keystroke.
import { pathToFileURL } from 'node:url';
import { LspClient, TimeoutError } from './lsp.mjs';
import { prng } from './corpus.mjs';

/**
 * Where keystrokes land: `count` edits in bursts of 5 typed characters at one spot, then a jump
 * to another spot. YAML: at the end of `name:`/`app:` values; Terraform: before the closing
 * quote of a string attribute. Each edit inserts one character; line numbers never change.
 */
export function planEdits(text, language, count, seed) {
  const lines = text.split('\n');
  const candidates = [];
  const re = language === 'terraform' ? /= "[^"$]*"$/ : /^\s+(?:name|app): \S+$/;
  lines.forEach((l, i) => re.test(l) && candidates.push(i));
  if (candidates.length === 0) throw new Error('no place to type in this file');
  const rnd = prng(seed);
  const edits = [];
  let line = 0;
  for (let k = 0; k < count; k++) {
    if (k % 5 === 0) line = candidates[Math.floor(rnd() * candidates.length)];
    const current = lines[line];
    const character = language === 'terraform' ? current.length - 1 : current.length;
    const ch = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)];
    lines[line] = current.slice(0, character) + ch + current.slice(character);
    edits.push({ line, character, text: ch });
  }
  return edits;
}

/**
 * Typing new code into Terraform blocks, as an editor sends it: at the end of an attribute line
 * of a random block, Enter (with the editor's indentation), then `note = "v"` a character at a
 * time, the quotes closed by the editor as it opens them. Every keystroke but the last two of
 * each line leaves the file with a syntax error, and Enter moves every block after it.
 */
export function planNewLines(text, count, seed) {
  const lines = text.split('\n');
  const candidates = [];
  lines.forEach((l, i) => /^ {2}\w+ += "[^"$]*"$/.test(l) && candidates.push(i));
  const rnd = prng(seed);
  const typed = [['\n  ', 1, 2], ['n'], ['o'], ['t'], ['e'], [' '], ['='], [' '], ['""'], ['v']];
  const edits = [];
  let line = 0;
  let character = 0;
  for (let k = 0; k < count; k++) {
    const step = k % typed.length;
    if (step === 0) {
      line = candidates[Math.floor(rnd() * candidates.length)];
      character = lines[line].length;
    }
    const [piece, down = 0, column] = typed[step];
    edits.push({ line, character, text: piece });
    const current = lines[line];
    const [head, ...rest] = (current.slice(0, character) + piece + current.slice(character)).split('\n');
    lines.splice(line, 1, head, ...rest);
    // Candidates below the new line moved down with it.
    for (let i = 0; i < candidates.length; i++) if (candidates[i] > line) candidates[i] += down;
    if (down) [line, character] = [line + down, column];
    else character += piece === '""' ? 1 : piece.length;
  }
  return edits;
}

function percentile(xs, p) {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

const CLIENT_CAPS = {
  textDocument: {
    publishDiagnostics: { versionSupport: true },
    synchronization: { dynamicRegistration: false },
  },
  workspace: { workspaceFolders: true },
};

/** `sections` answers the server's `workspace/configuration` pulls, by section name. */
async function startClient(command, args, folder, initializationOptions, sections = {}, env = {}) {
  const log = [];
  const client = new LspClient(command, args, { env, onLog: (s) => log.push(s) });
  client.onRequest('workspace/configuration', (p) => p.items.map((i) => sections[i.section] ?? null));
  const rootUri = pathToFileURL(folder).href;
  await client.request(
    'initialize',
    {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: CLIENT_CAPS,
      initializationOptions,
    },
    120_000,
  );
  return { client, log };
}

/**
 * One scenario: open `path` (already on disk inside `folder`), wait for its first diagnostics,
 * then type `edits`. `versioned` servers put the document version in publishDiagnostics.
 */
async function session(
  client,
  { path, text, languageId, edits, versioned, firstTimeoutMs, editTimeoutMs, deadline },
) {
  const uri = pathToFileURL(path).href;
  const isOurs = (version) => (p) => p.uri === uri && (!versioned || p.version === version);
  const firstWait = client.waitFor('textDocument/publishDiagnostics', isOurs(1), firstTimeoutMs);
  const opened = performance.now();
  client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  const result = { first: undefined, latencies: [], diagnostics: undefined, notes: [] };
  try {
    const first = await firstWait;
    result.first = first.at - opened;
    result.diagnostics = first.params.diagnostics;
  } catch (e) {
    if (!(e instanceof TimeoutError)) throw e;
    result.notes.push(`no diagnostics within ${firstTimeoutMs / 1000} s of opening`);
    return result;
  }
  let version = 1;
  for (const e of edits) {
    if (performance.now() > deadline) {
      result.notes.push(`stopped after ${result.latencies.length} edits (time budget)`);
      break;
    }
    version++;
    const wait = client.waitFor('textDocument/publishDiagnostics', isOurs(version), editTimeoutMs);
    const sent = performance.now();
    client.notify('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: e, end: e }, text: e.text }],
    });
    try {
      const got = await wait;
      result.latencies.push(got.at - sent);
      result.diagnostics = got.params.diagnostics;
    } catch (err) {
      if (!(err instanceof TimeoutError)) throw err;
      result.notes.push(`edit ${version - 1}: no diagnostics within ${editTimeoutMs / 1000} s`);
      break;
    }
  }
  return result;
}

function summarize(result, client) {
  if (process.env.BENCH_DUMP) appendFileSync(process.env.BENCH_DUMP, JSON.stringify(result.latencies) + '\n');
  return {
    first: result.first,
    p50: percentile(result.latencies, 50),
    p95: percentile(result.latencies, 95),
    edits: result.latencies.length,
    rss: client.peakRssMb(),
    diagnostics: result.diagnostics?.length,
    notes: result.notes,
    codes: new Set((result.diagnostics ?? []).map((d) => d.code)),
  };
}

/** Bulwark runs with its defaults (no debounce; open files up to 16 Mi characters analysed). */
export const BULWARK_SETTINGS = {};

export async function benchBulwark({
  root,
  folder,
  path,
  text,
  languageId,
  edits,
  firstTimeoutMs,
  editTimeoutMs,
  deadline,
  during,
  settings = {},
}) {
  const server = process.env.BENCH_SERVER ?? `${root}/dist/server.js`;
  const all = { ...BULWARK_SETTINGS, ...settings };
  // BENCH_NODE_ARGS: extra node flags for Bulwark's server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/p`.
  const nodeArgs = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const { client } = await startClient(
    process.execPath,
    [...nodeArgs, server, '--stdio'],
    folder,
    { settings: all },
    { bulwark: all },
  );
  try {
    const ready = client.waitFor('bulwark/ready', () => true, 120_000);
    const scanned = client.waitFor('bulwark/scanFinished', () => true, 600_000).catch(() => undefined);
    client.notify('initialized', {});
    await ready;
    const r = await session(client, {
      path,
      text,
      languageId,
      edits,
      versioned: true,
      firstTimeoutMs,
      editTimeoutMs,
      deadline,
    });
    const s = summarize(r, client);
    if (during === 'scan') {
      const done = await Promise.race([scanned, new Promise((res) => setTimeout(() => res('running'), 0))]);
      s.notes.push(
        done === 'running' ? 'edits ran during the workspace scan' : 'scan had finished before the last edit',
      );
    }
    if (s.codes.has('k8s/file-too-large') || s.codes.has('compose/file-too-large'))
      s.notes.push('server skipped the file (too large)');
    return s;
  } finally {
    await client.stop();
  }
}

/**
 * yaml-language-server with one local schema file for every `.yaml` file: validation on, schema
 * store and CRD store off, so it never reaches the network.
 */
export async function benchYamlls({
  root,
  folder,
  path,
  text,
  edits,
  schemaFile,
  firstTimeoutMs,
  editTimeoutMs,
  deadline,
}) {
  const bin = `${root}/node_modules/yaml-language-server/bin/yaml-language-server`;
  const settings = {
    yaml: {
      validate: true,
      hover: false,
      completion: false,
      format: { enable: false },
      schemaStore: { enable: false, url: '' },
      kubernetesCRDStore: { enable: false, url: '' },
      schemas: { [pathToFileURL(schemaFile).href]: ['*.yaml', '*.yml'] },
    },
  };
  const { client } = await startClient(process.execPath, [bin, '--stdio'], folder, settings, settings);
  try {
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings });
    const r = await session(client, {
      path,
      text,
      languageId: 'yaml',
      edits,
      versioned: false,
      firstTimeoutMs,
      editTimeoutMs,
      deadline,
    });
    return summarize(r, client);
  } finally {
    await client.stop();
  }
}
