// the learner's kubeconfig: one kind cluster, one context, and the namespace
// `kubectl config set-context --current --namespace=…` stores

export interface KubeContext {
  cluster: string;
  user: string;
  namespace?: string;
}

export class KubeConfig {
  currentContext = 'kind-kind';
  readonly contexts = new Map<string, KubeContext>([['kind-kind', { cluster: 'kind-kind', user: 'kind-kind' }]]);
  readonly server = 'https://127.0.0.1:39637';

  current(): KubeContext | undefined {
    return this.contexts.get(this.currentContext);
  }

  /** the namespace commands use when no -n is given */
  namespace(): string {
    return this.current()?.namespace || 'default';
  }
}
