// Entry point the extension host loads (`--extensionTestsPath`): the empty-window suite.
import { registerEmptyTests } from './empty.test';
import { runMocha } from './mochaRunner';

export function run(): Promise<void> {
  return runMocha('empty', registerEmptyTests);
}
