// Builds the embeddable chat widget (widget/src, vanilla TypeScript) into public/widget.js: one
// minified IIFE for ES2019 browsers, served by Next as a static file at /widget.js.
//   node scripts/build-widget.mjs            build and print the raw and gzip size
//   node scripts/build-widget.mjs --if-stale build only when widget/ changed since the last build
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { buildSync } from "esbuild";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ENTRY = path.join(ROOT, "widget/src/main.ts");
export const WIDGET_OUT = path.join(ROOT, "public/widget.js");
// 30 KB gzipped is the product's limit (PRODUCT.md §2); the build fails above it
const GZIP_LIMIT = 30 * 1024;

function newestMtime(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((e) => newestMtime(path.join(p, e))));
}

export function widgetSizes(file = WIDGET_OUT) {
  const code = fs.readFileSync(file);
  return { raw: code.length, gzip: zlib.gzipSync(code, { level: 9 }).length };
}

export function isWidgetStale() {
  if (!fs.existsSync(WIDGET_OUT)) return true;
  const built = fs.statSync(WIDGET_OUT).mtimeMs;
  return (
    newestMtime(path.join(ROOT, "widget")) > built ||
    fs.statSync(fileURLToPath(import.meta.url)).mtimeMs > built
  );
}

export function buildWidget({ ifStale = false, quiet = false } = {}) {
  if (ifStale && !isWidgetStale()) return widgetSizes();
  buildSync({
    entryPoints: [ENTRY],
    outfile: WIDGET_OUT,
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2019",
    platform: "browser",
    legalComments: "none",
    // ASCII only (Chinese as \u escapes): a shop page without a declared charset, or a proxy that
    // drops the script's, would otherwise decode our UTF-8 as windows-1252
    charset: "ascii",
    tsconfig: path.join(ROOT, "tsconfig.json"),
    logLevel: "warning",
  });
  const sizes = widgetSizes();
  if (!quiet)
    console.log(
      `widget.js: ${(sizes.raw / 1024).toFixed(1)} KB raw, ${(sizes.gzip / 1024).toFixed(1)} KB gzip → public/widget.js`,
    );
  if (sizes.gzip > GZIP_LIMIT)
    throw new Error(`widget.js is ${sizes.gzip} bytes gzipped, above ${GZIP_LIMIT}`);
  return sizes;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    buildWidget({ ifStale: process.argv.includes("--if-stale") });
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
