/**
 * The shape of a rule's table-driven tests, ESLint RuleTester style. One file per rule:
 * test/rules/<domain>/<kebab-name>.cases.ts, `export default` a RuleCases. The runner
 * (test/rules/rules.test.ts) analyses each `code` as a file named `path` in a temporary folder
 * (with `files` beside it), keeps only the findings of the rule under test, and compares.
 */

export interface ExpectedFinding {
  /** 1-based, as editors show them. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Substring the message must contain. */
  message?: string;
}

export interface RuleCase {
  name: string;
  code: string;
  /** File name of `code` (default: deploy.yaml, compose.yaml or main.tf by domain). */
  path?: string;
  /** Other files in the same folder, by name (for folder-level rules and Terraform modules). */
  files?: Record<string, string>;
}

export interface InvalidCase extends RuleCase {
  errors: ExpectedFinding[];
  /**
   * Titles of fixes that must be offered on the first finding. Every offered fix is applied by
   * the runner, which then checks the finding is gone and the file still parses.
   */
  fixes?: string[];
}

export interface RuleCases {
  valid: RuleCase[];
  invalid: InvalidCase[];
}
