import { describe, expect, it } from "vitest";
import { extractFromLines, type TLine } from "./extract-candidates";
import { candidateConfidence, isFailureAnswer, isQuestion, textLength } from "./extract-rules";
import { routeFor } from "./route-candidate";

const GOOD = "退款审核通过后，1-3 个工作日原路退回到您的支付账户，请留意银行通知。";

describe("learning filters", () => {
  it("recognises questions by marks and by question words", () => {
    for (const q of ["退款多久到账？", "能开发票吗", "运费怎么算", "发货地址是哪里", "能否加急", "保修几年"])
      expect(isQuestion(q), q).toBe(true);
    for (const s of ["好的", "我已经付款了", "收到货了"]) expect(isQuestion(s), s).toBe(false);
  });

  it("rejects apology and failure answers, including hand-overs", () => {
    for (const a of ["抱歉，这个问题我回答不了", "系统异常，请稍后再试", "我不知道", "正在为您转人工"])
      expect(isFailureAnswer(a), a).toBe(true);
    expect(isFailureAnswer(GOOD)).toBe(false);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(textLength("充电桩😊")).toBe(4);
  });

  it("scores human answers below auto-approval unless the customer thanked or the answer is thorough", () => {
    expect(
      candidateConfidence({ answeredBy: "HUMAN", answer: GOOD, botConfidence: null, thanked: false }),
    ).toBe(0.75);
    expect(
      candidateConfidence({ answeredBy: "HUMAN", answer: GOOD, botConfidence: null, thanked: true }),
    ).toBe(0.81);
    expect(candidateConfidence({ answeredBy: "BOT", answer: GOOD, botConfidence: 0.95, thanked: true })).toBe(
      0.79,
    );
  });

  it("routes by the PRODUCT.md thresholds", () => {
    expect(routeFor(0.8)).toBe("AUTO_APPROVED");
    expect(routeFor(0.7999)).toBe("PENDING");
    expect(routeFor(0.7)).toBe("PENDING");
    expect(routeFor(0.6999)).toBe("DISCARDED");
  });
});

describe("extractFromLines", () => {
  const line = (role: TLine["role"], content: string, more: Partial<TLine> = {}): TLine => ({
    role,
    content,
    ...more,
  });

  it("pairs each question with the answer that followed, human answers first", () => {
    const out = extractFromLines([
      line("CUSTOMER", "退款多久到账？"),
      line("BOT", GOOD, { action: "REPLY", confidence: 0.72 }),
      line("CUSTOMER", "可以开专票吗？"),
      line("BOT", "正在为您转接人工客服，请稍候。", { action: "TRANSFER" }),
      line("SYSTEM", "客服【小王】已接入，请问有什么可以帮您？"),
      line("NOTE", "客户是老客户，注意语气，这条备注不能被学习进知识库。"),
      line("AGENT", "可以开增值税专用发票，请在订单详情页填写公司抬头和税号后提交。"),
      line("CUSTOMER", "好的谢谢"),
    ]);
    expect(out).toEqual([
      {
        question: "可以开专票吗？",
        answer: "可以开增值税专用发票，请在订单详情页填写公司抬头和税号后提交。",
        answeredBy: "HUMAN",
        confidence: 0.81,
      },
      { question: "退款多久到账？", answer: GOOD, answeredBy: "BOT", confidence: 0.72 },
    ]);
  });

  it("drops non-questions, short answers and apologies", () => {
    const out = extractFromLines([
      line("CUSTOMER", "我已经付款了"),
      line("AGENT", "收到，我们会尽快为您安排发货，请耐心等待物流信息。"),
      line("CUSTOMER", "运费多少？"),
      line("AGENT", "包邮。"),
      line("CUSTOMER", "能送到新疆吗？"),
      line("AGENT", "抱歉，新疆地区暂时无法配送，给您带来不便非常抱歉。"),
    ]);
    expect(out).toEqual([]);
  });

  it("takes the latest question of a question split over several messages", () => {
    const out = extractFromLines([
      line("CUSTOMER", "你好"),
      line("CUSTOMER", "充电桩能装在地下车库吗？"),
      line("AGENT", "可以的，需要物业同意，并且车位附近能接独立电表，我们上门勘测。"),
    ]);
    expect(out.map((c) => c.question)).toEqual(["充电桩能装在地下车库吗？"]);
  });
});
