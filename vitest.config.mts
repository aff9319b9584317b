import { defineConfig } from "vitest/config";

// Two projects: colocated unit tests (pure logic, no database) and integration tests against a real
// database — PostgreSQL + pgvector when TEST_DATABASE_URL is set, otherwise embedded PGlite started
// from a migrated snapshot. Each integration file gets a database of its own.
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: [
            "server/**/*.test.ts",
            "inngest/**/*.test.ts",
            "components/**/*.test.ts",
            "agent/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-db.ts"],
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
