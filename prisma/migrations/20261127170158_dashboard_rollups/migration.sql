-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "vector";

-- CreateTable
CREATE TABLE "MessageStatHourly" (
    "tenantId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "channel" "Channel" NOT NULL,
    "customerMessages" INTEGER NOT NULL DEFAULT 0,
    "botMessages" INTEGER NOT NULL DEFAULT 0,
    "agentMessages" INTEGER NOT NULL DEFAULT 0,
    "replies" INTEGER NOT NULL DEFAULT 0,
    "clarifies" INTEGER NOT NULL DEFAULT 0,
    "transfers" INTEGER NOT NULL DEFAULT 0,
    "ignores" INTEGER NOT NULL DEFAULT 0,
    "repliesWithEvidence" INTEGER NOT NULL DEFAULT 0,
    "latencyCount" INTEGER NOT NULL DEFAULT 0,
    "latencySumMs" BIGINT NOT NULL DEFAULT 0,
    "latencyHist" INTEGER[] DEFAULT ARRAY[]::INTEGER[],

    CONSTRAINT "MessageStatHourly_pkey" PRIMARY KEY ("tenantId","hour","channel")
);

-- CreateTable
CREATE TABLE "ConversationStatHourly" (
    "tenantId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "channel" "Channel" NOT NULL,
    "started" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "closedWithoutHuman" INTEGER NOT NULL DEFAULT 0,
    "satisfactionSum" INTEGER NOT NULL DEFAULT 0,
    "satisfactionCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ConversationStatHourly_pkey" PRIMARY KEY ("tenantId","hour","channel")
);

-- CreateTable
CREATE TABLE "AgentStatHourly" (
    "tenantId" TEXT NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "channel" "Channel" NOT NULL,
    "userId" TEXT NOT NULL,
    "replies" INTEGER NOT NULL DEFAULT 0,
    "closed" INTEGER NOT NULL DEFAULT 0,
    "firstResponseSumMs" BIGINT NOT NULL DEFAULT 0,
    "firstResponseCount" INTEGER NOT NULL DEFAULT 0,
    "satisfactionSum" INTEGER NOT NULL DEFAULT 0,
    "satisfactionCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "AgentStatHourly_pkey" PRIMARY KEY ("tenantId","hour","channel","userId")
);

-- CreateIndex
CREATE INDEX "Conversation_tenantId_createdAt_idx" ON "Conversation"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "Conversation_tenantId_closedAt_idx" ON "Conversation"("tenantId", "closedAt");

-- AddForeignKey
ALTER TABLE "MessageStatHourly" ADD CONSTRAINT "MessageStatHourly_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConversationStatHourly" ADD CONSTRAINT "ConversationStatHourly_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgentStatHourly" ADD CONSTRAINT "AgentStatHourly_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "Tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;
