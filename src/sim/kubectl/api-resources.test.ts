import { describe, expect, test } from 'vitest';
import { apiResources, tabwrite, type ApiResourcesArgs } from './api-resources.ts';
import { API_RESOURCES, findApiResource } from './api-resources-data.ts';

const defaults: ApiResourcesArgs = {
  wide: false,
  output: null,
  namespaced: null,
  apiGroup: null,
  sortBy: null,
  noHeaders: false,
};
const run = (overrides: Partial<ApiResourcesArgs> = {}): string => apiResources({ ...defaults, ...overrides });
const firstLines = (text: string, n: number): string => text.split('\n').slice(0, n).join('\n') + '\n';

describe('kubectl api-resources', () => {
  test('lists the core group first, sorted by name, in tabwriter columns', () => {
    expect(firstLines(run(), 20))
      .toBe(`NAME                                SHORTNAMES   APIVERSION                        NAMESPACED   KIND
bindings                                         v1                                true         Binding
componentstatuses                   cs           v1                                false        ComponentStatus
configmaps                          cm           v1                                true         ConfigMap
endpoints                           ep           v1                                true         Endpoints
events                              ev           v1                                true         Event
limitranges                         limits       v1                                true         LimitRange
namespaces                          ns           v1                                false        Namespace
nodes                               no           v1                                false        Node
persistentvolumeclaims              pvc          v1                                true         PersistentVolumeClaim
persistentvolumes                   pv           v1                                false        PersistentVolume
pods                                po           v1                                true         Pod
podtemplates                                     v1                                true         PodTemplate
replicationcontrollers              rc           v1                                true         ReplicationController
resourcequotas                      quota        v1                                true         ResourceQuota
secrets                                          v1                                true         Secret
serviceaccounts                     sa           v1                                true         ServiceAccount
services                            svc          v1                                true         Service
mutatingadmissionpolicies                        admissionregistration.k8s.io/v1   false        MutatingAdmissionPolicy
mutatingadmissionpolicybindings                  admissionregistration.k8s.io/v1   false        MutatingAdmissionPolicyBinding
`);
  });

  test('--namespaced=false keeps only cluster-scoped resources', () => {
    expect(run({ namespaced: false }))
      .toBe(`NAME                                SHORTNAMES   APIVERSION                        NAMESPACED   KIND
componentstatuses                   cs           v1                                false        ComponentStatus
namespaces                          ns           v1                                false        Namespace
nodes                               no           v1                                false        Node
persistentvolumes                   pv           v1                                false        PersistentVolume
mutatingadmissionpolicies                        admissionregistration.k8s.io/v1   false        MutatingAdmissionPolicy
mutatingadmissionpolicybindings                  admissionregistration.k8s.io/v1   false        MutatingAdmissionPolicyBinding
mutatingwebhookconfigurations                    admissionregistration.k8s.io/v1   false        MutatingWebhookConfiguration
validatingadmissionpolicies                      admissionregistration.k8s.io/v1   false        ValidatingAdmissionPolicy
validatingadmissionpolicybindings                admissionregistration.k8s.io/v1   false        ValidatingAdmissionPolicyBinding
validatingwebhookconfigurations                  admissionregistration.k8s.io/v1   false        ValidatingWebhookConfiguration
customresourcedefinitions           crd,crds     apiextensions.k8s.io/v1           false        CustomResourceDefinition
apiservices                                      apiregistration.k8s.io/v1         false        APIService
selfsubjectreviews                               authentication.k8s.io/v1          false        SelfSubjectReview
tokenreviews                                     authentication.k8s.io/v1          false        TokenReview
selfsubjectaccessreviews                         authorization.k8s.io/v1           false        SelfSubjectAccessReview
selfsubjectrulesreviews                          authorization.k8s.io/v1           false        SelfSubjectRulesReview
subjectaccessreviews                             authorization.k8s.io/v1           false        SubjectAccessReview
certificatesigningrequests          csr          certificates.k8s.io/v1            false        CertificateSigningRequest
flowschemas                                      flowcontrol.apiserver.k8s.io/v1   false        FlowSchema
prioritylevelconfigurations                      flowcontrol.apiserver.k8s.io/v1   false        PriorityLevelConfiguration
ingressclasses                                   networking.k8s.io/v1              false        IngressClass
ipaddresses                         ip           networking.k8s.io/v1              false        IPAddress
servicecidrs                                     networking.k8s.io/v1              false        ServiceCIDR
runtimeclasses                                   node.k8s.io/v1                    false        RuntimeClass
clusterrolebindings                              rbac.authorization.k8s.io/v1      false        ClusterRoleBinding
clusterroles                                     rbac.authorization.k8s.io/v1      false        ClusterRole
deviceclasses                                    resource.k8s.io/v1                false        DeviceClass
resourceslices                                   resource.k8s.io/v1                false        ResourceSlice
priorityclasses                     pc           scheduling.k8s.io/v1              false        PriorityClass
csidrivers                                       storage.k8s.io/v1                 false        CSIDriver
csinodes                                         storage.k8s.io/v1                 false        CSINode
storageclasses                      sc           storage.k8s.io/v1                 false        StorageClass
volumeattachments                                storage.k8s.io/v1                 false        VolumeAttachment
volumeattributesclasses             vac          storage.k8s.io/v1                 false        VolumeAttributesClass
`);
  });

  test('-o name qualifies names with their group and prints no header', () => {
    expect(run({ output: 'name', apiGroup: 'apps' })).toBe(
      `controllerrevisions.apps\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nstatefulsets.apps\n`,
    );
  });

  test('-o wide adds verbs and categories; an empty last cell leaves the padding of the cell before it', () => {
    expect(run({ wide: true, apiGroup: 'apps' }))
      .toBe(`NAME                  SHORTNAMES   APIVERSION   NAMESPACED   KIND                 VERBS                                                        CATEGORIES
controllerrevisions                apps/v1      true         ControllerRevision   create,delete,deletecollection,get,list,patch,update,watch   
daemonsets            ds           apps/v1      true         DaemonSet            create,delete,deletecollection,get,list,patch,update,watch   all
deployments           deploy       apps/v1      true         Deployment           create,delete,deletecollection,get,list,patch,update,watch   all
replicasets           rs           apps/v1      true         ReplicaSet           create,delete,deletecollection,get,list,patch,update,watch   all
statefulsets          sts          apps/v1      true         StatefulSet          create,delete,deletecollection,get,list,patch,update,watch   all
`);
  });

  test('--api-group= with an empty value selects the core group, and --no-headers drops the header', () => {
    const lines = run({ apiGroup: '', noHeaders: true }).trimEnd().split('\n');
    expect(lines).toHaveLength(17);
    expect(lines[0]).toBe('bindings                          v1    true    Binding');
    expect(lines[16]).toBe('services                 svc      v1    true    Service');
  });

  test('--sort-by=kind and --sort-by=name sort across groups, keeping discovery order on ties', () => {
    const byKind = run({ apiGroup: '', sortBy: 'kind', noHeaders: true }).split('\n');
    expect(byKind.slice(14, 17).map((l) => l.split(/ +/)[0])).toEqual(['secrets', 'services', 'serviceaccounts']);
    const events = run({ sortBy: 'name' })
      .split('\n')
      .filter((l) => l.startsWith('events'));
    expect(events).toEqual([
      'events                              ev           v1                                true         Event',
      'events                              ev           events.k8s.io/v1                  true         Event',
    ]);
  });

  test('serves the v1.36 GA groups and none of the default-off beta or alpha ones', () => {
    const groups = new Set(API_RESOURCES.map((r) => r.apiVersion));
    expect(groups.has('resource.k8s.io/v1')).toBe(true);
    expect(run({ apiGroup: 'admissionregistration.k8s.io', output: 'name' })).toContain(
      'mutatingadmissionpolicies.admissionregistration.k8s.io',
    );
    expect([...groups].filter((v) => /(alpha|beta)/.test(v))).toEqual([]);
    expect(API_RESOURCES.find((r) => r.name === 'storageversionmigrations')).toBeUndefined();
  });

  test('resolves names, kinds, short names and group-qualified names', () => {
    expect(findApiResource('sts')?.kind).toBe('StatefulSet');
    expect(findApiResource('Secret')?.name).toBe('secrets');
    expect(findApiResource('events.events.k8s.io')?.apiVersion).toBe('events.k8s.io/v1');
    expect(findApiResource('ingresses.apps')).toBeUndefined();
  });
});

describe('tabwrite', () => {
  test('matches the table kubectl prints for its own api-resources test fixture', () => {
    // the rows of TestAPIResourcesRun's "output wide" case in kubectl
    const lines = [
      'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\tVERBS\tCATEGORIES',
      'bars\t\tv1\ttrue\tBar\tget,list,create\t',
      'foos\tf,fo\tv1\tfalse\tFoo\tget,list\tsome-category',
      'bazzes\tb\tsomegroup/v1\ttrue\tBaz\tget,list,create,delete\tsome-category,another-category',
    ];
    expect(tabwrite(lines)).toBe(
      'NAME     SHORTNAMES   APIVERSION     NAMESPACED   KIND   VERBS                    CATEGORIES\n' +
        'bars                  v1             true         Bar    get,list,create          \n' +
        'foos     f,fo         v1             false        Foo    get,list                 some-category\n' +
        'bazzes   b            somegroup/v1   true         Baz    get,list,create,delete   some-category,another-category\n',
    );
  });

  test('pads narrow columns to the minimum width of 6 and starts a new block when a line has fewer cells', () => {
    expect(tabwrite(['a\tb', 'no tabs here', 'c\td'])).toBe('a     b\nno tabs here\nc     d\n');
  });
});
