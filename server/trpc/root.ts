import { createCallerFactory, createRouter } from "./init";
import { accountRouter } from "./routers/account";
import { aiProvidersRouter } from "./routers/ai-providers";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { botRouter } from "./routers/bot";
import { devicesRouter } from "./routers/devices";
import { invitationsRouter } from "./routers/invitations";
import { knowledgeRouter } from "./routers/knowledge";
import { membersRouter } from "./routers/members";
import { rulesRouter } from "./routers/rules";
import { tenantRouter } from "./routers/tenant";

export const appRouter = createRouter({
  account: accountRouter,
  tenant: tenantRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  knowledge: knowledgeRouter,
  aiProviders: aiProvidersRouter,
  bot: botRouter,
  rules: rulesRouter,
  devices: devicesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
