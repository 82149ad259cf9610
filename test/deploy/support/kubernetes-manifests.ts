import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { root } from './deployed-apps';
import { customResourceProblems, isCustomResource } from './custom-resources';

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  // The manifests are checked field by field; a full static type for every kind adds nothing.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

export const k8s = path.join(root, 'deploy/k8s');

/** Multi-document YAML as plain objects. */
export const yamlObjects = (text: string): KubernetesObject[] =>
  parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw document.errors[0];
      return document.toJS() as KubernetesObject | null;
    })
    .filter((object): object is KubernetesObject => object !== null);

/**
 * `kubectl kustomize` (kustomize built into kubectl, as operators run it) on a folder under
 * deploy/k8s. kubectl is on the project's machines (a Debian package of the image); the check is
 * not skipped where it is missing: it fails and says so.
 */
export const render = (folder: string): KubernetesObject[] => {
  let text: string;
  try {
    text = execFileSync('kubectl', ['kustomize', path.join(k8s, folder)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const { code, stderr } = error as { code?: string; stderr?: string };
    if (code === 'ENOENT')
      throw new Error(
        'kubectl is needed to render the Kustomize overlays (apt-get install kubectl, or any kubectl 1.27+)',
      );
    throw new Error(`kubectl kustomize ${folder} failed: ${stderr}`);
  }
  return yamlObjects(text);
};

/** The Kubernetes API schema of core kinds (kubernetes-models), or the operator's for custom resources. */
export const schemaProblems = (object: KubernetesObject): string[] => {
  if (isCustomResource(object.apiVersion, object.kind)) return customResourceProblems(object);
  const group = object.apiVersion.includes('/') ? object.apiVersion : `v1`;
  let Model: new (data: object) => { validate(): void };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Model = (require(`kubernetes-models/${group}/${object.kind}`) as Record<string, typeof Model>)[
      object.kind
    ];
  } catch {
    return [`no Kubernetes schema for ${object.apiVersion} ${object.kind}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [(error as Error).message];
  }
};

export const named = (
  objects: KubernetesObject[],
  kind: string,
  name: string,
): KubernetesObject | undefined =>
  objects.find((object) => object.kind === kind && object.metadata.name === name);
