import type { RuleMeta } from './types';

export const DOCS_MARKER = '<!-- Generated from the rule metadata by `npm run docs:rules`: do not edit. -->';

/** The docs page of a rule, docs/rules/<id>.md, generated from its metadata. */
export function ruleDocMarkdown(meta: RuleMeta): string {
  const refs = meta.references.map((r) => `- [${r.title}](${r.url})`).join('\n');
  return `# ${meta.id}

${DOCS_MARKER}

**${meta.title}**

| Default severity | Category | Quick fix |
| --- | --- | --- |
| ${meta.severity} | ${meta.category} | ${meta.fixable ? 'yes' : 'no'} |

## Why it matters

${meta.why}

## How to fix

${meta.fix}

## Configure or suppress

In \`.bulwark.yaml\`:

\`\`\`yaml
rules:
  ${meta.id}: off # or error | warning | info | hint
\`\`\`

On one finding (the line above it, or the end of its line):

\`\`\`
# bulwark-ignore ${meta.id} -- <why it is safe here>
\`\`\`

## References

${refs}
`;
}
