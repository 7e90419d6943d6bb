import { z } from "zod";

/** What an upload says about itself (the URL's query): where it goes and its name. The bytes are the body. */
export const uploadSchema = z
  .object({
    fileName: z.string().min(1, "nameTheFile").max(255),
    title: z.string().trim().max(300).optional(),
    /** a new version of this document; else a new document */
    documentId: z.uuid().optional(),
    riskId: z.uuid().optional(),
    milestoneId: z.uuid().optional(),
    deliverableId: z.uuid().optional(),
  })
  .strict()
  .refine((u) => [u.documentId, u.riskId, u.milestoneId, u.deliverableId].filter(Boolean).length <= 1, {
    path: ["_"],
    message: "attachToOne",
  });

export type UploadInput = z.output<typeof uploadSchema>;
