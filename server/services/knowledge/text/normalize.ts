import * as OpenCC from "opencc-js/t2cn";

// One normal form for everything that is indexed or searched: NFKC (full-width ＫＦ－７Ａ → KF-7A,
// compatibility ideographs), Traditional → Simplified Chinese (customers write 請問退貨), lower-case
// Latin, single spaces. Index and query go through the same function, so they always agree.

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

export function normalizeText(text: string): string {
  return toSimplified(text.normalize("NFKC"))
    .toLowerCase()
    .replace(/[\s\u00a0\u3000]+/g, " ")
    .trim();
}
