import { fileURLToPath, pathToFileURL } from 'node:url';

/** File-system path of a `file:` URI, or undefined for other schemes (untitled:, git:, ...). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

const EXT_BY_LANGUAGE: Record<string, string> = {
  yaml: '.yaml',
  dockercompose: '/compose.yaml',
  terraform: '.tf',
};

/**
 * The path the core classifies a document by. Unsaved (untitled) buffers have no file name, so
 * their language id stands in for the extension.
 */
export function analysisPath(uri: string, languageId: string): string {
  const path = uriToPath(uri);
  if (path !== undefined) return path;
  const name = uri.replace(/^[a-z][a-z0-9+.-]*:/i, '').replace(/[^\w.-]+/g, '_') || 'untitled';
  return `/${name}${EXT_BY_LANGUAGE[languageId] ?? ''}`;
}
