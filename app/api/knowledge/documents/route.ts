import { z } from "zod";
import { emit } from "@/inngest/emit";
import { requireTenantPermission } from "@/server/auth/require-tenant-permission";
import { currentUserId } from "@/server/auth/session";
import { AppError } from "@/server/errors";
import { errorResponse } from "@/server/http/error-response";
import { createDocument } from "@/server/services/knowledge/documents/manage-documents";
import { MAX_DOCUMENT_BYTES } from "@/server/services/knowledge/documents/parse-document";

export const dynamic = "force-dynamic";

const ZForm = z.object({ tenantId: z.string().uuid("Invalid tenant id") });

// Document upload (multipart: tenantId + file). Stores the file and queues the ingest job; the
// answer comes at once (202) and the document's status shows the progress.
export async function POST(req: Request) {
  const requestId = req.headers.get("x-request-id") ?? undefined;
  try {
    const userId = await currentUserId();
    if (!userId) throw new AppError("UNAUTHORIZED", "Please sign in");
    const length = Number(req.headers.get("content-length") ?? 0);
    if (length > MAX_DOCUMENT_BYTES + 64 * 1024)
      throw new AppError("PAYLOAD_TOO_LARGE", "The file is larger than 20 MB", "file");
    const form = await req.formData().catch(() => {
      throw new AppError("BAD_REQUEST", "Send the document as multipart/form-data");
    });
    const { tenantId } = ZForm.parse({ tenantId: form.get("tenantId") });
    await requireTenantPermission(userId, tenantId, "kb.write");
    const file = form.get("file");
    if (!(file instanceof File))
      throw new AppError("BAD_REQUEST", "Attach the document as the 'file' field", "file");
    if (file.size > MAX_DOCUMENT_BYTES)
      throw new AppError("PAYLOAD_TOO_LARGE", "The file is larger than 20 MB", "file");
    const doc = await createDocument(tenantId, userId, {
      name: file.name,
      type: file.type,
      bytes: Buffer.from(await file.arrayBuffer()),
    });
    await emit("kefu/knowledge.document-uploaded", { tenantId, documentId: doc.id });
    return Response.json({ document: doc }, { status: 202 });
  } catch (e) {
    return errorResponse(e, requestId);
  }
}
