import type { Fix } from '../../types';
import type { PathSegment } from '../../yaml/yamlFile';
import type { ComposeRule, ComposeRuleContext } from '../types';
import {
  appendToMapFix,
  composeRef,
  hasInterpolation,
  isDict,
  OWASP_DOCKER,
  scalarContentStart,
  services,
} from './helpers';

const LOOPBACK = '127.0.0.1';
const FIX_TITLE = 'Bind the port to 127.0.0.1';

/** Host IPs that mean "every interface". */
function isAnyAddress(ip: string): boolean {
  return ip === '0.0.0.0' || ip === '::' || ip === '[::]';
}

interface ShortPort {
  /** Host IP as written, '' when absent. */
  ip: string;
  /** Length of the IP as written plus its `:`, so a fix can replace it. */
  ipLength: number;
}

/**
 * Splits `[IP:][HOST:]CONTAINER[/PROTO]`. Interpolations are kept whole so that `${P:-80}` does not
 * count as two fields. Undefined when the host IP cannot be known statically.
 */
export function parseShortPort(spec: string): ShortPort | undefined {
  const s = spec.trim();
  if (s.startsWith('[')) {
    const close = s.indexOf(']');
    if (close < 0) return undefined;
    return { ip: s.slice(0, close + 1), ipLength: close + 2 };
  }
  const fields: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '$' && s[i + 1] === '{') {
      const close = s.indexOf('}', i);
      if (close < 0) return undefined;
      cur += s.slice(i, close + 1);
      i = close;
    } else if (s[i] === ':') {
      fields.push(cur);
      cur = '';
    } else cur += s[i];
  }
  fields.push(cur);
  if (fields.length === 1) return { ip: '', ipLength: 0 };
  if (fields.length === 2) {
    // `${BIND}:80` may hold `127.0.0.1:8080`: a whole-variable host part names a port only when it says so.
    const host = fields[0] ?? '';
    const whole = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)/.exec(host);
    if (whole && hasInterpolation(host) && !/PORT/i.test(whole[1] ?? '')) return undefined;
    return { ip: '', ipLength: 0 };
  }
  // IPv6 written without brackets: everything before the last two fields.
  const ip = fields.slice(0, -2).join(':');
  if (hasInterpolation(ip)) return undefined;
  return { ip, ipLength: ip.length + 1 };
}

function shortFix(
  ctx: ComposeRuleContext,
  path: PathSegment[],
  port: ShortPort,
  spec: string,
): Fix | undefined {
  const start = scalarContentStart(ctx, path);
  if (!start) return undefined;
  const fieldsAfterIp = spec.trim().slice(port.ipLength).split(':').length;
  // `80` alone publishes on a random host port: keep it random with an empty host port field.
  const insert = fieldsAfterIp === 1 && port.ip === '' ? `${LOOPBACK}::` : `${LOOPBACK}:`;
  const end = { line: start.line, character: start.character + port.ipLength };
  return { title: FIX_TITLE, edits: [{ range: { start, end }, newText: insert }] };
}

const rule: ComposeRule = {
  meta: {
    id: 'compose/port-published-on-all-interfaces',
    title: 'Port published on all host interfaces',
    severity: 'warning',
    category: 'security',
    why: 'A published port without a host IP listens on every interface of the host (0.0.0.0 and ::), so the service is reachable from any network the host is on. Docker also inserts its own firewall rules, bypassing host firewalls such as ufw.',
    fix: 'Bind the port to the interface that needs it, e.g. `127.0.0.1:8080:80` (or `host_ip: 127.0.0.1` in the long syntax), and put a reverse proxy in front for public traffic. Ports under `expose` are not published and are fine; services with `network_mode: host` ignore `ports` and are reported by compose/host-network instead. A host part that is a whole variable not named like a port (`${BIND}:80`) may hold an IP and is not reported.',
    references: [
      composeRef('ports'),
      {
        title: 'Docker: port publishing and mapping',
        url: 'https://docs.docker.com/engine/network/port-publishing/',
      },
      {
        title: 'Docker: packet filtering and firewalls',
        url: 'https://docs.docker.com/engine/network/packet-filtering-firewalls/',
      },
      OWASP_DOCKER,
    ],
    fixable: true,
  },
  check(ctx) {
    for (const svc of services(ctx)) {
      // With host networking Compose ignores `ports`; compose/host-network reports that service.
      if (svc.value['network_mode'] === 'host') continue;
      const ports = svc.value['ports'];
      if (!Array.isArray(ports)) continue;
      ports.forEach((item, i) => {
        const path = [...svc.path, 'ports', i];
        if (typeof item === 'string' || typeof item === 'number') {
          const spec = String(item);
          if (typeof item === 'string' && hasInterpolation(spec) && /^\s*\$\{?[A-Za-z_]\w*\}?\s*$/.test(spec))
            return;
          const port = parseShortPort(spec);
          if (!port || (port.ip !== '' && !isAnyAddress(port.ip))) return;
          const fix = shortFix(ctx, path, port, spec);
          ctx.report(path, {
            message: `Port "${spec}" of service "${svc.name}" is published on all host interfaces.`,
            fixes: fix ? [fix] : undefined,
          });
        } else if (isDict(item)) {
          const ip = item['host_ip'];
          if (typeof ip === 'string' && (hasInterpolation(ip) || !isAnyAddress(ip.trim()))) return;
          if (ip !== undefined && typeof ip !== 'string') return;
          // `published: 127.0.0.1:8080` puts the address where the short syntax would have it.
          const inPublished = /^\s*(\[[^\]]*\]|\d{1,3}(?:\.\d{1,3}){3}):\d/.exec(
            String(item['published'] ?? ''),
          )?.[1];
          if (ip === undefined && inPublished && !isAnyAddress(inPublished.replace(/^\[|\]$/g, ''))) return;
          const fix =
            ip === undefined
              ? appendToMapFix(ctx, path, FIX_TITLE, [`host_ip: ${LOOPBACK}`])
              : replaceValueFix(ctx, [...path, 'host_ip']);
          const anchor = 'published' in item ? 'published' : 'target' in item ? 'target' : undefined;
          const at = ip !== undefined ? [...path, 'host_ip'] : anchor ? [...path, anchor] : path;
          ctx.report(at, {
            at: ip === undefined && anchor ? 'pair' : 'value',
            message: `A port of service "${svc.name}" is published on all host interfaces.`,
            fixes: fix ? [fix] : undefined,
          });
        }
      });
    }
  },
};

function replaceValueFix(ctx: ComposeRuleContext, path: PathSegment[]): Fix {
  return { title: FIX_TITLE, edits: [{ range: ctx.range(path, 'value'), newText: LOOPBACK }] };
}

export default rule;
