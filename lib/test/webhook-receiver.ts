import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { verifyWebhook } from "../jobs/webhook-signature";

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  signatureValid: boolean;
  status: number;
}

/**
 * A real HTTP server on a loopback port that receives webhooks and verifies
 * their signature with the secret it was given; `failNext(n, status)` answers
 * the next n calls with that status (503 unless told). Invalid signatures are
 * answered 401.
 */
export async function startWebhookReceiver(
  secret: string,
): Promise<{ url: string; received: ReceivedWebhook[]; failNext(n: number, status?: number): void; close(): Promise<void> }> {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  let failStatus = 503;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const signatureValid = verifyWebhook(
        secret,
        req.headers["x-lodestone-timestamp"] as string | undefined,
        body,
        req.headers["x-lodestone-signature"] as string | undefined,
      );
      const failing = signatureValid && failures > 0;
      const status = !signatureValid ? 401 : failing ? failStatus : 204;
      if (failing) failures -= 1;
      received.push({ headers: req.headers, body, signatureValid, status });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    failNext(n, status = 503) {
      failures = n;
      failStatus = status;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
