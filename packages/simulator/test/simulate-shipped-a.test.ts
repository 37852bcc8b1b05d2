import { simulateShipped } from './simulate-shipped.js';

// The six shipped programs are split over two files so that Jest runs them on two workers.
test.each(['kaixue', 'guapai', 'youeryuan'])(
  'definitions/%s: every sequence flow is taken on the real runtime with valid submissions',
  async (folder) => {
    const { report, missed, problems } = await simulateShipped(folder);
    expect({ missed, problems }).toEqual({ missed: [], problems: [] });
    expect(report.total).toBeGreaterThan(0);
    expect(report.taken).toBe(report.total);
  },
  120_000,
);
