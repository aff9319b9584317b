// The benchmark's customers (bench/pipeline.ts): `keys.length` senders posting `messages` messages to
// the REST channel, each sender with its own API key. Run in a worker thread — the load generator is
// not the server, and on the server's event loop its HTTP client and JSON took ~10 % of the CPU the
// benchmark is meant to measure. Plain JavaScript: a worker thread does not inherit the TypeScript
// loader.
import { parentPort, workerData } from "node:worker_threads";

function send(s, i, worker) {
  return fetch(`http://127.0.0.1:${s.port}/api/v1/messages`, {
    method: "POST",
    headers: { authorization: `Bearer ${s.keys[worker]}`, "content-type": "application/json" },
    body: JSON.stringify({
      messageId: `${s.label}-${i}`,
      // many customers, as in production: one chat's messages are processed in order
      contact: { id: `${s.contactPrefix ?? "customer"}-${i % s.contacts}` },
      text: s.queries[i % s.queries.length],
    }),
  }).then(async (r) => {
    if (r.status !== 200) throw new Error(`HTTP ${r.status}: ${await r.text()}`);
    return await r.json();
  });
}

async function runSenders(s) {
  const actions = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    s.keys.map(async (_, worker) => {
      while (next < s.messages) {
        const r = await send(s, next++, worker);
        actions[r.action] = (actions[r.action] ?? 0) + 1;
      }
    }),
  );
  return { seconds: (performance.now() - t0) / 1000, actions };
}

runSenders(workerData).then(
  (result) => parentPort.postMessage({ result }),
  (e) => parentPort.postMessage({ error: e instanceof Error ? e.message : String(e) }),
);
