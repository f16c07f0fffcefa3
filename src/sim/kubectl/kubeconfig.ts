// the learner's kubeconfig: one kind cluster and its user, the contexts `kubectl config`
// creates, renames and deletes, and the current one (whose namespace commands use without -n)

export interface KubeContext {
  cluster: string;
  user: string;
  namespace?: string;
}

export class KubeConfig {
  currentContext = 'kind-kind';
  readonly contexts = new Map<string, KubeContext>([['kind-kind', { cluster: 'kind-kind', user: 'kind-kind' }]]);
  /** the one cluster kind wrote, and its user: `kubectl config` does not add others here */
  readonly clusters = ['kind-kind'];
  readonly users = ['kind-kind'];
  readonly server = 'https://127.0.0.1:39637';

  current(): KubeContext | undefined {
    return this.contexts.get(this.currentContext);
  }

  /** the namespace commands use when no -n is given: the context's (--context, else the current one) */
  namespace(contextName?: string): string {
    return this.contexts.get(contextName ?? this.currentContext)?.namespace || 'default';
  }

  /**
   * why a command could not reach the cluster with the context --context names (else the
   * current one), as kubectl says it, or null. clientcmd refuses a context that does not exist:
   * in its validation when the command first asks for its namespace (most do), in its own words
   * when it first builds a client (`client`: version, apply, create, run, wait ...). without a known
   * cluster the client falls back to localhost:8080, where nothing listens
   */
  connectionProblem(contextName?: string, firstAsk: 'namespace' | 'client' = 'namespace'): string | null {
    const name = contextName ?? this.currentContext;
    const context = this.contexts.get(name);
    if (!context && name !== '') {
      return firstAsk === 'client'
        ? `error: context "${name}" does not exist`
        : `Error in configuration: context was not found for specified context: ${name}`;
    }
    if (!context || !this.clusters.includes(context.cluster))
      return 'The connection to the server localhost:8080 was refused - did you specify the right host or port?';
    return null;
  }
}
