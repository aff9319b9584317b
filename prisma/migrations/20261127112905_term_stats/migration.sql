-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- CreateTable
CREATE TABLE "KnowledgeTermStat" (
    "tenantId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "df" INTEGER NOT NULL,

    CONSTRAINT "KnowledgeTermStat_pkey" PRIMARY KEY ("tenantId","term")
);

-- CreateTable
CREATE TABLE "KnowledgeStats" (
    "tenantId" TEXT NOT NULL,
    "chunkCount" INTEGER NOT NULL DEFAULT 0,
    "termCount" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KnowledgeStats_pkey" PRIMARY KEY ("tenantId")
);

-- AddForeignKey
ALTER TABLE "KnowledgeTermStat" ADD CONSTRAINT "KnowledgeTermStat_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KnowledgeStats" ADD CONSTRAINT "KnowledgeStats_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
