// kubectl replace --help: replace.go's text as kubectl 1.32 prints it, with two changes since
// (both as the v1.36 reference page has them): --subresource lost "This flag is beta and may
// change in the future." when subresources went GA, and -o lists kyaml, enabled by default

export const REPLACE_HELP = `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml

Examples:
  # Replace a pod using the data in pod.json
  kubectl replace -f ./pod.json
  
  # Replace a pod based on the JSON passed into stdin
  cat pod.json | kubectl replace -f -
  
  # Update a single-container pod's image version (tag) to v4
  kubectl get pod mypod -o yaml | sed 's/\\(image: myimage\\):.*$/\\1:v4/' | kubectl replace -f -
  
  # Force replace, delete and then re-create the resource
  kubectl replace --force -f ./pod.json

Options:
    --allow-missing-template-keys=true:
\tIf true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.

    --cascade='background':
\tMust be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.

    --dry-run='none':
\tMust be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.

    --field-manager='kubectl-replace':
\tName of the manager used to track field ownership.

    -f, --filename=[]:
\tThe files that contain the configurations to replace.

    --force=false:
\tIf true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.

    --grace-period=-1:
\tPeriod of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).

    -k, --kustomize='':
\tProcess a kustomization directory. This flag can't be used together with -f or -R.

    -o, --output='':
\tOutput format. One of: (json, yaml, kyaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).

    --raw='':
\tRaw URI to PUT to the server.  Uses the transport specified by the kubeconfig file.

    -R, --recursive=false:
\tProcess the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.

    --save-config=false:
\tIf true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.

    --show-managed-fields=false:
\tIf true, keep the managedFields when printing objects in JSON or YAML format.

    --subresource='':
\tIf specified, replace will operate on the subresource of the requested object.

    --template='':
\tTemplate string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].

    --timeout=0s:
\tThe length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object

    --validate='strict':
\tMust be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.

    --wait=false:
\tIf true, wait for resources to be gone before returning. This waits for finalizers.

Usage:
  kubectl replace -f FILENAME [options]

Use "kubectl options" for a list of global command-line options (applies to all commands).
`;
