import { describe, expect, it } from "vitest";
import { cosine, embedLocal, LOCAL_EMBEDDING_DIM, localFeatures } from "./local-embedder";

const sim = (a: string, b: string) => cosine(embedLocal(a), embedLocal(b));

describe("local embedder", () => {
  it("is deterministic, unit-length and of the advertised dimension", () => {
    const a = embedLocal("充电桩安装需要多长时间？");
    const b = embedLocal("充电桩安装需要多长时间？");
    expect(a).toHaveLength(LOCAL_EMBEDDING_DIM);
    expect([...a]).toEqual([...b]);
    expect(cosine(a, a)).toBeCloseTo(1, 5);
    expect([...embedLocal("")].every((x) => x === 0)).toBe(true);
  });

  it("puts paraphrases closer than unrelated questions", () => {
    const faq = "退款多久到账？";
    expect(sim(faq, "钱啥时候退回来")).toBeGreaterThan(sim(faq, "充电桩安装需要物业证明吗"));
    expect(sim("充电桩安装需要多长时间", "充电器装一下要几天")).toBeGreaterThan(
      sim("充电桩安装需要多长时间", "发票怎么开"),
    );
  });

  it("treats traditional, full-width and simplified text alike", () => {
    expect(sim("請問退貨運費誰出？", "请问退货运费谁出？")).toBeCloseTo(1, 5);
    expect(sim("ＫＦ－７Ａ怎么安装", "KF-7A怎么安装")).toBeCloseTo(1, 5);
  });

  it("applies tenant synonyms", () => {
    const synonyms = new Map([["小绿盒", "充电桩"]]);
    const base = cosine(embedLocal("小绿盒坏了"), embedLocal("充电桩坏了"));
    const withTenant = cosine(embedLocal("小绿盒坏了", { synonyms }), embedLocal("充电桩坏了", { synonyms }));
    expect(withTenant).toBeGreaterThan(base);
    expect(localFeatures("小绿盒坏了", { synonyms }).has("w:充电桩")).toBe(true);
  });
});
