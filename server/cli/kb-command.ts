import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { db } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";
import { importQaFile } from "../services/knowledge/qa/import-qa-file";

const USAGE = `kefu kb import --tenant <slug> <file.csv|file.xlsx>
  Imports Q&A pairs (columns 问题/答案, optional 主题/分类/编号; or question/answer/topic/category/id)
  through the same import service and validation as the web UI, and prints counts and rejected rows.`;

export async function kbCommand(argv: string[]): Promise<number> {
  if (argv[0] !== "import" || argv.includes("--help")) {
    console.log(USAGE);
    return argv.includes("--help") ? 0 : 2;
  }
  let values: { tenant?: string };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv.slice(1),
      allowPositionals: true,
      options: { tenant: { type: "string" } },
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const file = positionals[0] ? path.resolve(env().KEFU_CLI_CWD ?? process.cwd(), positionals[0]) : undefined;
  if (!values.tenant || !file) {
    console.error(`--tenant and a file are required.\n\n${USAGE}`);
    return 2;
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    console.error(`No such file: ${file}`);
    return 1;
  }
  const client = await db();
  const tenant = await client.tenant.findUnique({ where: { slug: values.tenant }, select: { id: true } });
  if (!tenant) {
    console.error(`No tenant with slug "${values.tenant}".`);
    return 1;
  }
  try {
    const res = await importQaFile(tenant.id, null, path.basename(file), fs.readFileSync(file));
    console.log(
      `Imported ${res.created + res.updated} Q&A pair(s): ${res.created} created, ${res.updated} updated, ${res.rejected.length} rejected.`,
    );
    for (const r of res.rejected) console.log(`  row ${r.row}: ${r.reason}`);
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      console.error(`${path.basename(file)}: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
