import { z } from "zod";

export const ZQaRow = z.object({
  externalId: z.string().trim().min(1).max(200).optional(),
  question: z
    .string()
    .trim()
    .min(1, "Question is empty")
    .max(1000, "Question is longer than 1000 characters"),
  answer: z.string().trim().min(1, "Answer is empty").max(10_000, "Answer is longer than 10000 characters"),
  topic: z.string().trim().max(100).optional(),
  category: z.string().trim().max(100).optional(),
});
export type TQaRow = z.infer<typeof ZQaRow>;
