// the whole simulated cluster: apiserver and store, scheduler, kubelets and controllers,
// wired by watch events and driven by one virtual clock. every write is followed by
// `settle`, which lets every component react until nothing is left to do.

import { ApiServer } from './api/apiserver.ts';
import { ServiceAccountAdmission } from './api/admission/service-account.ts';
import { ServiceAllocation } from './api/admission/service-allocation.ts';
import { EventRecorder } from './api/events.ts';
import { ObjectStore, type WatchEvent } from './api/store.ts';
import { VirtualClock } from './clock.ts';
import type { Controller } from './controllers/controller.ts';
import { DaemonSetController } from './controllers/daemonset.ts';
import { DeploymentController } from './controllers/deployment.ts';
import { EndpointsController } from './controllers/endpoints.ts';
import { EndpointSliceController } from './controllers/endpointslice.ts';
import { EndpointSliceMirroringController } from './controllers/endpointslice-mirroring.ts';
import { GarbageCollector } from './controllers/garbage-collector.ts';
import { NamespaceController } from './controllers/namespace.ts';
import { RootCACertPublisher, ServiceAccountsController } from './controllers/namespace-defaults.ts';
import { ReplicaSetController } from './controllers/replicaset.ts';
import { ServiceLoadBalancerController } from './controllers/service-lb.ts';
import { SelectorIndex } from './controllers/service-index.ts';
import { Kubelet } from './kubelet/kubelet.ts';
import { mainProcessChangeDir, mainProcessCommand, mainProcessTransfer, mainProcessWrite } from './container/main-process.ts';
import { Random } from './random.ts';
import { Scheduler } from './scheduler/scheduler.ts';

/** timers are rounded up to this grain so that many pods finishing together settle together */
const TICK_MS = 250;
/** a bound on reconcile rounds per settle: a controller bug must not hang the page */
const MAX_ROUNDS = 10_000;

export interface ClusterOptions {
  seed: number;
  clock?: VirtualClock;
  /** a simulated cloud load-balancer provider (default true); without one LoadBalancer Services stay pending */
  loadBalancerProvider?: boolean;
}

/** the seed of the endpoints controllers' own generator, so their objects leave other random choices alone */
const ENDPOINTS_SEED_MIX = 0x5eed_e9d5;
/** the seeds of the generators that name the API access volumes and draw the uids of each namespace's default account and CA ConfigMap */
const TOKEN_VOLUME_SEED_MIX = 0x70_6b_65_6e;
const SERVICE_ACCOUNTS_SEED_MIX = 0x5a_cc_0a_17;
const ROOT_CA_SEED_MIX = 0x0c_a0_ce_27;

export class Cluster {
  readonly clock: VirtualClock;
  readonly random: Random;
  /** draws the names and uids of Endpoints and EndpointSlices (the controllers' and the apiserver's own) */
  readonly endpointsRandom: Random;
  readonly store = new ObjectStore();
  readonly api: ApiServer;
  readonly events: EventRecorder;
  readonly scheduler: Scheduler;
  readonly kubelet: Kubelet;
  readonly controllers: Controller[];
  private pending: WatchEvent[] = [];
  private settling = false;
  /** problems a settle ran into (a loop that did not converge); shown by tests, never thrown */
  readonly warnings: string[] = [];

  constructor(options: ClusterOptions) {
    this.clock = options.clock ?? new VirtualClock();
    this.random = new Random(options.seed);
    // a generator of its own for a component, so what it draws leaves every other random choice alone
    const stream = (mix: number) => new Random((options.seed ^ mix) >>> 0);
    this.endpointsRandom = stream(ENDPOINTS_SEED_MIX);
    this.api = new ApiServer(this.store, this.clock, this.random);
    this.api.addAdmission(new ServiceAccountAdmission(stream(TOKEN_VOLUME_SEED_MIX)));
    this.api.addAdmission(new ServiceAllocation(this.random));
    this.events = new EventRecorder(this.api);
    this.scheduler = new Scheduler(this.api, this.events, this.random);
    this.kubelet = new Kubelet({
      api: this.api,
      clock: this.clock,
      random: this.random,
      events: this.events,
      schedule: (ms, fn) => this.after(ms, fn),
      transfer: (pod, container, step, out) => mainProcessTransfer(this, pod, container, step, out),
      command: (pod, container, step, out, cwd) => mainProcessCommand(this, pod, container, step, out, cwd),
      writeFile: (pod, container, path, text, append, cwd) => mainProcessWrite(this, pod, container, path, text, append, cwd),
      changeDir: (pod, container, cwd, target) => mainProcessChangeDir(this, pod, container, cwd, target),
    });
    // the endpoint controllers keep the same index of which Services select which pods: one will do
    const selectors = new SelectorIndex();
    this.controllers = [
      new ReplicaSetController(this.api, this.events, 'ReplicaSet'),
      new ReplicaSetController(this.api, this.events, 'ReplicationController'),
      new DeploymentController(this.api, this.events),
      new DaemonSetController(this.api, this.events),
      new GarbageCollector(this.api),
      new NamespaceController(this.api),
      new ServiceAccountsController(this.api, stream(SERVICE_ACCOUNTS_SEED_MIX)),
      new RootCACertPublisher(this.api, stream(ROOT_CA_SEED_MIX)),
      new EndpointsController(this.api, this.events, this.endpointsRandom, selectors),
      new EndpointSliceController(this.api, this.events, this.endpointsRandom, selectors),
      new EndpointSliceMirroringController(this.api, this.events, this.endpointsRandom),
    ];
    if (options.loadBalancerProvider !== false) {
      this.controllers.push(
        new ServiceLoadBalancerController(this.api, this.events, { schedule: (ms, fn) => this.after(ms, fn) }),
      );
    }
    // no component reacts to Events, and there are many of them: they skip the controllers' queue
    this.store.watch((event) => {
      if (event.resource !== 'events') this.pending.push(event);
    });
    this.clock.onTick = () => this.settle();
  }

  /** runs `fn` after `ms` of cluster time */
  after(ms: number, fn: () => void): void {
    const now = this.clock.now();
    const due = Math.ceil((now + ms) / TICK_MS) * TICK_MS;
    this.clock.schedule(due - now, fn);
  }

  /** moves cluster time forward, letting everything due happen in order */
  advance(ms: number): void {
    this.settle();
    this.clock.advance(ms);
    this.settle();
  }

  /** delivers queued watch events and runs controllers until the cluster is quiet */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        if (this.pending.length > 0) {
          const events = this.pending;
          this.pending = [];
          // indexed loops: every watch event passes here (for-of allocates until optimised)
          for (let i = 0; i < events.length; i++) this.dispatch(events[i]!);
          continue;
        }
        const busy = this.controllers.filter((c) => c.hasWork());
        if (busy.length === 0) return;
        for (const controller of busy) controller.syncAll();
      }
      this.warnings.push(`settle did not converge after ${MAX_ROUNDS} rounds`);
    } finally {
      this.settling = false;
    }
  }

  private dispatch(event: WatchEvent): void {
    this.scheduler.handle(event);
    this.kubelet.handle(event);
    const controllers = this.controllers;
    for (let i = 0; i < controllers.length; i++) controllers[i]!.handle(event);
  }
}
