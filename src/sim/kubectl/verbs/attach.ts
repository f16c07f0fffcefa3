// attaching to a pod's shell (kubectl run -it, kubectl exec -it) — see pod-shell.ts
import type { Pod } from '../../api/types.ts';
import type { KubectlEnv } from '../env.ts';

export interface AttachOptions {
  tty: boolean;
  remove: boolean;
  quiet: boolean;
}

export async function attachInteractive(env: KubectlEnv, pod: Pod, options: AttachOptions): Promise<number> {
  void pod;
  void options;
  env.out.stderr('kubesim: attaching to a pod is not simulated yet\n');
  return 1;
}
