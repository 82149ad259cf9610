/**
 * A V8 CPU profile (`node --cpu-prof`) reduced to where the time went, by package: self time of
 * every sampled frame, summed per npm package, per Node subsystem, per folder of this repository,
 * and V8's own pseudo-frames (GC, idle, program). Only the samples inside `window` (ms since the
 * profile started) count, so start-up and warm-up stay out of the table.
 */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string; functionName: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

export interface PackageShare {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time in the window, in per cent. */
  percent: number;
}

const nodeSubsystem = (url: string) => {
  const module = url.replace(/^node:/, '').replace(/^internal\//, '');
  // Where every socket write ends up (HTTP answers, log lines, database wire protocol).
  if (module.startsWith('stream_base_commons')) return 'node:socket writes';
  const first = module.split('/')[0].replace(/^_/, '').replace(/_.*$/, '');
  return `node:${first}`;
};

/** What a frame belongs to, in words a reader of the table knows. */
export const ownerOf = (url: string, functionName: string, repoRoot: string): string => {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return nodeSubsystem(url);
  // The only WebAssembly in the apps is PGlite's PostgreSQL.
  if (url.startsWith('wasm://')) return 'WebAssembly (PGlite)';
  const path = url.replace(/^file:\/\//, '');
  const modules = path.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope, name] = path.slice(modules + '/node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (path.startsWith(repoRoot)) {
    const parts = path.slice(repoRoot.length + 1).split('/');
    // dist/apps/x/… and a bench's private .state/…/dist/libs/x/… name the same code as apps/x/….
    const from = Math.max(
      0,
      parts.findIndex((part) => ['apps', 'libs', 'bench', 'scripts'].includes(part)),
    );
    return `multitrack:${parts.slice(from, from + 2).join('/')}`;
  }
  return '(other)';
};

export const cpuByPackage = (
  profile: CpuProfile,
  repoRoot: string,
  window: { fromMs: number; toMs: number },
): { busyMs: number; idleMs: number; shares: PackageShare[] } => {
  // A built-in (JSON.parse, a RegExp, a Map lookup) has no URL: it counts for whoever called it.
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const owners = new Map<number, string>();
  const ownerOfNode = (id: number): string => {
    const known = owners.get(id);
    if (known) return known;
    const { url, functionName } = byId.get(id)!.callFrame;
    const own = ownerOf(url, functionName, repoRoot);
    const parent = parents.get(id);
    const owner = own === '(native)' && parent !== undefined ? ownerOfNode(parent) : own;
    owners.set(id, owner);
    return owner;
  };
  const totals = new Map<string, number>();
  let at = 0;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] / 1000;
    at += delta;
    if (at < window.fromMs || at > window.toMs) return;
    const owner = ownerOfNode(id);
    totals.set(owner, (totals.get(owner) ?? 0) + delta);
  });
  const idleMs = totals.get('(idle)') ?? 0;
  totals.delete('(idle)');
  const busyMs = [...totals.values()].reduce((sum, ms) => sum + ms, 0);
  const shares = [...totals.entries()]
    .map(([name, ms]) => ({ name, ms: Math.round(ms), percent: Number(((100 * ms) / busyMs).toFixed(1)) }))
    .sort((a, b) => b.ms - a.ms);
  return { busyMs: Math.round(busyMs), idleMs: Math.round(idleMs), shares };
};
