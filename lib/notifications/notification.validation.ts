import { z } from "zod";

export const markReadSchema = z.union([z.object({ id: z.uuid() }).strict(), z.object({ all: z.literal(true) }).strict()]);
