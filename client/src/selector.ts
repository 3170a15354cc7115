import type { DocumentSelector } from 'vscode-languageclient/node';

/**
 * The documents the server checks. `.tf` files match by pattern whatever their language id:
 * without a Terraform extension installed they open as plain text.
 */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  { scheme: 'file', language: 'yaml' },
  { language: 'dockercompose' },
  { language: 'terraform' },
  { scheme: 'file', pattern: '**/*.tf' },
];
