import { createChartRenderer } from '../../../../src/adapters/charts/threaded-chart-renderer.js';
import { WEEK_REVENUE } from './week-fixture.js';

// Run as a child process by chart-thread-failures.test.ts: draws a chart in a chart thread and then has
// nothing left to do. With `close` it closes the renderer; with `idle` it leaves the thread idle. Either
// way the process must exit on its own.

const renderer = createChartRenderer();
const png = await renderer.png({ kind: 'sales', input: { days: WEEK_REVENUE, title: 'Week', lang: 'en' } });
if (process.argv[2] === 'close') await renderer.close();
console.log(`drew ${png.length} bytes`);
