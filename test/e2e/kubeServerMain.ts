// Runs the kubectl test API server (test/backends/kube-api-server.ts) as its own process for the
// e2e suite: prints one JSON line with its kubeconfig and discovery cache, stops on SIGTERM/SIGINT.
// Started by test/e2e/lib/kubeServer.mjs with `node --import tsx`.
import { KubeApiServer } from '../backends/kube-api-server';

const server = new KubeApiServer();
let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
void server.start().then(() => {
  process.stdout.write(`${JSON.stringify({ port: server.port, ...server.env() })}\n`);
});
