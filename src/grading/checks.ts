// the check types, as data: an exercise lists checks by `type`, and each type has one evaluator
// (see evaluate.ts). checks describe behaviour to probe ("from `client`, http://web:8080/ reaches
// every replica"), never the text of a manifest. the same schemas are built twice: once over
// plain numbers (a check ready to run) and once where a number may be a `{{parameter}}` of the
// exercise, drawn from the learner's seed (a check as written in an exercise file).
import { z } from '../sim/zod.ts';

/** `{{name}}`: a parameter of the exercise, substituted before the check runs */
export const PARAM_REF = /^\{\{([a-zA-Z][a-zA-Z0-9_]*)\}\}$/;
export const paramRef = z.string().regex(PARAM_REF, 'a parameter reference such as {{port}}');

const labels = z.record(z.string(), z.string());

function schemas<N extends z.ZodType<number | string>>(int: N, templated: boolean) {
  const base = {
    /** unique within the exercise; wrong attempts name the checks they must fail by it */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case words joined by dashes'),
    /** what the check proves, in the learner's words (shown before submit unless hidden) */
    title: z.string().min(1),
    /** its share of the score; weights are normalised to 100 */
    weight: z.number().positive().default(1),
    /** challenges: the check is only revealed after submit */
    hidden: z.boolean().default(false),
    /** the author's hint, shown after a failure instead of the checker's own */
    hint: z.string().min(1).optional(),
  };
  const namespace = z.string().min(1).default('default');
  /** a pod to send requests from: its network namespace and its /etc/resolv.conf */
  const from = z.object({ pod: z.string().min(1), namespace, container: z.string().min(1).optional() });
  /** the pods that should answer: a Deployment's (or ReplicaSet's) pods, or a label selector */
  const backend = z
    .object({ deployment: z.string().min(1).optional(), selector: labels.optional(), namespace })
    .refine((b) => (b.deployment === undefined) !== (b.selector === undefined), 'give a deployment or a selector');
  const objectRef = { kind: z.string().min(1), name: z.string().min(1), namespace };
  const serviceRef = z.object({ name: z.string().min(1), namespace });
  const port = templated ? String.raw`(\d+|\{\{[a-zA-Z]\w*\}\})` : String.raw`\d+`;
  const url = z.string().regex(new RegExp(String.raw`^http://[^/:\s]+(:${port})?(/\S*)?$`), 'an http:// URL');

  return z.discriminatedUnion('type', [
    z.object({ ...base, type: z.literal('resource-exists'), ...objectRef }),
    z.object({ ...base, type: z.literal('resource-absent'), ...objectRef }),
    z.object({
      ...base,
      type: z.literal('field-equals'),
      ...objectRef,
      /** a dotted path with [index] steps: spec.ports[0].nodePort */
      path: z.string().min(1),
      equals: z.union([z.string(), z.number(), z.boolean(), z.null(), int]),
    }),
    z.object({ ...base, type: z.literal('field-matches'), ...objectRef, path: z.string().min(1), pattern: z.string().min(1) }),
    z
      .object({
        ...base,
        type: z.literal('pods-ready'),
        namespace,
        selector: labels.optional(),
        /** the pods a controller owns (a Deployment's through its ReplicaSets) */
        owner: z
          .object({ kind: z.enum(['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet']), name: z.string() })
          .optional(),
        /** pods by name: exactly these */
        name: z.string().min(1).optional(),
        count: int,
        /** count is a minimum rather than an exact number */
        atLeast: z.boolean().default(false),
        /** each counted pod has this many containers, all ready */
        containers: int.optional(),
      })
      .refine(
        (c) => [c.selector, c.owner, c.name].filter((x) => x !== undefined).length === 1,
        'give one of selector, owner, name',
      ),
    z.object({
      ...base,
      type: z.literal('service-routes'),
      from,
      url,
      /** 'all': every ready replica of the backend answers; a number: at least that many do */
      replicas: z.union([z.literal('all'), int]),
      backend,
      /** requests to send at most (the probe stops early once it has seen enough) */
      requests: int.optional(),
    }),
    z.object({
      ...base,
      type: z.literal('http-get'),
      from,
      url,
      /** the client tool the learner would use there: the container must have it */
      tool: z.enum(['curl', 'wget']).optional(),
      status: int.optional(),
      bodyIncludes: z.string().optional(),
      /** which container of which pod must answer */
      servedBy: z.object({ pod: z.string().optional(), container: z.string().optional() }).optional(),
    }),
    z.object({
      ...base,
      type: z.literal('reaches-host'),
      from,
      host: z.string().min(1),
      port: int,
      /** the outside host (by its public name) the connection must land on */
      external: z.string().min(1),
    }),
    z
      .object({
        ...base,
        type: z.literal('reachable-outside'),
        /** node-port: every node's IP at `port`; load-balancer: the Service's external IP at `port` */
        via: z.enum(['node-port', 'load-balancer']),
        port: int,
        service: serviceRef.optional(),
        path: z.string().default('/'),
        backend: backend.optional(),
      })
      .refine((c) => c.via === 'node-port' || c.service !== undefined, 'a load-balancer check names its service'),
    z.object({
      ...base,
      type: z.literal('dns-resolves'),
      from,
      name: z.string().min(1),
      expect: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('cluster-ip'), service: serviceRef }),
        z.object({ kind: z.literal('pod-ips'), service: serviceRef }),
        z.object({ kind: z.literal('cname'), target: z.string().min(1) }),
      ]),
    }),
    z.object({
      ...base,
      type: z.literal('env-var'),
      pod: z.string().min(1),
      namespace,
      container: z.string().optional(),
      variable: z.string().min(1),
      present: z.boolean().default(true),
      equals: z.union([z.string(), int]).optional(),
      matches: z.string().optional(),
    }),
    z.object({
      ...base,
      type: z.literal('client-ip'),
      via: z.enum(['node-port', 'load-balancer']),
      port: int,
      service: serviceRef.optional(),
      /** true: the pods see the learner's own address; false: they see a node's */
      preserved: z.boolean(),
    }),
    z.object({
      ...base,
      type: z.literal('rollout'),
      deployment: z.string().min(1),
      namespace,
      /** how many revisions `kubectl rollout history` lists */
      revisions: int.optional(),
      minRevisions: int.optional(),
      /** the image every replica runs, once the rollout is complete */
      image: z.string().optional(),
      container: z.string().optional(),
    }),
    z.object({
      ...base,
      type: z.literal('custom'),
      /** a function registered in custom.ts */
      name: z.string().min(1),
      params: z.record(z.string(), z.unknown()).default({}),
    }),
  ]);
}

export const checkSchema = schemas(z.number().int(), false);
export const checkTemplateSchema = schemas(z.union([z.number().int(), paramRef]), true);

export type Check = z.output<typeof checkSchema>;
export type CheckTemplate = z.input<typeof checkTemplateSchema>;
export type CheckType = Check['type'];
export type CheckOf<T extends CheckType> = Extract<Check, { type: T }>;
