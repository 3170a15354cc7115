import type { K8sRule } from '../types';
import allowPrivilegeEscalation from './allow-privilege-escalation';
import automountServiceAccountToken from './automount-service-account-token';
import capabilitiesNotDropped from './capabilities-not-dropped';
import cpuLimits from './cpu-limits';
import cpuRequests from './cpu-requests';
import dangerousCapabilities from './dangerous-capabilities';
import defaultNamespace from './default-namespace';
import dockerSocket from './docker-socket';
import hostIpc from './host-ipc';
import hostNetwork from './host-network';
import hostPathVolume from './host-path-volume';
import hostPid from './host-pid';
import hostPort from './host-port';
import imageTagLatest from './image-tag-latest';
import imageTagMissing from './image-tag-missing';
import imageWithoutDigest from './image-without-digest';
import livenessProbe from './liveness-probe';
import memoryLimits from './memory-limits';
import memoryRequests from './memory-requests';
import missingPodDisruptionBudget from './missing-pod-disruption-budget';
import privileged from './privileged';
import procMountUnmasked from './proc-mount-unmasked';
import readOnlyRootFilesystem from './read-only-root-filesystem';
import rbacWildcard from './rbac-wildcard';
import readinessProbe from './readiness-probe';
import runAsNonRoot from './run-as-non-root';
import runAsRootUser from './run-as-root-user';
import seccompProfile from './seccomp-profile';
import secretsInEnv from './secrets-in-env';
import serviceLoadbalancer from './service-loadbalancer';
import serviceNodeport from './service-nodeport';
import serviceSelectorMismatch from './service-selector-mismatch';
import singleReplica from './single-replica';
import unsafeSysctls from './unsafe-sysctls';

/** Every Kubernetes rule; one file per rule in this folder. */
export const k8sRules: K8sRule[] = [
  allowPrivilegeEscalation,
  automountServiceAccountToken,
  capabilitiesNotDropped,
  cpuLimits,
  cpuRequests,
  dangerousCapabilities,
  defaultNamespace,
  dockerSocket,
  hostIpc,
  hostNetwork,
  hostPathVolume,
  hostPid,
  hostPort,
  imageTagLatest,
  imageTagMissing,
  imageWithoutDigest,
  livenessProbe,
  memoryLimits,
  memoryRequests,
  missingPodDisruptionBudget,
  privileged,
  procMountUnmasked,
  readOnlyRootFilesystem,
  rbacWildcard,
  readinessProbe,
  runAsNonRoot,
  runAsRootUser,
  seccompProfile,
  secretsInEnv,
  serviceLoadbalancer,
  serviceNodeport,
  serviceSelectorMismatch,
  singleReplica,
  unsafeSysctls,
];
