import { allMetas, ruleMetas } from './registry';
import type { RuleMeta } from './types';

export type CatalogueFormat = 'json' | 'markdown';

/** The rule catalogue for `bulwark rules --format json|markdown`. */
export function formatRuleCatalogue(
  format: CatalogueFormat,
  metas: readonly RuleMeta[] = ruleMetas(),
): string {
  if (format === 'json') return `${JSON.stringify(metas, null, 2)}\n`;
  const rows = metas.map(
    (m) =>
      `| [${m.id}](${m.id}.md) | ${m.title.replace(/\|/g, '\\|')} | ${m.severity} | ${m.category} | ${m.fixable ? 'yes' : ''} |`,
  );
  return `# Bulwark rules\n\n${metas.length} rules.\n\n| Id | Title | Severity | Category | Quick fix |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`;
}

export { allMetas };
