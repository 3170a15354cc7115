// Guardrails, pure: environments from .bulwark.yaml, deployment windows (time zones, DST,
// midnight), confirmation text, protected confirmation, promotion, gates and overrides.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { AuditRecord } from '../../client/src/deploy/audit';
import { environmentsFromConfigText } from '../../client/src/deploy/environments';
import {
  checkProtectedConfirmation,
  composeServicesWithoutHealthcheck,
  confirmationText,
  decideGates,
  errorsGate,
  kubeWorkloadsWithoutProbes,
  promotionGate,
  type GateResult,
} from '../../client/src/deploy/guardrails';
import type { DeployWindow, Environment } from '../../client/src/deploy/types';
import { checkWindows, inWindow } from '../../client/src/deploy/windows';

const CONFIG = `
environments:
  dev: {}
  staging:
    kube: { context: kind-staging, namespace: shop }
  prod:
    protected: true
    kube: { context: prod-eu, namespace: shop }
    terraform: { workspace: prod, varFiles: [prod.tfvars] }
    compose: { project: shop-prod, envFile: prod.env }
    windows:
      - { days: [mon, tue, wed, thu, fri], start: '09:00', end: '17:00', timeZone: Europe/Berlin }
    promotesFrom: staging
    autoRollback: true
`;

function env(name: string, patch: Partial<Environment> = {}): Environment {
  return {
    name,
    protected: false,
    kube: {},
    terraform: { varFiles: [] },
    compose: {},
    windows: [],
    autoRollback: false,
    ...patch,
  };
}

describe('environments from .bulwark.yaml', () => {
  test('parses every per-tool setting', () => {
    const r = environmentsFromConfigText(CONFIG);
    assert.deepEqual(r.errors, []);
    assert.deepEqual(
      r.environments.map((e) => e.name),
      ['dev', 'staging', 'prod'],
    );
    const prod = r.environments[2]!;
    assert.equal(prod.protected, true);
    assert.deepEqual(prod.kube, { context: 'prod-eu', namespace: 'shop' });
    assert.deepEqual(prod.terraform, { workspace: 'prod', varFiles: ['prod.tfvars'] });
    assert.deepEqual(prod.compose, { project: 'shop-prod', envFile: 'prod.env' });
    assert.deepEqual(prod.windows[0], {
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      start: '09:00',
      end: '17:00',
      timeZone: 'Europe/Berlin',
    });
    assert.equal(prod.promotesFrom, 'staging');
    assert.equal(prod.autoRollback, true);
    assert.equal(r.environments[0]!.autoRollback, false);
  });

  const invalid: [string, string, string][] = [
    [
      'bad time',
      `environments: { p: { windows: [{ days: [mon], start: '9am', end: '17:00', timeZone: UTC }] } }`,
      'environments.p.windows[0].start: expected a 24-hour time "HH:MM", got "9am"',
    ],
    [
      'bad zone',
      `environments: { p: { windows: [{ days: [mon], start: '09:00', end: '17:00', timeZone: Mars/Olympus }] } }`,
      'environments.p.windows[0].timeZone: expected an IANA time zone such as "Europe/Berlin", got "Mars/Olympus"',
    ],
    [
      'bad day',
      `environments: { p: { windows: [{ days: [funday], start: '09:00', end: '17:00', timeZone: UTC }] } }`,
      'environments.p.windows[0].days[0]: "funday" is not a weekday (mon..sun)',
    ],
    [
      'unknown key',
      `environments: { p: { protect: true } }`,
      'environments.p.protect: unknown key (known: protected, kube, terraform, compose, windows, promotesFrom, autoRollback)',
    ],
    [
      'missing source',
      `environments: { p: { promotesFrom: qa } }`,
      'environments.p.promotesFrom: no environment named "qa"',
    ],
    [
      'non-boolean',
      `environments: { p: { protected: 'yes' } }`,
      'environments.p.protected: expected true or false',
    ],
    [
      'varFiles',
      `environments: { p: { terraform: { varFiles: prod.tfvars } } }`,
      'environments.p.terraform.varFiles: expected a list of file paths',
    ],
  ];
  for (const [name, text, error] of invalid) {
    test(`rejects ${name} with a message naming the key`, () => {
      assert.deepEqual(environmentsFromConfigText(text).errors, [error]);
    });
  }
});

describe('deployment windows', () => {
  const berlin: DeployWindow = {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '09:00',
    end: '17:00',
    timeZone: 'Europe/Berlin',
  };
  const cases: [string, DeployWindow, string, boolean][] = [
    ['Berlin winter 09:30 CET (08:30Z)', berlin, '2024-01-15T08:30:00Z', true],
    ['Berlin winter 08:30 CET (07:30Z)', berlin, '2024-01-15T07:30:00Z', false],
    ['Berlin summer 09:30 CEST (07:30Z)', berlin, '2024-07-15T07:30:00Z', true],
    ['Berlin summer 17:30 CEST (15:30Z)', berlin, '2024-07-15T15:30:00Z', false],
    // DST starts Sun 2024-03-31 in the EU; Monday 1 April 07:00Z is 09:00 CEST (it was 08:00 a week earlier).
    ['Berlin first Monday after spring forward, 07:00Z', berlin, '2024-04-01T07:00:00Z', true],
    ['Berlin last Monday before spring forward, 07:00Z', berlin, '2024-03-25T07:00:00Z', false],
    // DST ends Sun 2024-10-27: the same 15:30Z is 17:30 CEST (closed) before and 16:30 CET (open) after.
    ['Berlin Monday after fall back, 15:30Z = 16:30 CET', berlin, '2024-10-28T15:30:00Z', true],
    ['Berlin Monday before fall back, 15:30Z = 17:30 CEST', berlin, '2024-10-21T15:30:00Z', false],
    ['weekend', berlin, '2024-01-13T10:00:00Z', false],
    [
      'New York 09:00 EST is 14:00Z',
      { ...berlin, timeZone: 'America/New_York' },
      '2024-01-15T14:00:00Z',
      true,
    ],
    [
      'New York 09:00 EDT is 13:00Z',
      { ...berlin, timeZone: 'America/New_York' },
      '2024-07-15T13:00:00Z',
      true,
    ],
    ['New York 08:59 EST', { ...berlin, timeZone: 'America/New_York' }, '2024-01-15T13:59:00Z', false],
  ];
  const night: DeployWindow = { days: ['fri'], start: '22:00', end: '02:00', timeZone: 'Asia/Tokyo' };
  cases.push(
    ['midnight-spanning: Friday 23:00 Tokyo', night, '2024-01-19T14:00:00Z', true],
    ['midnight-spanning: Saturday 01:30 Tokyo belongs to Friday', night, '2024-01-19T16:30:00Z', true],
    ['midnight-spanning: Saturday 02:00 Tokyo is the end', night, '2024-01-19T17:00:00Z', false],
    ['midnight-spanning: Friday 01:00 Tokyo belongs to Thursday', night, '2024-01-18T16:00:00Z', false],
    ['midnight-spanning: Saturday 23:00 Tokyo', night, '2024-01-20T14:00:00Z', false],
  );
  for (const [name, w, at, expected] of cases) {
    test(`${name}: ${expected ? 'inside' : 'outside'}`, () => {
      assert.equal(inWindow(w, new Date(at)), expected);
    });
  }

  test('no windows: always allowed; outside: the message names the windows', () => {
    assert.equal(checkWindows([], new Date()).allowed, true);
    const c = checkWindows([berlin], new Date('2024-01-13T10:00:00Z'));
    assert.equal(c.allowed, false);
    assert.match(c.message, /mon,tue,wed,thu,fri 09:00-17:00 Europe\/Berlin/);
  });
});

describe('confirmations', () => {
  const prod = env('prod', { protected: true, kube: { context: 'prod-eu', namespace: 'shop' } });

  test('the text names target, environment, context/namespace and change counts', () => {
    const text = confirmationText({
      action: 'deploy',
      kind: 'kubernetes',
      target: 'k8s/shop',
      environment: prod,
      scope: { context: 'prod-eu', namespace: 'shop' },
      counts: { add: 1, change: 2, replace: 0, destroy: 0 },
    });
    assert.equal(
      text,
      'Deploy k8s/shop to prod (context prod-eu, namespace shop): 1 to add, 2 to change, 0 to replace, 0 to destroy. prod is protected: type its name to confirm.',
    );
    assert.equal(
      confirmationText({
        action: 'deploy',
        kind: 'terraform',
        target: 'infra',
        environment: env('dev'),
        scope: { workspace: 'dev' },
        counts: { add: 0, change: 0, replace: 1, destroy: 2 },
      }),
      'Deploy infra to dev (workspace dev): 0 to add, 0 to change, 1 to replace, 2 to destroy.',
    );
  });

  test('a protected environment needs its exact name typed', () => {
    assert.equal(checkProtectedConfirmation(prod, 'prod').ok, true);
    assert.equal(checkProtectedConfirmation(prod, ' prod ').ok, true);
    assert.equal(checkProtectedConfirmation(prod, 'Prod').ok, false);
    assert.equal(checkProtectedConfirmation(prod, undefined).ok, false);
    assert.match(checkProtectedConfirmation(prod, 'staging').message, /type "prod" exactly/);
    assert.equal(checkProtectedConfirmation(env('dev'), undefined).ok, true);
  });
});

describe('promotion', () => {
  const rec = (environment: string, commit: string, result: AuditRecord['result']): AuditRecord => ({
    id: `${environment}-${commit}`,
    phase: 'end',
    time: '2024-01-01T00:00:00Z',
    user: 'u',
    host: 'h',
    action: 'deploy',
    tool: 'terraform',
    target: 't',
    environment,
    scope: {},
    git: { commit },
    result,
  });
  const audit = [rec('staging', 'aaa111', 'success'), rec('staging', 'bbb222', 'failure')];

  test('passes when the commit was deployed successfully to the source', () => {
    const g = promotionGate(env('prod', { protected: true, promotesFrom: 'staging' }), 'aaa111', audit);
    assert.equal(g?.ok, true);
  });
  test('a protected target refuses (blocker) a commit that failed or never reached the source', () => {
    const g = promotionGate(env('prod', { protected: true, promotesFrom: 'staging' }), 'bbb222', audit);
    assert.deepEqual([g?.ok, g?.severity], [false, 'blocker']);
    assert.match(g!.message, /never deployed successfully to staging/);
  });
  test('an unprotected target only warns', () => {
    const g = promotionGate(env('qa', { promotesFrom: 'staging' }), 'ccc333', audit);
    assert.deepEqual([g?.ok, g?.severity], [false, 'warning']);
    assert.equal(decideGates([g!], []).allowed, true);
  });
  test('no promotesFrom: no gate', () => {
    assert.equal(promotionGate(env('dev'), 'aaa111', audit), undefined);
  });
});

describe('gates and overrides', () => {
  const failing: GateResult[] = [
    errorsGate([{ file: 'k8s/app.yaml', line: 12, ruleId: 'k8s/schema-unknown-field', message: 'x' }]),
    { id: 'window', ok: false, severity: 'blocker', message: 'outside' },
    { id: 'health-checks', ok: true, severity: 'blocker', message: 'ok' },
  ];

  test('failing blockers refuse without overrides', () => {
    const d = decideGates(failing, []);
    assert.equal(d.allowed, false);
    assert.deepEqual(
      d.blocking.map((g) => g.id),
      ['no-errors', 'window'],
    );
    assert.match(
      failing[0]!.message,
      /1 error-level finding\(s\) in the target's files: k8s\/app.yaml:12 k8s\/schema-unknown-field/,
    );
  });
  test('an override needs a real reason, and is recorded', () => {
    const d1 = decideGates(failing, [
      { gate: 'no-errors', reason: 'false positive, see #12' },
      { gate: 'window', reason: '  ' },
    ]);
    assert.equal(d1.allowed, false);
    assert.deepEqual(
      d1.blocking.map((g) => g.id),
      ['window'],
    );
    const d2 = decideGates(failing, [
      { gate: 'no-errors', reason: 'false positive, see #12' },
      { gate: 'window', reason: 'hotfix for incident 42' },
    ]);
    assert.equal(d2.allowed, true);
    assert.deepEqual(d2.used, [
      { gate: 'no-errors', reason: 'false positive, see #12' },
      { gate: 'window', reason: 'hotfix for incident 42' },
    ]);
  });

  test('health checks: kubernetes probes and compose healthchecks', () => {
    const docs = [
      {
        kind: 'Deployment',
        metadata: { name: 'web' },
        spec: {
          template: { spec: { containers: [{ name: 'web', readinessProbe: {} }, { name: 'sidecar' }] } },
        },
      },
      { kind: 'ConfigMap', metadata: { name: 'cfg' } },
      {
        kind: 'StatefulSet',
        metadata: { name: 'db' },
        spec: { template: { spec: { containers: [{ name: 'db', livenessProbe: {} }] } } },
      },
    ];
    assert.deepEqual(kubeWorkloadsWithoutProbes(docs), ['Deployment/web container sidecar']);
    const config = {
      services: {
        web: { healthcheck: { test: ['CMD', 'true'] } },
        job: {},
        off: { healthcheck: { disable: true } },
      },
    };
    assert.deepEqual(composeServicesWithoutHealthcheck(config), ['service job', 'service off']);
  });
});
