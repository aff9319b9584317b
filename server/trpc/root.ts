import { createCallerFactory, createRouter } from "./init";
import { accountRouter } from "./routers/account";
import { aiProvidersRouter } from "./routers/ai-providers";
import { alertsRouter } from "./routers/alerts";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { botRouter } from "./routers/bot";
import { cannedRepliesRouter } from "./routers/canned-replies";
import { customersRouter } from "./routers/customers";
import { dashboardRouter } from "./routers/dashboard";
import { devicesRouter } from "./routers/devices";
import { erpRouter } from "./routers/erp";
import { invitationsRouter } from "./routers/invitations";
import { knowledgeRouter } from "./routers/knowledge";
import { lifecycleRouter } from "./routers/lifecycle";
import { membersRouter } from "./routers/members";
import { reviewRouter } from "./routers/review";
import { rulesRouter } from "./routers/rules";
import { supportSettingsRouter } from "./routers/support-settings";
import { systemRouter } from "./routers/system";
import { tenantRouter } from "./routers/tenant";
import { widgetSettingsRouter } from "./routers/widget-settings";
import { workbenchRouter } from "./routers/workbench";

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
  widgetSettings: widgetSettingsRouter,
  workbench: workbenchRouter,
  cannedReplies: cannedRepliesRouter,
  customers: customersRouter,
  supportSettings: supportSettingsRouter,
  lifecycle: lifecycleRouter,
  review: reviewRouter,
  dashboard: dashboardRouter,
  system: systemRouter,
  alerts: alertsRouter,
  erp: erpRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
