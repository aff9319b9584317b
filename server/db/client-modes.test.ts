import { afterEach, describe, expect, it } from "vitest";
import { databaseMode, reloadEnv } from "../env";
import { closeDb, db, getDbHandle } from "./client";

// The factory picks the mode from DATABASE_URL. PostgreSQL and PGlite are exercised by every
// integration test; Accelerate cannot be reached from here, so only its construction is checked.
afterEach(async () => {
  await closeDb().catch(() => {});
  delete process.env.DATABASE_URL;
  reloadEnv();
});

describe("database modes", () => {
  it("recognises every supported URL and explains the rest", () => {
    expect(databaseMode(undefined)).toBe("pglite");
    expect(databaseMode("postgres://u@h/db")).toBe("postgres");
    expect(databaseMode("postgresql://u@h/db")).toBe("postgres");
    expect(databaseMode("prisma://accelerate.example/?api_key=x")).toBe("accelerate");
    expect(databaseMode("prisma+postgres://accelerate.example/?api_key=x")).toBe("accelerate");
    expect(databaseMode("memory://")).toBe("memory");
    expect(() => databaseMode("mysql://u@h/db")).toThrow(/DATABASE_URL must start with postgres/);
  });

  it("builds an Accelerate client for prisma:// URLs", async () => {
    // loopback port 9 (discard): nothing leaves the machine
    process.env.DATABASE_URL = "prisma+postgres://127.0.0.1:9/?api_key=test";
    reloadEnv();
    expect(getDbHandle().mode).toBe("accelerate");
    const client = (await db()) as unknown as { $accelerate?: { invalidate: unknown } };
    expect(typeof client.$accelerate?.invalidate).toBe("function");
    // $disconnect would call the unreachable service and reject in the background; just drop it
    delete (globalThis as Record<symbol, unknown>)[Symbol.for("kefu.db")];
  });
});
