// Runs one mocha suite inside the extension host and records its counts for the e2e runner.
// Bundled to CommonJS (the extension host loads `run()` with require); mocha stays external.
import { writeFileSync } from 'node:fs';
import { format } from 'node:util';
import Mocha from 'mocha';
import { metrics } from './helpers';

export interface SuiteResult {
  suite: string;
  passes: number;
  failures: number;
  pending: number;
  failed: string[];
  metrics: Record<string, number>;
}

/**
 * Runs the tests `register` declares (with mocha's bdd globals in place). The launcher reads
 * only console lines carrying BULWARK_E2E_CONSOLE_MARK, so the reporter's lines carry it.
 */
export function runMocha(suite: string, register: () => void): Promise<void> {
  const mark = process.env.BULWARK_E2E_CONSOLE_MARK ?? '';
  const base = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  const log = console.log.bind(console);
  base.consoleLog = (...args: unknown[]) => log(mark + format(...args));
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 120_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, suite, mocha);
  register();
  return new Promise((resolve, reject) => {
    const failed: string[] = [];
    const runner = mocha.run((failures) => {
      const stats = runner.stats;
      const result: SuiteResult = {
        suite,
        passes: stats?.passes ?? 0,
        failures: stats?.failures ?? failures,
        pending: stats?.pending ?? 0,
        failed,
        metrics,
      };
      const file = process.env.BULWARK_E2E_RESULTS;
      if (file) writeFileSync(file, JSON.stringify(result, null, 2));
      if (failures > 0) reject(new Error(`${failures} test(s) failed in ${suite}`));
      else resolve();
    });
    runner.on('fail', (test) => failed.push(test.fullTitle()));
  });
}
