import { ingestDocument } from "../../../server/services/knowledge/documents/ingest-document";
import { defineJob } from "../../define";

/** Parses, chunks and indexes an uploaded document; its row carries status, progress and errors. */
export const ingestDocumentJob = defineJob(
  { id: "ingest-document", event: "kefu/knowledge.document-uploaded", retries: 1 },
  async ({ event, step }) =>
    step.run("ingest", () => ingestDocument(event.data.tenantId, event.data.documentId)),
);
