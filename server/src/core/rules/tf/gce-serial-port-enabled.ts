import type { TfValue } from '../../terraform/model';
import type { TfRule } from '../types';
import { attr, reportIn, CIS_GCP, googleDoc, isDisabled, known } from './helpers';

/** Metadata values are strings to GCE: "TRUE", "true", "1" all turn the port on. */
function isOn(v: TfValue | undefined): boolean {
  if (v === true || v === 1) return true;
  return typeof v === 'string' && ['true', '1'].includes(v.trim().toLowerCase());
}

const rule: TfRule = {
  meta: {
    id: 'tf/gce-serial-port-enabled',
    title: 'Compute Engine interactive serial port enabled',
    severity: 'warning',
    category: 'security',
    why: 'The interactive serial console accepts connections from any IP address, outside the VPC firewall rules, to anyone holding a key for the instance: it is a way in that network controls do not see.',
    fix: 'Remove `serial-port-enable` from the instance (or project) metadata, or set it to `false`; use OS Login or IAP TCP forwarding for emergency access.',
    references: [
      googleDoc('google_compute_instance'),
      {
        title: 'Compute Engine: interacting with the serial console',
        url: 'https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console',
      },
      CIS_GCP,
    ],
  },
  check(ctx) {
    const types = [
      'google_compute_instance',
      'google_compute_instance_template',
      'google_compute_project_metadata',
    ];
    for (const type of types) {
      for (const r of ctx.blocks('resource', type)) {
        if (isDisabled(ctx, r)) continue;
        const metadata = attr(r, 'metadata');
        if (!metadata) continue;
        const entry = metadata.expr.entries?.find((e) => e.key === 'serial-port-enable');
        // A map written elsewhere (variable default, local) is judged as a whole, at the attribute.
        const whole = entry ? undefined : known(ctx, metadata.expr);
        const v = entry
          ? known(ctx, entry.value)
          : whole && typeof whole === 'object' && !Array.isArray(whole)
            ? whole['serial-port-enable']
            : undefined;
        if (!isOn(v)) continue;
        const message = `${type} "${r.labels[1] ?? ''}" enables the interactive serial port.`;
        if (entry) reportIn(ctx, r, { start: entry.keyRange.start, end: entry.value.range.end }, { message });
        else ctx.report(metadata, { message });
      }
    }
  },
};

export default rule;
