import type { Finding, Range } from '../../types';
import type { TfFile, TfModule } from '../model';

/** What every core Terraform check gets: the whole folder, and the file findings are for. */
export interface TfCheckContext {
  module: TfModule;
  file: TfFile;
}

export function finding(ruleId: string, range: Range, message: string): Finding {
  return { ruleId, severity: 'error', message, range };
}

/** `dir/name.tf:12` for messages pointing at another declaration. */
export function where(path: string, range: Range, currentPath: string): string {
  const name = path === currentPath ? 'this file' : (path.split(/[\\/]/).pop() ?? path);
  return `${name}:${range.start.line + 1}`;
}
