/**
 * A deterministic corpus of malformed, random and unusual inputs for the analyzer and the CLI.
 * Everything is generated from a seeded PRNG or from the examples, so a failure reproduces.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../cli/run';

export interface CorpusCase {
  /** Unique, filesystem-safe. */
  name: string;
  /** File name the case is checked as: decides Terraform / Compose / Kubernetes. */
  fileName: string;
  bytes: Uint8Array;
}

/** mulberry32: small, fast, good enough to make varied inputs reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const pick = <T>(rng: () => number, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const int = (rng: () => number, max: number) => Math.floor(rng() * max);

const YAML_TOKENS = [
  'apiVersion: v1\n',
  'kind: Pod\n',
  'kind: List\n',
  'items:\n',
  'metadata:\n',
  '  name: x\n',
  'spec:\n',
  '  containers:\n',
  '  - name: c\n',
  '    image: nginx\n',
  'services:\n',
  '  web:\n',
  '    ports: ["80:80"]\n',
  '---\n',
  '...\n',
  '- ',
  '  ',
  '    ',
  ': ',
  ':',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '|',
  '>',
  '|-',
  '&a ',
  '*a',
  '<<: *a\n',
  '!!str ',
  '!custom ',
  '%YAML 1.2\n',
  '%TAG ! tag:x,2024:\n',
  '#',
  '# bulwark: kubernetes\n',
  '# bulwark: compose\n',
  '? ',
  '\t',
  '\n',
  '\r\n',
  '\r',
  'null',
  '~',
  'true',
  '0x1F',
  '1e309',
  '-.inf',
  '${VAR:-default}',
  'x-ext: 1\n',
  'é',
  '😀',
  '\u2028',
  '\ufeff',
  '\u0000',
  '\\',
  '@',
  '`',
];

const HCL_TOKENS = [
  'resource ',
  'data ',
  'variable ',
  'output ',
  'module ',
  'locals ',
  'terraform ',
  'provider ',
  'moved ',
  'import ',
  'check ',
  'removed ',
  'ephemeral ',
  'dynamic ',
  'content ',
  '"aws_s3_bucket" ',
  '"terraform_data" ',
  '"x" ',
  '{',
  '}',
  '{\n',
  '}\n',
  '[',
  ']',
  '(',
  ')',
  ' = ',
  '=',
  '==',
  '=>',
  '?',
  ':',
  ',',
  '.',
  '...',
  '*',
  'var.',
  'local.',
  'module.',
  'data.',
  'count.index',
  'each.key',
  'for_each',
  'count',
  'for x in y : ',
  '"${',
  '}"',
  '"%{ if x }',
  '%{ endif }"',
  '<<EOF\n',
  '<<-EOT\n',
  'EOF\n',
  'EOT\n',
  '# c\n',
  '// c\n',
  '/* c ',
  '*/',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '1.5e3',
  'true',
  'null',
  'foo',
  'bar_baz',
  'é',
  '😀',
  '\u0000',
];

function randomText(rng: () => number, tokens: readonly string[], n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += pick(rng, tokens);
  return s;
}

function exampleFiles(): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(tf|ya?ml)$/.test(name))
        out.push({ rel: relative(ROOT, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(join(ROOT, 'examples'));
  return out;
}

function fileNameFor(rel: string): string {
  const base = rel.split('/').pop() ?? rel;
  return /\.tf$/.test(base) ? 'main.tf' : /compose/.test(base) ? 'compose.yaml' : 'manifest.yaml';
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = bigEndian ? 0xfe : 0xff;
  out[1] = bigEndian ? 0xff : 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + 2 * i] = bigEndian ? c >> 8 : c & 0xff;
    out[3 + 2 * i] = bigEndian ? c & 0xff : c >> 8;
  }
  return out;
}

/** The whole corpus; `size` scales the number of random cases. */
export function buildCorpus(seed = 20240601, size = 60): CorpusCase[] {
  const rng = prng(seed);
  const cases: CorpusCase[] = [];
  const add = (name: string, fileName: string, content: string | Uint8Array) =>
    cases.push({ name, fileName, bytes: typeof content === 'string' ? utf8(content) : content });

  for (let i = 0; i < size; i++) {
    const bytes = new Uint8Array(int(rng, 4096));
    for (let j = 0; j < bytes.length; j++) bytes[j] = int(rng, 256);
    add(`random-bytes-${i}`, pick(rng, ['main.tf', 'compose.yaml', 'manifest.yaml']), bytes);
    add(
      `yamlish-${i}`,
      pick(rng, ['compose.yaml', 'manifest.yaml', 'other.yml']),
      randomText(rng, YAML_TOKENS, 20 + int(rng, 400)),
    );
    const k8sPrefix = 'apiVersion: apps/v1\nkind: Deployment\n';
    add(`k8s-tail-${i}`, 'manifest.yaml', k8sPrefix + randomText(rng, YAML_TOKENS, 20 + int(rng, 300)));
    add(`hclish-${i}`, 'main.tf', randomText(rng, HCL_TOKENS, 20 + int(rng, 400)));
  }

  for (const { rel, text } of exampleFiles()) {
    const slug = rel.replace(/[^a-z0-9]+/gi, '-');
    const fileName = fileNameFor(rel);
    for (let k = 0; k < 8; k++) add(`truncated-${slug}-${k}`, fileName, text.slice(0, int(rng, text.length)));
    for (let k = 0; k < 4; k++) {
      const a = int(rng, text.length);
      add(
        `spliced-${slug}-${k}`,
        fileName,
        text.slice(0, a) +
          randomText(rng, fileName.endsWith('.tf') ? HCL_TOKENS : YAML_TOKENS, 5) +
          text.slice(a),
      );
    }
    add(`bom-${slug}`, fileName, '\ufeff' + text);
    add(`crlf-${slug}`, fileName, text.replace(/\n/g, '\r\n'));
    add(`lone-cr-${slug}`, fileName, text.replace(/\n/g, '\r'));
    add(
      `mixed-eol-${slug}`,
      fileName,
      text.replace(/\n/g, () => pick(rng, ['\n', '\r\n', '\r'])),
    );
    add(`nul-${slug}`, fileName, text.slice(0, text.length >> 1) + '\u0000' + text.slice(text.length >> 1));
    add(`nul-late-${slug}`, fileName, text + '\n#' + 'x'.repeat(9000) + '\u0000\n');
    add(`utf16le-${slug}`, fileName, utf16(text, false));
    add(`utf16be-${slug}`, fileName, utf16(text, true));
    add(`utf16-nobom-${slug}`, fileName, utf16(text, false).subarray(2));
    add(`latin1-${slug}`, fileName, Uint8Array.from(Buffer.from(text.replace(/name/g, 'nåme'), 'latin1')));
    add(
      `invalid-utf8-${slug}`,
      fileName,
      Uint8Array.from([...utf8(text.slice(0, 200)), 0xc3, 0x28, 0xe2, 0x82, 0xff, ...utf8(text.slice(200))]),
    );
  }

  const depth = 3000;
  add(
    'deep-flow-seq',
    'manifest.yaml',
    `apiVersion: v1\nkind: ConfigMap\ndata: ${'['.repeat(depth)}${']'.repeat(depth)}\n`,
  );
  add(
    'deep-flow-map-unclosed',
    'manifest.yaml',
    `apiVersion: v1\nkind: ConfigMap\ndata: ${'{a: '.repeat(depth)}\n`,
  );
  add(
    'deep-block-map',
    'manifest.yaml',
    'apiVersion: v1\nkind: ConfigMap\ndata:\n' +
      Array.from({ length: 800 }, (_, i) => `${' '.repeat(i + 1)}k${i}:\n`).join(''),
  );
  add(
    'deep-block-seq',
    'compose.yaml',
    'services:\n  web:\n    command:\n' +
      Array.from({ length: 800 }, (_, i) => `${' '.repeat(i + 4)}-\n`).join(''),
  );
  add('deep-hcl-object', 'main.tf', `locals {\n  x = ${'{ a = '.repeat(depth)}1${' }'.repeat(depth)}\n}\n`);
  add('deep-hcl-unclosed', 'main.tf', `locals {\n  x = ${'{ a = ['.repeat(depth)}\n`);
  add(
    'deep-hcl-blocks',
    'main.tf',
    'resource "terraform_data" "x" {\n' +
      'dynamic "d" { content {\n'.repeat(500) +
      '}}\n'.repeat(500) +
      '}\n',
  );
  add('deep-hcl-parens', 'main.tf', `locals { x = ${'('.repeat(depth)}1${')'.repeat(depth)} }\n`);
  add(
    'alias-bomb',
    'manifest.yaml',
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: x}',
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
      'data: *i',
      '',
    ].join('\n'),
  );
  add('self-merge', 'compose.yaml', 'x-a: &a\n  <<: *a\nservices:\n  web:\n    <<: *a\n');
  add(
    'long-line-yaml',
    'manifest.yaml',
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  k: ${'v'.repeat(1_000_000)}\n`,
  );
  add(
    'long-line-yaml-flow',
    'compose.yaml',
    `services: {web: {image: x, environment: [${Array.from({ length: 50_000 }, (_, i) => `E${i}=v`).join(',')}]}}\n`,
  );
  add('long-line-hcl', 'main.tf', `locals {\n  x = "${'v'.repeat(1_000_000)}"\n}\n`);
  add(
    'long-line-hcl-list',
    'main.tf',
    `locals {\n  x = [${Array.from({ length: 50_000 }, (_, i) => i).join(',')}]\n}\n`,
  );
  add(
    'many-docs',
    'manifest.yaml',
    Array.from({ length: 3000 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join(
      '---\n',
    ),
  );
  add(
    'many-blocks',
    'main.tf',
    Array.from(
      { length: 3000 },
      (_, i) => `variable "v${i}" {\n  default = var.v${(i + 1) % 3000}\n}\n`,
    ).join(''),
  );
  add('empty-yaml', 'manifest.yaml', '');
  add('empty-compose', 'compose.yaml', '');
  add('empty-tf', 'main.tf', '');
  add('only-bom', 'compose.yaml', '\ufeff');
  add('only-separators', 'manifest.yaml', '---\n---\n...\n---\n');
  add('only-newlines-cr', 'main.tf', '\r\r\r\r');
  add(
    'surrogates',
    'manifest.yaml',
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "\ud800"}\ndata: {"\udfff": "😀😀"}\n',
  );
  add('tabs-indent', 'compose.yaml', 'services:\n\tweb:\n\t\timage: x\n');
  add(
    'kind-list-broken',
    'manifest.yaml',
    'apiVersion: v1\nkind: List\nitems:\n- 3\n- [a]\n- {apiVersion: 1, kind: [2]}\n- null\n',
  );
  add('wrong-top-level', 'compose.yaml', '- services\n- 1\n');
  add('scalar-top-level', 'manifest.yaml', '"apiVersion: v1\nkind: Pod"\n');
  add('compose-services-scalar', 'compose.yaml', 'services: 3\nvolumes: [1]\nnetworks: "x"\n');
  add('tf-heredoc-unclosed', 'main.tf', 'locals {\n  x = <<EOF\nabc\n');
  add('tf-template-unclosed', 'main.tf', 'locals {\n  x = "${var.a\n}\n');
  add('tf-only-closers', 'main.tf', '}}}}]]]))))\n');
  return cases;
}
