/** References shared by the Kubernetes rules. */
const r = (title: string, url: string) => ({ title, url });

export const PSS = r(
  'Kubernetes: Pod Security Standards',
  'https://kubernetes.io/docs/concepts/security/pod-security-standards/',
);
export const CIS = r('CIS Kubernetes Benchmark', 'https://www.cisecurity.org/benchmark/kubernetes');
export const NSA = r(
  'NSA/CISA Kubernetes Hardening Guide',
  'https://media.defense.gov/2022/Aug/29/2003066362/-1/-1/0/CTR_KUBERNETES_HARDENING_GUIDANCE_1.2_20220829.PDF',
);
export const SECURITY_CONTEXT = r(
  'Kubernetes: Configure a Security Context for a Pod or Container',
  'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/',
);
export const RESOURCES = r(
  'Kubernetes: Resource Management for Pods and Containers',
  'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
);
export const PROBES = r(
  'Kubernetes: Configure Liveness, Readiness and Startup Probes',
  'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/',
);
export const IMAGES = r('Kubernetes: Images', 'https://kubernetes.io/docs/concepts/containers/images/');
export const CONFIG_BEST = r(
  'Kubernetes: Configuration Best Practices',
  'https://kubernetes.io/docs/concepts/configuration/overview/',
);
export const SERVICE = r(
  'Kubernetes: Service',
  'https://kubernetes.io/docs/concepts/services-networking/service/',
);
export const PDB = r(
  'Kubernetes: Specifying a Disruption Budget for your Application',
  'https://kubernetes.io/docs/tasks/run-application/configure-pdb/',
);
export const NAMESPACES = r(
  'Kubernetes: Namespaces',
  'https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/',
);
export const SERVICE_ACCOUNT = r(
  'Kubernetes: Configure Service Accounts for Pods',
  'https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/',
);
export const SECCOMP = r(
  "Kubernetes: Restrict a Container's Syscalls with seccomp",
  'https://kubernetes.io/docs/tutorials/security/seccomp/',
);
export const SECRETS = r('Kubernetes: Secrets', 'https://kubernetes.io/docs/concepts/configuration/secret/');
export const HOST_PATH = r(
  'Kubernetes: Volumes (hostPath)',
  'https://kubernetes.io/docs/concepts/storage/volumes/#hostpath',
);
export const SYSCTLS = r(
  'Kubernetes: Using sysctls in a Kubernetes Cluster',
  'https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/',
);
export const HPA = r(
  'Kubernetes: Horizontal Pod Autoscaling',
  'https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/',
);
