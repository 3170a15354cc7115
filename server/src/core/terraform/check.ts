import type { AnalysisHost } from '../analyzer';
import type { Finding } from '../types';

/** `terraform providers schema -json` output, as much of it as the checks read. */
export interface TerraformProviderSchemas {
  provider_schemas?: Record<string, unknown>;
}

/** Terraform syntax and core-language checks. (Stub: filled in by the Terraform work.) */
export class TerraformChecker {
  static async create(_assetsDir: string): Promise<TerraformChecker> {
    return new TerraformChecker();
  }

  check(_path: string, _text: string, _host: AnalysisHost): Finding[] {
    return [];
  }

  forget(_path: string): void {}
}
