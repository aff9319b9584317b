import { z } from "zod";

// The agent → server frames of docs/agent-protocol.md, validated strictly enough that nothing
// malformed reaches the pipeline (the agent's own copy is agent/core/frames.ts).

export const MAX_FRAME_BYTES = 64 * 1024;

const ZId = z.string().min(1).max(128);
const ZChat = z.object({
  id: z.string().min(1).max(500),
  name: z.string().max(500),
  type: z.enum(["private", "group"]),
});

export const ZMessageFrame = z.object({
  type: z.literal("message"),
  id: ZId,
  chat: ZChat,
  sender: z.object({ id: z.string().min(1).max(500), name: z.string().max(500) }),
  text: z.string().refine((t) => t.trim().length > 0, "text is empty"),
  atMe: z.boolean(),
  sentAt: z.iso.datetime({ offset: true }),
});
export type TMessageFrame = z.infer<typeof ZMessageFrame>;

export const ZSentFrame = z.union([
  z.object({ type: z.literal("sent"), id: ZId, ok: z.literal(true) }),
  z.object({ type: z.literal("sent"), id: ZId, ok: z.literal(false), error: z.string().max(2000) }),
]);

export const ZHeartbeatFrame = z.object({
  type: z.literal("heartbeat"),
  status: z.object({
    wechat: z.enum(["ready", "not_running", "logged_out", "ui_hidden", "screen_locked", "error"]),
    cpu: z.number().min(0).max(1e6),
    mem: z.number().min(0).max(1e9),
    queue: z.number().int().min(0),
    processed: z.number().int().min(0),
    version: z.string().max(50),
  }),
});

const SCHEMAS = { message: ZMessageFrame, sent: ZSentFrame, heartbeat: ZHeartbeatFrame } as const;
export type TAgentFrame = TMessageFrame | z.infer<typeof ZSentFrame> | z.infer<typeof ZHeartbeatFrame>;

export type TFrameError = { code: "BAD_FRAME" | "TOO_LARGE"; message: string; ref: string | null };

/** Parses one inbound frame; never throws. `ref` is the frame's id when it can be read. */
export function parseAgentFrame(
  data: Buffer,
): { ok: true; frame: TAgentFrame } | { ok: false; error: TFrameError } {
  let json: unknown;
  try {
    json = JSON.parse(data.toString("utf8"));
  } catch {
    if (data.length > MAX_FRAME_BYTES)
      return { ok: false, error: { code: "TOO_LARGE", message: "frame larger than 64 KiB", ref: null } };
    return { ok: false, error: { code: "BAD_FRAME", message: "not JSON", ref: null } };
  }
  const obj =
    json && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  const ref = typeof obj?.id === "string" ? obj.id.slice(0, 200) : null;
  if (data.length > MAX_FRAME_BYTES)
    return { ok: false, error: { code: "TOO_LARGE", message: "frame larger than 64 KiB", ref } };
  const type = obj?.type;
  const schema =
    typeof type === "string" && Object.hasOwn(SCHEMAS, type) ? SCHEMAS[type as keyof typeof SCHEMAS] : null;
  if (!schema)
    return {
      ok: false,
      error: {
        code: "BAD_FRAME",
        message: typeof type === "string" ? `unknown type "${type.slice(0, 50)}"` : "missing type",
        ref,
      },
    };
  const parsed = schema.safeParse(obj);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return {
      ok: false,
      error: { code: "BAD_FRAME", message: `${where}${issue?.message ?? "invalid frame"}`, ref },
    };
  }
  return { ok: true, frame: parsed.data as TAgentFrame };
}
