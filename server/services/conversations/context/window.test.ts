import { describe, expect, it } from "vitest";
import { type TContextMessage } from "./context-types";
import { buildContextWindow } from "./window";

const NOW = new Date("2025-11-10T03:00:00Z");
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);

/** A dialogue of [role, text] pairs, one minute apart, ending one minute before NOW. */
function dialogue(lines: [TContextMessage["role"], string][], endMinutesAgo = 1): TContextMessage[] {
  return lines.map(([role, content], i) => ({
    role,
    content,
    createdAt: ago(endMinutesAgo + lines.length - 1 - i),
  }));
}

const consultTurns = (n: number) =>
  dialogue(
    Array.from({ length: n }, (_, i): [TContextMessage["role"], string][] => [
      ["CUSTOMER", `KF-7A充电桩第${i + 1}个问题的价格`],
      ["BOT", `KF-7A充电桩第${i + 1}个回答`],
    ]).flat(),
  );

const texts = (w: { messages: TContextMessage[] }) => w.messages.map((m) => m.content);

describe("buildContextWindow", () => {
  it("keeps 1 / 5 / 3 turns for chat / consult / business", () => {
    const history = consultTurns(7);
    expect(buildContextWindow(history, "CHAT", { now: NOW })).toMatchObject({ turns: 1 });
    expect(buildContextWindow(history, "CONSULT", { now: NOW })).toMatchObject({ turns: 5, dropped: 4 });
    const business = buildContextWindow(history, "BUSINESS", { now: NOW });
    expect(business.turns).toBe(3);
    expect(texts(business)[0]).toBe("KF-7A充电桩第5个问题的价格");
  });

  it("counts consecutive customer messages as one turn", () => {
    const history = dialogue([
      ["CUSTOMER", "你好"],
      ["BOT", "您好，请问有什么可以帮您？"],
      ["CUSTOMER", "在吗"],
      ["CUSTOMER", "有人吗"],
      ["BOT", "在的"],
    ]);
    expect(texts(buildContextWindow(history, "CHAT", { now: NOW }))).toEqual(["在吗", "有人吗", "在的"]);
  });

  it("drops messages older than 30 minutes, notes and system lines", () => {
    const history: TContextMessage[] = [
      { role: "CUSTOMER", content: "KF-7A多少钱", createdAt: ago(45) },
      { role: "BOT", content: "1999元", createdAt: ago(44) },
      { role: "SYSTEM", content: "客服【小王】已接入", createdAt: ago(5) },
      { role: "NOTE", content: "这个客户很急", createdAt: ago(4) },
      { role: "CUSTOMER", content: "KF-7A保修几年", createdAt: ago(3) },
      { role: "AGENT", content: "KF-7A保修三年", createdAt: ago(2) },
    ];
    const w = buildContextWindow(history, "CONSULT", { now: NOW });
    expect(texts(w)).toEqual(["KF-7A保修几年", "KF-7A保修三年"]);
  });

  it("sorts by time whatever the input order", () => {
    const history = consultTurns(2).reverse();
    expect(texts(buildContextWindow(history, "CONSULT", { now: NOW }))[0]).toBe("KF-7A充电桩第1个问题的价格");
  });

  it("starts at the latest topic switch among the kept turns", () => {
    const history = dialogue([
      ["CUSTOMER", "KF-7A多少钱"],
      ["BOT", "1999元"],
      ["CUSTOMER", "对了，发票怎么开"],
      ["BOT", "下单时填写抬头即可"],
      ["CUSTOMER", "电子发票可以吗"],
      ["BOT", "可以"],
    ]);
    const w = buildContextWindow(history, "CONSULT", { now: NOW });
    expect(texts(w)).toEqual(["对了，发票怎么开", "下单时填写抬头即可", "电子发票可以吗", "可以"]);
    expect(w.topicSwitch).toMatchObject({ switched: true, reason: "marker", marker: "对了" });
  });

  it("keeps nothing when the new message itself switches topic", () => {
    const w = buildContextWindow(consultTurns(3), "CONSULT", {
      now: NOW,
      current: "换个问题，你们周末上班吗",
    });
    expect(w).toMatchObject({ messages: [], turns: 0, dropped: 6, topicSwitch: { reason: "marker" } });
    const followUp = buildContextWindow(consultTurns(3), "CONSULT", { now: NOW, current: "那它的保修呢" });
    expect(followUp.turns).toBe(3);
  });

  it("caps the window at 20 messages", () => {
    const history = dialogue(
      Array.from({ length: 5 }, (_, i): [TContextMessage["role"], string][] => [
        ["CUSTOMER", `KF-7A问题${i}`],
        ...Array.from({ length: 5 }, (): [TContextMessage["role"], string] => ["BOT", `KF-7A回答${i}`]),
      ]).flat(),
    );
    const w = buildContextWindow(history, "CONSULT", { now: NOW });
    expect(w.messages).toHaveLength(20);
    expect(w.messages[19].content).toBe("KF-7A回答4");
  });

  it("caps the window at about 2000 tokens, dropping the oldest first", () => {
    const long = "充".repeat(900);
    const history = dialogue([
      ["CUSTOMER", `KF-7A ${long}`],
      ["BOT", `KF-7A ${long}`],
      ["CUSTOMER", `KF-7A ${long}`],
    ]);
    const w = buildContextWindow(history, "CONSULT", { now: NOW });
    expect(w.messages).toHaveLength(2);
    expect(w.tokens).toBeLessThanOrEqual(2000);
  });

  it("keeps the end of a single message that is too long on its own", () => {
    const history = dialogue([["CUSTOMER", `开头${"长".repeat(3000)}结尾`]]);
    const w = buildContextWindow(history, "CONSULT", { now: NOW });
    expect(w.tokens).toBeLessThanOrEqual(2000);
    expect(w.messages[0].content.startsWith("…")).toBe(true);
    expect(w.messages[0].content.endsWith("结尾")).toBe(true);
  });

  it("is empty for an empty history", () => {
    expect(buildContextWindow([], "BUSINESS", { now: NOW })).toEqual({
      messages: [],
      turns: 0,
      tokens: 0,
      topicSwitch: null,
      dropped: 0,
    });
  });
});
