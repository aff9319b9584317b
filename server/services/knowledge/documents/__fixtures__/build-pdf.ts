// Test-only builder for small real PDF 1.4 files. Text is drawn with a Type0 font whose character
// codes are the UTF-16 code units, and a ToUnicode map tells readers what they mean, so Chinese text
// extracts without embedding a font (which is how real PDFs from Word work, with a subset font).

export type TPdfOptions = {
  title?: string;
  /** an /Encrypt dictionary whose empty user password does not match: readers must ask for one */
  encrypted?: boolean;
};

const hex4 = (n: number) => n.toString(16).padStart(4, "0").toUpperCase();
const hexOf = (s: string) => Array.from({ length: s.length }, (_, i) => hex4(s.charCodeAt(i))).join("");

function toUnicodeCMap(chars: string[]): string {
  const blocks: string[] = [];
  for (let i = 0; i < chars.length; i += 100) {
    const slice = chars.slice(i, i + 100);
    blocks.push(
      `${slice.length} beginbfchar\n` +
        slice.map((c) => `<${hex4(c.charCodeAt(0))}> <${hex4(c.charCodeAt(0))}>`).join("\n") +
        "\nendbfchar",
    );
  }
  return [
    "/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
    "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
    "1 begincodespacerange <0000> <FFFF> endcodespacerange",
    ...blocks,
    "endcmap CMapName currentdict /CMap defineresource pop end end",
  ].join("\n");
}

/** One array of text lines per page; an empty array is a page without text (like a scan). */
export function makePdf(pages: string[][], opts: TPdfOptions = {}): Buffer {
  const chars = [...new Set(pages.flat().join(""))].sort();
  const n = pages.length;
  const font = 3 + 2 * n; // objects: 1 catalog, 2 pages, (page, content) × n, then the font objects
  const objs: string[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + 2 * i} 0 R`).join(" ")}] /Count ${n} >>`,
  ];
  pages.forEach((lines, i) => {
    objs.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${4 + 2 * i} 0 R >>`,
    );
    const ops = lines.length
      ? `BT /F1 12 Tf 72 720 Td 16 TL ${lines.map((l) => `<${hexOf(l)}> Tj T*`).join(" ")} ET`
      : "0.5 g 72 72 468 648 re f"; // a grey rectangle: drawing but no text
    objs.push(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
  });
  const cmap = toUnicodeCMap(chars);
  objs.push(
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [${font + 1} 0 R] /ToUnicode ${font + 2} 0 R >>`,
    `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${font + 3} 0 R /DW 1000 >>`,
    `<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`,
    "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>",
  );
  const trailer: string[] = [];
  if (opts.title) {
    objs.push(`<< /Title <FEFF${hexOf(opts.title)}> >>`);
    trailer.push(`/Info ${objs.length} 0 R`);
  }
  if (opts.encrypted) {
    const pad = "0".repeat(64);
    objs.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${pad}> /U <${pad}> >>`);
    trailer.push(
      `/Encrypt ${objs.length} 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]`,
    );
  }
  let out = "%PDF-1.4\n";
  const offsets = objs.map((o, i) => {
    const at = Buffer.byteLength(out, "latin1");
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R ${trailer.join(" ")} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}
