// Serves the release build (dist/) on http://127.0.0.1:PORT/ (default 8080) until stopped.
import { serve } from '../tests/browser/harness.mjs';
const port = Number(process.env.PORT || 8080);
const server = await serve(undefined, port);
console.log(`绩效目标申报表：${server.url}（按 Ctrl+C 停止）`);
