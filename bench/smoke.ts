import { createWorkload, startApp } from './workload';
import { runLoad } from './load';
const t = performance.now();
const w = await createWorkload(10);
console.log('workload', ((performance.now() - t) / 1000).toFixed(1), 's', w.dataDir);
const app = await startApp(w.dataDir);
const r = await runLoad(w, app, { readConnections: 4, writeConnections: 2, duration: 3 });
console.log(JSON.stringify(r, null, 1));
await app.stop();
