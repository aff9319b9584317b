import { defineConfig } from "prisma/config";

// Prisma 7 reads no .env by itself; env("DATABASE_URL") would throw when unset (even for generate),
// so the plain process value is used. Migrations run through `kefu migrate` (server/db/migrator, Wasm engine).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
