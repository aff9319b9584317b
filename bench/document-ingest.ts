// npm run bench:documents [-- --documents 20 --pages 30 --concurrency 2]
// Document ingest throughput with the local embedder: PDF files of Chinese manual pages (~30 lines,
// ~800 characters each, like a printed page) are stored with createDocument and ingested with the
// ingest job's own function (parse → chunk by headings → embed → index, status on the row), in a
// throwaway database (a new database on DATABASE_URL's server, else in-memory PGlite). Prints pages/s
// and chunks/s; `--concurrency` is how many ingest jobs run at once (the job runner's default is 2).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { makePdf } from "../server/services/knowledge/documents/__fixtures__/build-pdf";
import { readJsonl, type TKbEntry } from "./lib/eval-data";
import { openBenchDatabase } from "./lib/bench-database";
import { percentile } from "./lib/throwaway-db";

const { values } = parseArgs({
  options: {
    documents: { type: "string", default: "20" },
    pages: { type: "string", default: "30" },
    concurrency: { type: "string", default: "2" },
  },
});
const DOCS = Number(values.documents);
const PAGES = Number(values.pages);
const CONCURRENCY = Math.max(1, Number(values.concurrency));

const kb = readJsonl<TKbEntry>("bench/data/kb.jsonl");

/** A page: a section heading and paragraphs of answer text, wrapped at 30 characters a line. */
function page(doc: number, p: number): string[] {
  const lines = [`第${p + 1}节 ${kb[(doc * 31 + p) % kb.length].question.replace(/[？?]$/, "")}`];
  for (let k = 0; lines.length < 30; k++) {
    const text = kb[(doc * 17 + p * 7 + k) % kb.length].answer;
    for (let i = 0; i < text.length && lines.length < 30; i += 30) lines.push(text.slice(i, i + 30));
  }
  return lines;
}

async function main() {
  const database = await openBenchDatabase("kefu_docs");
  const { client } = database;
  const { createDocument } = await import("../server/services/knowledge/documents/manage-documents");
  const { ingestDocument } = await import("../server/services/knowledge/documents/ingest-document");
  try {
    const tenant = await client.tenant.create({
      data: { name: "Docs", slug: `docs-${randomBytes(3).toString("hex")}` },
    });
    const files = Array.from({ length: DOCS }, (_, d) => ({
      name: `手册-${d + 1}.pdf`,
      type: "application/pdf",
      bytes: makePdf(
        Array.from({ length: PAGES }, (_, p) => page(d, p)),
        { title: `产品手册 ${d + 1}` },
      ),
    }));
    // warm-up: parser, segmenter and embedder loaded before timing
    const warm = await createDocument(tenant.id, null, { ...files[0], name: "warm-up.pdf" });
    await ingestDocument(tenant.id, warm.id);

    const stored: Awaited<ReturnType<typeof createDocument>>[] = [];
    for (const f of files) stored.push(await createDocument(tenant.id, null, f));
    const perDoc: number[] = [];
    let chunks = 0;
    let next = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (next < stored.length) {
        const doc = stored[next++];
        const s = performance.now();
        const res = await ingestDocument(tenant.id, doc.id);
        if (res.status !== "READY") throw new Error(`${doc.fileName} ended ${res.status}`);
        perDoc.push(performance.now() - s);
        chunks += res.chunks;
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    const seconds = (performance.now() - t0) / 1000;
    const pages = DOCS * PAGES;
    console.log(
      `documents: ${DOCS} PDFs × ${PAGES} pages (${(files.reduce((n, f) => n + f.bytes.length, 0) / 1048576).toFixed(1)} MB), ${chunks} chunks, concurrency ${CONCURRENCY}, ${database.label}`,
    );
    console.log(
      `per document: p50 ${percentile(perDoc, 50).toFixed(0)} ms, p95 ${percentile(perDoc, 95).toFixed(0)} ms`,
    );
    console.log(
      `ingest: ${pages} pages in ${seconds.toFixed(1)} s = ${(pages / seconds).toFixed(1)} pages/s, ${(chunks / seconds).toFixed(0)} chunks/s (local embedder)`,
    );
  } finally {
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
