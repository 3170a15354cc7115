import type { CrdVersion } from '../core/features/crd';
import type { ClusterSchemaCache } from '../node/clusterSchemas';

/** `bulwark.kubernetes.*` as read from the client (any shape; defaults fill gaps). */
export interface ClusterSchemaSettings {
  clusterSchemas: boolean;
  context?: string;
}

export function readClusterSettings(bulwark: unknown): ClusterSchemaSettings {
  const k = isRecord(bulwark) && isRecord(bulwark.kubernetes) ? bulwark.kubernetes : {};
  const context = typeof k.context === 'string' && k.context.trim() ? k.context.trim() : undefined;
  return { clusterSchemas: k.clusterSchemas === true, context };
}

/**
 * The opt-in `bulwark.kubernetes.clusterSchemas`: answers the analysis host's `clusterSchema`
 * from what is loaded (never waiting), and on `refresh` (startup, settings change, the refresh
 * command) loads in the background, then calls `changed` so open documents are re-checked.
 * Without a cache (an untrusted workspace: kubectl is not run) it stays off.
 */
export class ClusterSchemaSupport {
  private settings: ClusterSchemaSettings = { clusterSchemas: false };

  constructor(
    private readonly cache: ClusterSchemaCache | undefined,
    private readonly read: () => Promise<unknown>,
    private readonly changed: () => void,
    private readonly log: (message: string) => void,
  ) {}

  /** For the analysis host: a custom resource's schema from the cluster, when enabled and loaded. */
  readonly schema = (apiVersion: string, kind: string): CrdVersion | undefined =>
    this.settings.clusterSchemas
      ? this.cache?.current(this.settings.context)?.schema(apiVersion, kind)
      : undefined;

  /** Re-reads the settings and loads (`force`: from the cluster, skipping the disk cache). Resolves with the kinds known. */
  async refresh(force = false): Promise<number> {
    const before = this.active();
    this.settings = readClusterSettings(await this.read().catch(() => undefined));
    if (!this.settings.clusterSchemas || !this.cache) {
      if (before) this.changed();
      return 0;
    }
    const loaded = await this.cache.load(this.settings.context, force);
    if (!loaded) {
      this.log(
        `bulwark: could not read schemas from the cluster (context ${this.settings.context ?? 'current'}): is kubectl installed and the cluster reachable?`,
      );
    }
    if (this.active() !== before) this.changed();
    return loaded?.size ?? 0;
  }

  private active() {
    return this.settings.clusterSchemas ? this.cache?.current(this.settings.context) : undefined;
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
