import { describe, expect, it } from "vitest";
import { isJsonMediaType, readJson } from "./mutation-response";

describe("isJsonMediaType", () => {
  it("parses the media type instead of searching the header", () => {
    for (const ok of [
      "application/json",
      "application/json; charset=utf-8",
      "Application/JSON",
      " application/json ;charset=UTF-8",
      "application/merge-patch+json",
    ])
      expect(isJsonMediaType(ok), ok).toBe(true);
    for (const bad of [
      null,
      "",
      "text/plain; charset=application/json",
      "text/plain;application/json",
      "application/jsonx",
      "multipart/form-data; boundary=application/json",
      "application/x-www-form-urlencoded",
    ])
      expect(isJsonMediaType(bad), String(bad)).toBe(false);
  });

  it("makes readJson refuse JSON sent as text/plain", async () => {
    const request = new Request("http://localhost/api/views", {
      method: "POST",
      headers: { "content-type": "text/plain; charset=application/json" },
      body: '{"name":"x"}',
    });
    const result = await readJson(request);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.response.status).toBe(400);
  });
});
