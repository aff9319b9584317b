// npm run bench:pipeline [-- --messages 2000 --concurrency 16 --contacts 500]
// Customer messages through the whole pipeline over HTTP (the REST route handler on a local HTTP
// server), in two modes: knowledge-only (no provider) and with a provider that is the fake vendor
// answering at once. Prints throughput and the server-side time per message (p50/p95) with all senders
// at once (at saturation: mostly waiting for the CPU), then the same for 300 messages one at a time —
// the pipeline's own overhead (the fake vendor's own time is ~0). Database: a throwaway database on the
// PostgreSQL server DATABASE_URL names (the target is measured there), else in-memory PGlite.
// --contacts: how many customers the messages come from (500: four messages each, so a conversation
// the bot transferred takes its later messages without a bot answer; a large number: every message
// opens a conversation and is answered).
import { createServer, type IncomingMessage } from "node:http";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { readJsonl, type TKbEntry, type TQuery } from "./lib/eval-data";
import { openBenchDatabase } from "./lib/bench-database";
import { percentile } from "./lib/throwaway-db";

type TSenders = {
  port: number;
  keys: string[];
  label: string;
  messages: number;
  contacts: number;
  /** the customers' ids: `${contactPrefix}-${n}` ("customer" by default) */
  contactPrefix?: string;
  queries: string[];
};
type TSendersResult = { seconds: number; actions: Record<string, number> };

/** The senders in a worker thread (see message-senders.mjs). */
function inWorker(senders: TSenders): Promise<TSendersResult> {
  const worker = new Worker(new URL("./lib/message-senders.mjs", import.meta.url), { workerData: senders });
  return new Promise((resolve, reject) => {
    worker.once("message", (m: { result?: TSendersResult; error?: string }) => {
      void worker.terminate();
      if (m.result) resolve(m.result);
      else reject(new Error(m.error));
    });
    worker.once("error", reject);
  });
}

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "16" },
    contacts: { type: "string", default: "500" },
  },
});
const MESSAGES = Number(values.messages);
const CONCURRENCY = Number(values.concurrency);
const CONTACTS = Number(values.contacts);
/** messages of the one-at-a-time run (one API key: within its 600 a minute) */
const SEQUENTIAL = 300;
const kb = readJsonl<TKbEntry>("bench/data/kb.jsonl");
const queries = readJsonl<TQuery>("bench/data/queries.jsonl").map((q) => q.query);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function main() {
  // before the first server module reads (and caches) the environment
  process.env.KEFU_ENCRYPTION_KEY ??= (await import("node:crypto")).randomBytes(32).toString("base64");
  const database = await openBenchDatabase("kefu_bench_pipeline");
  const { upsertQaPairs } = await import("../server/services/knowledge/qa/upsert-qa-pairs");
  const { createApiKey } = await import("../server/services/apikeys/api-keys");
  const { encryptSecret } = await import("../server/crypto/secrets");
  const { POST } = await import("../app/api/v1/messages/route");
  const { startFakeVendor, behave } = await import("../tests/fakes/fake-llm-vendor");
  const { randomBytes } = await import("node:crypto");
  const vendor = await startFakeVendor();
  vendor.setBehaviour(
    behave.ok(() =>
      JSON.stringify({ answer: "好的，这是根据资料给出的回答。", confidence: 0.9, needs_human: false }),
    ),
  );
  const serverTimes: number[] = [];
  const http = createServer((req, res) => {
    void (async () => {
      const started = performance.now();
      const request = new Request(`http://bench${req.url}`, {
        method: req.method,
        headers: req.headers as Record<string, string>,
        body: await readBody(req),
      });
      const response = await POST(request);
      serverTimes.push(performance.now() - started);
      res.writeHead(response.status, { "content-type": "application/json" });
      res.end(await response.text());
    })();
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const port = (http.address() as { port: number }).port;
  try {
    const client = database.client;

    async function runMode(label: string, withProvider: boolean) {
      const tenant = await client.tenant.create({
        data: { name: label, slug: `bench-${randomBytes(4).toString("hex")}` },
      });
      // always open, so transfers go to the live queue (no e-mails)
      await client.rule.create({
        data: {
          tenantId: tenant.id,
          type: "WORKING_HOURS",
          name: "open",
          config: {
            schedule: Object.fromEntries(
              ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, ["00:00-24:00"]]),
            ),
          },
        },
      });
      await upsertQaPairs(
        tenant.id,
        kb.map((e) => ({ externalId: e.id, question: e.question, answer: e.answer })),
      );
      if (withProvider)
        await client.aiProvider.create({
          data: {
            tenantId: tenant.id,
            name: "fake",
            kind: "OPENAI_COMPATIBLE",
            baseUrl: `${vendor.url}/v1`,
            model: "fake-0ms",
            apiKeyEnc: encryptSecret(vendor.apiKey),
          },
        });
      // one API key per concurrent sender: a key is limited to 600 requests a minute (api-key-auth.ts),
      // which would cap the benchmark at 10 msg/s; a tenant with several channels has several keys
      const keys: string[] = [];
      for (let w = 0; w < CONCURRENCY; w++)
        keys.push((await createApiKey(tenant.id, null, `bench ${w}`)).key);
      const senders = { port, keys, label, messages: MESSAGES, contacts: CONTACTS, queries };
      await inWorker({ ...senders, keys: keys.slice(0, 1), label: `${label}-warm-up`, messages: 50 });
      // Planner statistics, as autovacuum would have gathered them on a production server (it is off on
      // the benchmark machines): without them a pooled connection keeps the generic plan it made while
      // the tables were nearly empty — e.g. a conversation's history read through the tenant's
      // (tenantId, createdAt) index, scanning every message of the tenant.
      await client.$executeRawUnsafe("ANALYZE");
      serverTimes.length = 0;
      const { seconds, actions } = await inWorker(senders);
      console.log(
        `${label}: ${MESSAGES} messages in ${seconds.toFixed(1)} s = ${(MESSAGES / seconds).toFixed(0)} msg/s; ` +
          `server time p50=${percentile(serverTimes, 50).toFixed(1)} ms p95=${percentile(serverTimes, 95).toFixed(1)} ms; ` +
          `actions ${JSON.stringify(actions)}`,
      );
      // The pipeline's own time per message, without waiting for a CPU that the other senders' messages
      // hold: the same messages one at a time (new customers, so each one is answered), after a pause
      // in which the background jobs of the run above finish.
      await new Promise((r) => setTimeout(r, 12_000));
      serverTimes.length = 0;
      const one = await inWorker({
        ...senders,
        keys: keys.slice(0, 1),
        label: `${label}-one-at-a-time`,
        messages: SEQUENTIAL,
        contacts: SEQUENTIAL,
        contactPrefix: "one-at-a-time",
      });
      console.log(
        `${label}, one at a time: ${SEQUENTIAL} messages = ${(SEQUENTIAL / one.seconds).toFixed(0)} msg/s; ` +
          `pipeline overhead p50=${percentile(serverTimes, 50).toFixed(1)} ms p95=${percentile(serverTimes, 95).toFixed(1)} ms`,
      );
    }

    console.log(`database: ${database.label}; concurrency ${CONCURRENCY}; ${kb.length} FAQ entries`);
    await runMode("knowledge-only", false);
    await runMode("fake-provider-0ms", true);
  } catch (e) {
    console.error(e);
    process.exitCode = 1;
  } finally {
    http.close();
    await vendor.close();
    await database.close();
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
