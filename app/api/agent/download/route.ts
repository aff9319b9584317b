import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { AppError } from "@/server/errors";
import { errorResponse } from "@/server/http/error-response";
import { agentDownloadInfo, AGENT_EXE_PATH } from "@/server/services/devices/manage-devices";

export const dynamic = "force-dynamic";

// GET /api/agent/download — the Windows agent's single executable, once `npm run agent:build-exe` has
// built it. Not secret (pairing needs a code from the dashboard), so no sign-in is required.
export async function GET(req: Request) {
  try {
    const info = await agentDownloadInfo();
    if (!info.available)
      throw new AppError("NOT_FOUND", "The Windows agent is not built yet: run npm run agent:build-exe");
    const body = Readable.toWeb(createReadStream(AGENT_EXE_PATH)) as ReadableStream;
    return new Response(body, {
      headers: {
        "content-type": "application/vnd.microsoft.portable-executable",
        "content-length": String(info.sizeBytes),
        "content-disposition": 'attachment; filename="kefu-agent.exe"',
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return errorResponse(e, req.headers.get("x-request-id") ?? undefined);
  }
}
