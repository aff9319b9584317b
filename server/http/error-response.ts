import { ZodError } from "zod";
import { AppError } from "../errors";
import { logger } from "../logging";

/** The one JSON error shape of Kefu's HTTP endpoints: {"error":{"code","message"}} with the status. */
export function errorResponse(e: unknown, requestId?: string): Response {
  if (e instanceof AppError) {
    return Response.json(
      { error: { code: e.code, message: e.message, field: e.field ?? null } },
      { status: e.status },
    );
  }
  if (e instanceof ZodError) {
    const message = e.issues
      .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
      .join("; ");
    return Response.json({ error: { code: "BAD_REQUEST", message } }, { status: 400 });
  }
  logger().error({ err: e, requestId }, "request failed");
  return Response.json({ error: { code: "INTERNAL", message: "Internal server error" } }, { status: 500 });
}
