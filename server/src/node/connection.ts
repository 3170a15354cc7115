import { inspect } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
  type MessageWriter,
  type RemoteConsole,
} from 'vscode-languageserver/node';
import { publishEncoder } from '../lsp/publishEncoding';

const TRANSPORT = /^--(?:node-ipc|stdio|socket|pipe)(?:=|$)/;

/**
 * The server's connection, on the transport of the command line as `createConnection` picks it.
 * Over stdio, messages are written with `publishEncoder`, which re-uses the JSON of diagnostics
 * unchanged since the last publish (the same bytes as the default encoder); the VS Code client
 * starts the server on stdio for that. Node IPC serialises messages itself, so there the
 * library's writer stays.
 */
export function createServerConnection(argv = process.argv.slice(2)): Connection {
  if (transportOf(argv) !== '--stdio') return createConnection(ProposedFeatures.all);
  const writer: MessageWriter = new StreamMessageWriter(process.stdout, {
    contentTypeEncoder: publishEncoder,
  });
  // A stream as the input keeps the library's exit when the client closes it; a writer as the
  // output is taken as is. The typings want both to be streams or both reader and writer.
  const connection = createConnection(
    ProposedFeatures.all,
    process.stdin,
    writer as unknown as NodeJS.WritableStream,
  );
  redirectConsole(connection.console);
  return connection;
}

/** The transport flag `createConnection` goes by: the first one on the command line. */
export function transportOf(argv: readonly string[]): string | undefined {
  return argv.find((a) => TRANSPORT.test(a));
}

/**
 * Stdout carries the protocol: console output goes to the client's log instead, as the library
 * does when it picks stdio itself.
 */
export function redirectConsole(log: Pick<RemoteConsole, 'log' | 'info' | 'warn' | 'error'>): void {
  const text = (args: unknown[]) => args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
  const counts = new Map<string, number>();
  console.log = (...args: unknown[]) => log.log(text(args));
  console.info = (...args: unknown[]) => log.info(text(args));
  console.debug = (...args: unknown[]) => log.log(text(args));
  console.warn = (...args: unknown[]) => log.warn(text(args));
  console.error = (...args: unknown[]) => log.error(text(args));
  console.dir = (item: unknown, options?: object) => log.log(inspect(item, options));
  console.trace = (...args: unknown[]) => {
    const stack = (new Error().stack ?? '').replace(/(.+\n){2}/, '');
    log.log(`Trace${args.length ? `: ${text(args)}` : ''}\n${stack}`);
  };
  console.assert = (ok?: unknown, ...args: unknown[]) => {
    if (!ok) log.error(args.length ? `Assertion failed: ${text(args)}` : 'Assertion failed');
  };
  console.count = (label = 'default') => {
    const n = (counts.get(String(label)) ?? 0) + 1;
    counts.set(String(label), n);
    log.log(`${String(label)}: ${n}`);
  };
  console.countReset = (label?: string) => {
    if (label === undefined) counts.clear();
    else counts.delete(String(label));
  };
}
