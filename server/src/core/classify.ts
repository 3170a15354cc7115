import type { FileKind } from './types';

/** `config`: a `.bulwark.yaml`, checked against Bulwark's own schema. */
export type Classification = FileKind | 'ignore' | 'config';

const MODELINE = /^\s*#\s*bulwark:\s*(kubernetes|k8s|compose|terraform|ignore)\b/im;
const TF_MODELINE = /^\s*#\s*bulwark:\s*(ignore)\b/im;
const COMPOSE_NAME = /^(?:docker-)?compose(?:[.-][^/\\]*)?\.ya?ml$/i;
const YAML_NAME = /\.ya?ml$/i;
const TF_NAME = /\.tf$/i;
const BULWARK_CONFIG = /^\.bulwark\.ya?ml$/;
const KUSTOMIZATION = /^kustomization\.ya?ml$/i;

/** How far into a file a modeline may stand: its first lines, as in editors. */
const MODELINE_SCAN = 2048;

/** The modeline's mode, if the head of `text` has one (a plain search first: most files have none). */
function modeline(text: string, re: RegExp): string | undefined {
  const head = text.slice(0, MODELINE_SCAN);
  return /bulwark/i.test(head) ? re.exec(head)?.[1]?.toLowerCase() : undefined;
}

/**
 * Decides which checker a file goes to. Precedence, as in yaml-language-server:
 * modeline, then file name, then content.
 */
export function classify(path: string, text: string): Classification {
  const base = path.split(/[\\/]/).pop() ?? path;
  if (TF_NAME.test(base)) {
    return modeline(text, TF_MODELINE) ? 'ignore' : 'terraform';
  }
  if (!YAML_NAME.test(base)) return 'other';
  if (BULWARK_CONFIG.test(base)) return 'config';
  const mode = modeline(text, MODELINE);
  if (mode === 'ignore') return 'ignore';
  if (mode === 'kubernetes' || mode === 'k8s') return 'kubernetes';
  if (mode === 'compose') return 'compose';
  if (KUSTOMIZATION.test(base)) return 'other';
  if (COMPOSE_NAME.test(base)) return 'compose';
  return classifyYamlContent(text);
}

/**
 * Content sniffing on top-level keys only (no parse), so broken files still classify and large
 * files classify in one linear scan.
 */
export function classifyYamlContent(text: string): FileKind {
  let apiVersion = false;
  let kind = false;
  let services = false;
  const re = /^(apiVersion|kind|services)[ \t]*:/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] === 'apiVersion') apiVersion = true;
    else if (m[1] === 'kind') kind = true;
    else services = true;
    if (apiVersion && kind) return 'kubernetes';
  }
  if (services && !apiVersion) return 'compose';
  return 'other';
}
