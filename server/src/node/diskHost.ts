/**
 * The Node implementation of the core's AnalysisHost: the disk, seen through an optional overlay
 * (the editor's unsaved buffers). Shared by the language server and the CLI.
 */
import { closeSync, openSync, readSync, readdirSync, fstatSync } from 'node:fs';
import type { AnalysisHost } from '../core/analyzer';
import type { TerraformProviderSchemas } from '../core/terraform/check';

export interface HostOptions {
  /** Text that wins over the disk for a path (an open editor buffer), or undefined. */
  overlay?: (path: string) => string | undefined;
  /** Files larger than this read as missing through the host (default 8 MiB). */
  maxFileBytes?: number;
  providerSchemas?: (moduleDir: string) => TerraformProviderSchemas | undefined;
}

export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

export function createHost(options: HostOptions = {}): AnalysisHost {
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const host: AnalysisHost = {
    readFile(path) {
      const open = options.overlay?.(path);
      if (open !== undefined) return open;
      const r = readTextFile(path, maxBytes);
      return 'text' in r ? r.text : undefined;
    },
    listDir(dir) {
      try {
        return readdirSync(dir);
      } catch {
        return undefined;
      }
    },
  };
  if (options.providerSchemas) host.providerSchemas = options.providerSchemas;
  return host;
}

export type ReadResult = { text: string } | { skipped: 'missing' | 'too-large' | 'binary' | 'unreadable' };

/**
 * Reads a file as text the way an editor would: UTF-8 by default (invalid bytes become U+FFFD
 * rather than failing), a UTF-8 BOM stripped, UTF-16 recognised by its BOM. Files with NUL
 * bytes are binary and skipped; files over `maxBytes` are skipped without being read whole.
 */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { skipped: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { skipped: 'unreadable' };
    if (st.size > maxBytes) return { skipped: 'too-large' };
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    const text = decodeText(buf.subarray(0, got));
    return text === undefined ? { skipped: 'binary' } : { text };
  } catch {
    return { skipped: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** Text of a file's bytes, or undefined for binary content. */
export function decodeText(buf: Uint8Array): string | undefined {
  if (buf[0] === 0xff && buf[1] === 0xfe) return nulFree(new TextDecoder('utf-16le').decode(buf.subarray(2)));
  if (buf[0] === 0xfe && buf[1] === 0xff) return nulFree(new TextDecoder('utf-16be').decode(buf.subarray(2)));
  if (buf.includes(0)) return undefined;
  // TextDecoder strips a UTF-8 BOM itself (ignoreBOM defaults to false).
  return new TextDecoder('utf-8').decode(buf);
}

function nulFree(text: string): string | undefined {
  return text.includes('\u0000') ? undefined : text;
}
