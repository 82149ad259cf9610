import { startCoordinationApp, wholeLog, type CoordinationApp } from '../coordination/support';
import { coordinationTarget } from '../fuzz/support/coordination-target';
import type { FuzzTarget } from '../fuzz/support/fuzz';
import { writeOperationsOf, type WriteOperation } from './support/write-operations';

const MARKER = 'HOSTILE-MARKER';
/** What a client must never set: identity, state, ownership, and the prototype chain. */
const FORBIDDEN = ['id', 'status', 'organizationId', '__proto__', 'constructor'];
/** The roles that write: for each route, one of them passes the role guard and meets validation. */
const WRITERS = ['officer', 'admin', 'ngo', 'witness'] as const;

// `__proto__` must reach the server as an own property of the JSON text, so bodies are written as text.
const withForbidden = (body: Record<string, unknown>, name: string) =>
  `{${JSON.stringify(name)}:{"polluted":"${MARKER}","value":"${MARKER}"},${JSON.stringify(body).slice(1)}`;

describe('writes carrying properties a client must not set (PGlite)', () => {
  let app: CoordinationApp;
  let target: FuzzTarget;
  let operations: WriteOperation[];

  beforeAll(async () => {
    app = await startCoordinationApp('pglite');
    target = await coordinationTarget(app);
    operations = writeOperationsOf(target);
  }, 60_000);
  afterAll(() => app?.close(), 60_000);

  const send = (operation: WriteOperation, role: (typeof WRITERS)[number], body: string) =>
    fetch(`${app.url}${operation.path}`, {
      method: operation.method,
      headers: { authorization: `Bearer ${target.principals[role]}`, 'content-type': 'application/json' },
      body,
    });

  it('finds every write DTO in the OpenAPI document', () => {
    expect(operations.length).toBeGreaterThanOrEqual(12);
  });

  it("accepts the same bodies without them past validation (so the 400s below are the properties' doing)", async () => {
    for (const operation of operations) {
      const statuses = await Promise.all(
        WRITERS.map(async (role) => (await send(operation, role, JSON.stringify(operation.example))).status),
      );
      expect({ operation: operation.key, validationFailed: statuses.includes(400) }).toEqual({
        operation: operation.key,
        validationFailed: false,
      });
    }
  });

  it('answers 400 to every write DTO with any of id, status, organizationId, __proto__ or constructor added', async () => {
    const refused: string[] = [];
    for (const operation of operations) {
      for (const name of FORBIDDEN.filter((forbidden) => !operation.properties.includes(forbidden))) {
        const statuses = await Promise.all(
          WRITERS.map(
            async (role) => (await send(operation, role, withForbidden(operation.example, name))).status,
          ),
        );
        // Roles the route refuses get 401/403; the role it serves must meet validation's 400.
        expect({
          operation: operation.key,
          name,
          statuses: [...new Set(statuses.filter((status) => ![401, 403].includes(status)))],
        }).toEqual({
          operation: operation.key,
          name,
          statuses: [400],
        });
        refused.push(`${operation.key} +${name}`);
      }
    }
    expect(refused.length).toBeGreaterThanOrEqual(operations.length * (FORBIDDEN.length - 1));
  });

  it('records none of those values in any event, and pollutes no prototype', async () => {
    const log = await wholeLog(app.store);

    expect(log.length).toBeGreaterThan(0);
    expect(
      log.filter((event) => JSON.stringify({ data: event.data, metadata: event.metadata }).includes(MARKER)),
    ).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
