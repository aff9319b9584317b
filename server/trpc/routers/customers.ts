import { z } from "zod";
import {
  ZCustomerDetail,
  ZCustomerPage,
  ZCustomerSummary,
  ZListCustomersInput,
  ZSetLevelOverrideInput,
  ZSetVipInput,
} from "../../services/customers/customer-schemas";
import { getCustomer } from "../../services/customers/get-customer";
import { listCustomers } from "../../services/customers/list-customers";
import { setLevelOverride, setVip } from "../../services/customers/manage-customer";
import { actorOf } from "../actor";
import { createRouter, tenantProcedure } from "../init";
import { ZId } from "../schemas";

// Everyone in the tenant reads customers; agents and admins set the level override and the VIP flag.
export const customersRouter = createRouter({
  list: tenantProcedure("customers.read")
    .input(ZListCustomersInput)
    .output(ZCustomerPage)
    .query(({ ctx, input }) => listCustomers(ctx.tenant.id, input)),

  get: tenantProcedure("customers.read")
    .input(z.object({ contactId: ZId }))
    .output(ZCustomerDetail)
    .query(({ ctx, input }) => getCustomer(ctx.tenant.id, input.contactId)),

  setLevelOverride: tenantProcedure("customers.write")
    .input(ZSetLevelOverrideInput)
    .output(ZCustomerSummary)
    .mutation(({ ctx, input }) =>
      setLevelOverride(ctx.tenant.id, actorOf(ctx), input.contactId, input.level),
    ),

  setVip: tenantProcedure("customers.write")
    .input(ZSetVipInput)
    .output(ZCustomerSummary)
    .mutation(({ ctx, input }) => setVip(ctx.tenant.id, actorOf(ctx), input.contactId, input.vip)),
});
