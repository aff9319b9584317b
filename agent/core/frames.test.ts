import { describe, expect, it } from "vitest";
import {
  encodeAgentFrame,
  fitMessageToFrame,
  MAX_FRAME_BYTES,
  parseAgentFrame,
  parseServerFrame,
} from "./frames";

const message = {
  type: "message" as const,
  id: "c1",
  chat: { id: "客户A", name: "客户A", type: "private" as const },
  sender: { id: "客户A", name: "客户A" },
  text: "充电桩多少钱？",
  atMe: false,
  sentAt: "2026-01-05T10:00:00.000Z",
};

describe("frames", () => {
  it("accepts every server frame of the protocol", () => {
    const frames = [
      { type: "welcome", deviceId: "d", serverTime: "t", heartbeatIntervalSec: 30 },
      { type: "ack", id: "c1", status: "duplicate" },
      { type: "send", id: "s1", chat: message.chat, text: "您好", replyTo: null },
      { type: "heartbeat_ack", serverTime: "t" },
      { type: "command", name: "reload" },
      { type: "error", code: "TOO_LARGE", message: "too big", ref: "c1" },
    ];
    for (const frame of frames) expect(parseServerFrame(JSON.stringify(frame)).ok).toBe(true);
  });

  it("rejects malformed, unknown and oversized frames without throwing", () => {
    expect(parseServerFrame("{nope")).toEqual({ ok: false, reason: "not JSON" });
    expect(parseServerFrame(JSON.stringify({ type: "ack", id: "x", status: "maybe" })).ok).toBe(false);
    expect(parseServerFrame(JSON.stringify({ type: "command", name: "format_disk" })).ok).toBe(false);
    expect(parseServerFrame(JSON.stringify({ type: "teleport" })).ok).toBe(false);
    const huge = JSON.stringify({ type: "heartbeat_ack", serverTime: "x".repeat(MAX_FRAME_BYTES) });
    expect(parseServerFrame(huge)).toEqual({ ok: false, reason: "frame larger than 64 KiB" });
  });

  it("validates agent frames before encoding them", () => {
    expect(parseAgentFrame(encodeAgentFrame(message))).toEqual({ ok: true, frame: message });
    expect(() => encodeAgentFrame({ ...message, sentAt: "yesterday" })).toThrow();
    expect(parseAgentFrame(JSON.stringify({ type: "sent", id: "s1", ok: false })).ok).toBe(false);
    expect(parseAgentFrame(JSON.stringify({ type: "sent", id: "s1", ok: false, error: "boom" })).ok).toBe(
      true,
    );
  });

  it("truncates a message whose frame would exceed the limit", () => {
    const long = fitMessageToFrame({ ...message, text: "长".repeat(40_000) });
    expect(Buffer.byteLength(encodeAgentFrame(long))).toBeLessThanOrEqual(MAX_FRAME_BYTES);
    expect(long.text.endsWith("[truncated]")).toBe(true);
    expect(fitMessageToFrame(message)).toBe(message);
  });
});
