// PostgreSQL's text forms of the two search types, as the in-memory index reads them (pg hands both
// over as text): a pgvector value and a tsvector.

/** "[0.1,-2,3e-05]" → its float4 values. */
export function parseVector(text: string): Float32Array {
  const body = text.trim().replace(/^\[/, "").replace(/\]$/, "");
  if (!body) return new Float32Array(0);
  const parts = body.split(",");
  const out = new Float32Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = Number(parts[i]);
  return out;
}

/**
 * "'a':1,4 'it''s':2B 'x'" → lexeme → number of positions (a lexeme stored without positions counts
 * one, as ts_rank counts it). In the text form a quote or backslash inside a lexeme is doubled.
 */
export function parseTsvector(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    if (text[i] !== "'") {
      i++;
      continue;
    }
    let lexeme = "";
    i++;
    while (i < text.length) {
      const ch = text[i];
      if ((ch === "'" || ch === "\\") && text[i + 1] === ch) {
        lexeme += ch;
        i += 2;
      } else if (ch === "'") {
        i++;
        break;
      } else {
        lexeme += ch;
        i++;
      }
    }
    let positions = 1;
    if (text[i] === ":") {
      const end = text.indexOf(" ", i);
      const list = text.slice(i + 1, end === -1 ? text.length : end);
      positions = list.split(",").length;
      i = end === -1 ? text.length : end;
    }
    out.set(lexeme, positions);
  }
  return out;
}
