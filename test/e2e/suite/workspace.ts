// Entry point the extension host loads (`--extensionTestsPath`): the fixture-workspace suite.
import { runMocha } from './mochaRunner';
import { registerWorkspaceTests } from './workspace.test';

export function run(): Promise<void> {
  return runMocha('workspace', registerWorkspaceTests);
}
