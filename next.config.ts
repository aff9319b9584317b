import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./server/i18n/request.ts");

const nextConfig: NextConfig = {
  // Loaded by Node at run time, never bundled: PGlite ships wasm/data files (bundling it breaks the
  // vector extension and publishes its files), the schema engine is instantiated by hand, and the
  // rest are native or rely on their own file layout.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/schema-engine-wasm",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "pg",
    "@node-rs/argon2",
    "@node-rs/jieba",
    "pino",
    "prom-client",
    "ioredis",
    "nodemailer",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default withNextIntl(nextConfig);
