import type { K8sRule } from '../types';
import { isRecord, isTemplated } from './objects';
import { allContainers, containerLabel } from './podSpec';
import { SECRETS } from './refs';

const SECRET_NAME =
  /(?:^|_|-)(?:PASS(?:WORD|WD)?|PWD|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|SECRET_?KEY|CREDENTIALS?|AUTH)(?:$|_|-)/i;
/** Names that hold a reference to a secret, or a setting about it, not the secret itself. */
const NOT_A_SECRET =
  /(?:_|-)(?:FILE|PATH|DIR|URL|URI|ENDPOINT|HOST|PORT|NAME|TYPE|LENGTH|EXPIRY|TTL|ENABLED|METHOD|HEADER|ID|SECRET_NAME|KEY_ID|REF)$/i;
const HARMLESS_VALUE = /^(?:true|false|yes|no|on|off|enabled|disabled|none|null|changeme|\*+|<.*>)$/i;

const rule: K8sRule = {
  meta: {
    id: 'k8s/secrets-in-env',
    title: 'Secret in a plain-text environment variable',
    severity: 'error',
    category: 'security',
    why: 'A secret written as a literal env `value` lives in the manifest, in version control and in every `kubectl get -o yaml` output, readable by anyone who can read the workload.',
    fix: 'Store the value in a Secret and reference it with `valueFrom.secretKeyRef` (or mount it as a file).',
    references: [SECRETS],
  },
  check(ctx) {
    for (const c of allContainers(ctx.objects)) {
      const env = c.value.env;
      if (!Array.isArray(env)) continue;
      env.forEach((e, i) => {
        if (!isRecord(e) || typeof e.name !== 'string' || e.valueFrom !== undefined) return;
        const value = e.value;
        if (
          typeof value !== 'string' ||
          value.trim() === '' ||
          isTemplated(value) ||
          HARMLESS_VALUE.test(value.trim())
        )
          return;
        if (!SECRET_NAME.test(e.name) || NOT_A_SECRET.test(e.name)) return;
        ctx.report(c.pod.obj, [...c.path, 'env', i, 'value'], {
          message: `${containerLabel(c)} sets ${e.name} to a plain-text value; use a secretKeyRef.`,
        });
      });
    }
  },
};

export default rule;
