import { z } from "zod";

/** Both sides refuse WebSocket frames above this size (docs/agent-protocol.md). */
export const MAX_FRAME_BYTES = 64 * 1024;

export const ZWechatState = z.enum([
  "ready",
  "not_running",
  "logged_out",
  "ui_hidden",
  "screen_locked",
  "error",
]);
export type TWechatState = z.infer<typeof ZWechatState>;

export const ZChat = z.object({
  id: z.string().min(1),
  name: z.string(),
  type: z.enum(["private", "group"]),
});
export type TChat = z.infer<typeof ZChat>;

// ---- agent → server ----

export const ZMessageFrame = z.object({
  type: z.literal("message"),
  id: z.string().min(1),
  chat: ZChat,
  sender: z.object({ id: z.string().min(1), name: z.string() }),
  text: z.string(),
  atMe: z.boolean(),
  sentAt: z.iso.datetime({ offset: true }),
});
export type TMessageFrame = z.infer<typeof ZMessageFrame>;

export const ZSentFrame = z.union([
  z.object({ type: z.literal("sent"), id: z.string().min(1), ok: z.literal(true) }),
  z.object({ type: z.literal("sent"), id: z.string().min(1), ok: z.literal(false), error: z.string() }),
]);
export type TSentFrame = z.infer<typeof ZSentFrame>;

export const ZHeartbeatStatus = z.object({
  wechat: ZWechatState,
  cpu: z.number().min(0),
  mem: z.number().min(0),
  queue: z.number().int().min(0),
  processed: z.number().int().min(0),
  version: z.string(),
});
export const ZHeartbeatFrame = z.object({ type: z.literal("heartbeat"), status: ZHeartbeatStatus });
export type THeartbeatFrame = z.infer<typeof ZHeartbeatFrame>;

export const ZAgentFrame = z.union([ZMessageFrame, ZSentFrame, ZHeartbeatFrame]);
export type TAgentFrame = z.infer<typeof ZAgentFrame>;

// ---- server → agent ----

export const ZWelcomeFrame = z.object({
  type: z.literal("welcome"),
  deviceId: z.string(),
  serverTime: z.string(),
  heartbeatIntervalSec: z.number().positive(),
});
export const ZAckFrame = z.object({
  type: z.literal("ack"),
  id: z.string().min(1),
  status: z.enum(["stored", "duplicate"]),
});
export const ZSendFrame = z.object({
  type: z.literal("send"),
  id: z.string().min(1),
  chat: ZChat,
  text: z.string().min(1),
  replyTo: z.string().nullable().default(null),
});
export type TSendFrame = z.infer<typeof ZSendFrame>;
export const ZHeartbeatAckFrame = z.object({ type: z.literal("heartbeat_ack"), serverTime: z.string() });
export const ZCommandFrame = z.object({
  type: z.literal("command"),
  name: z.enum(["pause", "resume", "reload"]),
});
export type TCommandName = z.infer<typeof ZCommandFrame>["name"];
export const ZErrorFrame = z.object({
  type: z.literal("error"),
  code: z.enum(["BAD_FRAME", "TOO_LARGE", "RATE_LIMITED"]),
  message: z.string(),
  ref: z.string().nullish(),
});

export const ZServerFrame = z.discriminatedUnion("type", [
  ZWelcomeFrame,
  ZAckFrame,
  ZSendFrame,
  ZHeartbeatAckFrame,
  ZCommandFrame,
  ZErrorFrame,
]);
export type TServerFrame = z.infer<typeof ZServerFrame>;

export type TParseResult<T> = { ok: true; frame: T } | { ok: false; reason: string };

/** Parses one server frame; never throws, so a malformed frame cannot take the connection down. */
export function parseServerFrame(raw: string | Buffer): TParseResult<TServerFrame> {
  return parseFrame(raw, ZServerFrame);
}

/** Parses one agent frame (used by the test peer, and usable by a server implementation). */
export function parseAgentFrame(raw: string | Buffer): TParseResult<TAgentFrame> {
  return parseFrame(raw, ZAgentFrame);
}

function parseFrame<T>(raw: string | Buffer, schema: z.ZodType<T>): TParseResult<T> {
  if (Buffer.byteLength(raw) > MAX_FRAME_BYTES) return { ok: false, reason: "frame larger than 64 KiB" };
  let json: unknown;
  try {
    json = JSON.parse(raw.toString());
  } catch {
    return { ok: false, reason: "not JSON" };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues[0]?.message ?? "invalid frame" };
  return { ok: true, frame: parsed.data };
}

/** Serialises an agent frame, validating it first so a bug here never reaches the server as BAD_FRAME. */
export function encodeAgentFrame(frame: TAgentFrame): string {
  return JSON.stringify(ZAgentFrame.parse(frame));
}

/**
 * Cuts a message's text so its frame stays under the size limit; WeChat allows very long texts, and a
 * frame the server refuses as TOO_LARGE would otherwise sit at the head of the queue forever.
 */
export function fitMessageToFrame(frame: TMessageFrame): TMessageFrame {
  const marker = " …[truncated]";
  let text = frame.text;
  while (Buffer.byteLength(JSON.stringify({ ...frame, text })) > MAX_FRAME_BYTES - 512) {
    text = text.slice(0, Math.floor(text.length * 0.9));
  }
  return text === frame.text ? frame : { ...frame, text: text + marker };
}
