import { formatProgress, projectionsFrom } from './rebuild-arguments';

describe('the rebuild command line', () => {
  it('rebuilds every read model when no projection is named', () => {
    expect(projectionsFrom([]).map((model) => model.name)).toEqual([
      'organizations',
      'requests',
      'offers',
      'matches',
      'cooperation',
      'approval-authorities',
    ]);
  });

  it('rebuilds only the named projections', () => {
    expect(projectionsFrom(['--projection', 'requests,offers']).map((model) => model.name)).toEqual([
      'requests',
      'offers',
    ]);
    expect(projectionsFrom(['--projection=matches']).map((model) => model.name)).toEqual(['matches']);
  });

  it('refuses a projection that does not exist, naming the known ones', () => {
    expect(() => projectionsFrom(['--projection', 'nope'])).toThrow(/known: organizations, requests/);
  });

  it('prints events per second and an ETA', () => {
    expect(
      formatProgress({
        readModel: 'requests',
        events: 1200,
        position: 1199,
        eventsPerSecond: 600.4,
        etaSeconds: 2.1,
      }),
    ).toBe('requests: 1200 events read, at position 1199, 600 events/s, ETA 3s');
  });
});
