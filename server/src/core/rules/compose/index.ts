import type { ComposeRule } from '../types';
import apparmorUnconfined from './apparmor-unconfined';
import capDropAllMissing from './cap-drop-all-missing';
import dangerousCapabilityAdded from './dangerous-capability-added';
import dockerSocketMounted from './docker-socket-mounted';
import hostIpc from './host-ipc';
import hostNetwork from './host-network';
import hostPid from './host-pid';
import hostUserns from './host-userns';
import imageTagLatest from './image-tag-latest';
import imageTagMissing from './image-tag-missing';
import noHealthcheck from './no-healthcheck';
import noMemoryLimit from './no-memory-limit';
import noNewPrivilegesUnset from './no-new-privileges-unset';
import noPidsLimit from './no-pids-limit';
import noRestartPolicy from './no-restart-policy';
import portPublishedOnAllInterfaces from './port-published-on-all-interfaces';
import privileged from './privileged';
import readOnlyNotSet from './read-only-not-set';
import runsAsRoot from './runs-as-root';
import seccompUnconfined from './seccomp-unconfined';
import secretsInEnvironment from './secrets-in-environment';
import sensitiveHostPathMounted from './sensitive-host-path-mounted';

export const composeRules: ComposeRule[] = [
  apparmorUnconfined,
  capDropAllMissing,
  dangerousCapabilityAdded,
  dockerSocketMounted,
  hostIpc,
  hostNetwork,
  hostPid,
  hostUserns,
  imageTagLatest,
  imageTagMissing,
  noHealthcheck,
  noMemoryLimit,
  noNewPrivilegesUnset,
  noPidsLimit,
  noRestartPolicy,
  portPublishedOnAllInterfaces,
  privileged,
  readOnlyNotSet,
  runsAsRoot,
  seccompUnconfined,
  secretsInEnvironment,
  sensitiveHostPathMounted,
];
