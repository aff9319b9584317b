import { describe, expect, it } from "vitest";
import { GET as getConversation } from "../../app/api/v1/conversations/[id]/route";
import { POST as postMessage } from "../../app/api/v1/messages/route";
import { createApiKey, revokeApiKey } from "../../server/services/apikeys/api-keys";
import { uniq } from "./helpers";
import { pipelineTenant } from "./pipeline-helpers";

// The REST channel through its real route handlers: API-key auth, validation, error shape, and
// tenant isolation of conversations.

async function keyFor() {
  const { tenant, user } = await pipelineTenant();
  const { key, id } = await createApiKey(tenant.id, null, `test ${uniq()}`);
  return { tenant, user, key, keyId: id };
}

function post(body: unknown, key?: string, headers: Record<string, string> = {}) {
  return postMessage(
    new Request("http://kefu.test/api/v1/messages", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...headers,
      },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
  );
}

function get(id: string, key: string) {
  return getConversation(
    new Request(`http://kefu.test/api/v1/conversations/${id}`, {
      headers: { authorization: `Bearer ${key}` },
    }),
    { params: Promise.resolve({ id }) },
  );
}

describe("REST API v1", () => {
  it("answers a message and returns the conversation", async () => {
    const { key } = await keyFor();
    const res = await post(
      { messageId: "m-1", contact: { id: "shop-user-1", name: "王女士" }, text: "退款多久到账" },
      key,
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ action: "reply", duplicate: false });
    expect(body.content).toContain("1-3 个工作日");
    expect(body.confidence).toBeGreaterThan(0.75);

    const again = await (
      await post({ messageId: "m-1", contact: { id: "shop-user-1" }, text: "退款多久到账" }, key)
    ).json();
    expect(again).toMatchObject({ duplicate: true, messageId: body.messageId, content: body.content });

    const conv = await get(body.conversationId, key);
    expect(conv.status).toBe(200);
    const c = await conv.json();
    expect(c.contact).toEqual({ id: "shop-user-1", name: "王女士" });
    expect(c.messages.map((m: { role: string }) => m.role)).toEqual(["customer", "bot"]);
  });

  it("rejects bad requests with clear errors in one shape", async () => {
    const { key, tenant, keyId, user } = await keyFor();
    const cases: [Response, number, string][] = [
      [await post({ contact: { id: "x" }, text: "hi" }), 401, "UNAUTHORIZED"],
      [await post({ contact: { id: "x" }, text: "hi" }, "kf_nope"), 401, "UNAUTHORIZED"],
      [await post("{not json", key), 400, "BAD_REQUEST"],
      [await post({ contact: { id: "x" } }, key), 400, "BAD_REQUEST"],
      [await post({ contact: { id: "x" }, text: "字".repeat(4001) }, key), 400, "BAD_REQUEST"],
      [await post({ contact: { id: "x" }, text: "x".repeat(20_000) }, key), 413, "PAYLOAD_TOO_LARGE"],
      [
        await post({ contact: { id: "x" }, text: "hi" }, key, { "content-type": "text/plain" }),
        400,
        "BAD_REQUEST",
      ],
      [await get("not-a-uuid", key), 400, "BAD_REQUEST"],
      [await get("00000000-0000-4000-8000-000000000000", key), 404, "NOT_FOUND"],
    ];
    for (const [res, status, code] of cases) {
      expect(res.status).toBe(status);
      const body = await res.json();
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(3);
    }
    await revokeApiKey(tenant.id, { actorId: user.id, actorEmail: "owner@example.com" }, keyId);
    const revoked = await post({ contact: { id: "x" }, text: "hi" }, key);
    expect(revoked.status).toBe(401);
  });

  it("never shows one tenant's conversation to another tenant's key", async () => {
    const a = await keyFor();
    const b = await keyFor();
    const res = await (
      await post({ contact: { id: "secret" }, text: "我的订单 DD123456789 退款多久到账" }, a.key)
    ).json();
    const stolen = await get(res.conversationId, b.key);
    expect(stolen.status).toBe(404);
    const own = await get(res.conversationId, a.key);
    expect(own.status).toBe(200);
  });
});
