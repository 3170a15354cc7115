// Entry point the extension host loads (`--extensionTestsPath`): the fixture-workspace suite.
import { runMocha } from './mochaRunner';
import { registerDeployTests } from './deploy.test';
import { registerPanelTests } from './panels.test';
import { registerWorkspaceTests } from './workspace.test';

export function run(): Promise<void> {
  return runMocha('workspace', () => {
    registerWorkspaceTests();
    registerPanelTests();
    registerDeployTests();
  });
}
