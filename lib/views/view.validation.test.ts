import { describe, expect, it } from "vitest";
import { viewUpdateSchema } from "./view.validation";

describe("viewUpdateSchema", () => {
  it("leaves out every field the edit does not name (a rename keeps the query, columns and sharing)", () => {
    expect(viewUpdateSchema.parse({ name: "Renamed" })).toEqual({ name: "Renamed" });
    expect(viewUpdateSchema.parse({})).toEqual({});
  });

  it("still validates the fields it names", () => {
    expect(viewUpdateSchema.safeParse({ name: "" }).success).toBe(false);
    expect(viewUpdateSchema.safeParse({ shared: "yes" }).success).toBe(false);
    expect(viewUpdateSchema.parse({ shared: true, query: "stage=OPERATION" })).toEqual({ shared: true, query: "stage=OPERATION" });
  });
});
