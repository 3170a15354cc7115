import type { ComposeRule } from '../types';
import {
  bindMounts,
  CIS_DOCKER,
  composeRef,
  dig,
  isDict,
  isDockerSocket,
  normalizeHostPath,
  services,
} from './helpers';

/** Host folders whose exposure lets a container read secrets, change the host or escape. */
const SENSITIVE = [
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib64',
  '/proc',
  '/root',
  '/run',
  '/sbin',
  '/bin',
  '/sys',
  '/usr',
  '/var/run',
  '/var/lib/docker',
  '/var/lib/containerd',
  '/var/lib/kubelet',
];

/** Folders harmless in part (a data or project sub-folder) but sensitive as a whole: all of /var holds
 * the runtime's state and sockets, all of /home every user's files and keys. */
const SENSITIVE_WHOLE = new Set(['/var', '/home']);

/** Read-only files commonly shared to give a container the host's time zone: harmless. */
const BENIGN_READ_ONLY = new Set(['/etc/localtime', '/etc/timezone']);

/** Per-user credential folders (SSH keys, cloud, cluster and registry credentials), under any home. */
const CREDENTIALS =
  /^(?:~|\$\{?HOME\}?|\/)(?:.*\/)?(\.(?:ssh|aws|kube|docker|gnupg|azure|config\/gcloud))(?:\/|$)/;

function credentialFolder(source: string): string | undefined {
  return CREDENTIALS.exec(source.trim())?.[1];
}

function sensitiveRoot(path: string): string | undefined {
  if (path === '/' || SENSITIVE_WHOLE.has(path)) return path;
  return SENSITIVE.find((s) => path === s || path.startsWith(s + '/'));
}

const rule: ComposeRule = {
  meta: {
    id: 'compose/sensitive-host-path-mounted',
    title: 'Sensitive host path mounted into a service',
    severity: 'warning',
    category: 'security',
    why: "Bind-mounting system folders such as /, /etc, /proc, /sys, /root, /var/lib/docker (or all of /var or /home) exposes host secrets and configuration to the container, and with write access lets it change the host. A user's credential folders (~/.ssh, ~/.aws, ~/.kube, ~/.docker) hand the container that user's keys and cloud access.",
    fix: 'Mount only the specific files the service needs, read-only (`:ro`), or use a named volume instead of a host folder.',
    references: [
      composeRef('volumes'),
      { title: 'Docker: bind mounts', url: 'https://docs.docker.com/engine/storage/bind-mounts/' },
      CIS_DOCKER,
    ],
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      for (const m of bindMounts(svc)) {
        const cred = credentialFolder(m.source);
        if (cred) {
          ctx.report(m.reportPath, {
            message: `Service "${svc.name}" mounts the credential folder ${cred} of a host user.`,
          });
          continue;
        }
        const p = normalizeHostPath(m.source);
        if (!p || isDockerSocket(m.source)) continue;
        if (m.readOnly && BENIGN_READ_ONLY.has(p)) continue;
        const root = sensitiveRoot(p);
        if (!root) continue;
        ctx.report(m.reportPath, {
          message: `Service "${svc.name}" mounts the sensitive host path ${p}${m.readOnly ? '' : ' read-write'}.`,
        });
      }
    }
    // A named volume can bind a host folder: the local driver through `driver_opts: {o: bind, device: /etc}`,
    // host-folder plugins such as local-persist through `driver_opts.mountpoint`.
    const volumes = ctx.value['volumes'];
    if (!isDict(volumes)) return;
    for (const [name, vol] of Object.entries(volumes)) {
      for (const key of ['device', 'mountpoint']) {
        const source = dig(vol, 'driver_opts', key);
        const p = typeof source === 'string' ? normalizeHostPath(source) : undefined;
        if (!p || !sensitiveRoot(p)) continue;
        ctx.report(['volumes', name, 'driver_opts', key], {
          message: `Volume "${name}" binds the sensitive host path ${p}.`,
        });
      }
    }
  },
};

export default rule;
