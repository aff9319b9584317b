import { z } from "zod";
import { ZPassword } from "./password";

export const ZEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address").max(200));

export const ZPersonName = z.string().trim().min(1, "Name is required").max(100);
export const ZCompanyName = z.string().trim().min(1, "Company name is required").max(100);

export const ZSignUpInput = z.object({
  name: ZPersonName,
  email: ZEmail,
  password: ZPassword,
  company: ZCompanyName,
});
export type TSignUpInput = z.infer<typeof ZSignUpInput>;
