import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { adminQuery, withDatabase } from "./pg-admin";

// Runs before each integration test file is imported: gives the file a database of its own and the
// configuration the server would read, then closes and drops it afterwards.

(process.env as Record<string, string>).NODE_ENV = "test";
process.env.LOG_LEVEL ??= "silent";
process.env.NEXTAUTH_SECRET = "integration-test-secret-0123456789abcdef";
process.env.KEFU_ENCRYPTION_KEY = randomBytes(32).toString("base64");
process.env.PUBLIC_URL = "http://kefu.test";

const url = process.env.TEST_DATABASE_URL;
let dropDatabase: (() => Promise<void>) | null = null;
if (url) {
  const name = `kefu_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(url, `CREATE DATABASE "${name}" TEMPLATE "${inject("templateDb")}"`);
  process.env.DATABASE_URL = withDatabase(url, name);
  dropDatabase = () => adminQuery(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
} else {
  process.env.DATABASE_URL = "memory://";
  const snapshot = inject("pgliteSnapshot");
  if (snapshot) process.env.KEFU_PGLITE_SNAPSHOT = snapshot;
  const { installMigrator } = await import("../../server/db/migrator/install");
  installMigrator(); // checks the snapshot is current; applies migrations newer than it
}

afterAll(async () => {
  const { closeDb } = await import("../../server/db/client");
  await closeDb();
  await dropDatabase?.();
});
