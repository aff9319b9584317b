import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { postgresMigrationFactory, pgliteMigrationFactory } from "../../server/db/migrator/adapters";
import { deployMigrations } from "../../server/db/migrator/runner";
import { pgliteExtensions } from "../../server/db/pglite";
import { adminQuery, templateDbName, withDatabase } from "./pg-admin";

// Migrates once per run: a template database on PostgreSQL (each test file copies it), or a PGlite
// data-dir snapshot (each test file loads it into memory: ~1.5 s instead of initdb + migrations).

declare module "vitest" {
  export interface ProvidedContext {
    pgliteSnapshot: string | null;
    templateDb: string | null;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = templateDbName();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${template}"`);
    await admin.end();
    await deployMigrations(postgresMigrationFactory(withDatabase(url, template)));
    project.provide("pgliteSnapshot", null);
    project.provide("templateDb", template);
    return () => adminQuery(url, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  }
  const db = new PGlite("memory://", { extensions: pgliteExtensions });
  await db.waitReady;
  await deployMigrations(pgliteMigrationFactory(db));
  const blob = await db.dumpDataDir("gzip");
  await db.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kefu-snapshot-")), "migrated.tar.gz");
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  project.provide("pgliteSnapshot", file);
  project.provide("templateDb", null);
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
