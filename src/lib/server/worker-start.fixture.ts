/**
 * Started by worker-start.test.ts as a worker: reports the thread's nice value (Linux: per
 * thread), or fails to load when asked to. TypeScript on purpose (`satisfies`): Node 20
 * alone cannot load it, tsx's loader must.
 */
import { getPriority } from 'node:os';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

if (!isMainThread && workerData === 'fail') throw new RangeError('fixture failed to load');
if (!isMainThread) parentPort!.postMessage(getPriority(0) satisfies number);
