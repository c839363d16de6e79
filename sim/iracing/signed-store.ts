import { createHmac } from "node:crypto";
import { hash32 } from "../random";
import type { SimResponse } from "../server";

interface Stored {
  body: string | Buffer;
  contentType: string;
  expiresMs: number;
}

const s3Error = (status: number, code: string, message: string): SimResponse => ({
  status,
  headers: { "content-type": "application/xml" },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
});

/**
 * The simulated S3 behind the data API's links: documents under pre-signed URLs that expire. Like S3, a request that
 * also carries an Authorization header is refused: the link is its own authorisation.
 */
export class SignedStore {
  private readonly documents = new Map<string, Stored>();
  private stored = 0;

  constructor(
    private readonly seed: number,
    private readonly secret: string,
  ) {}

  /** A fresh key under `folder`, unique in this store. */
  key(folder: string): string {
    this.stored += 1;
    return `${folder}/${hash32(this.seed, this.stored, 0x53).toString(16).padStart(8, "0")}${this.stored.toString(16).padStart(6, "0")}`;
  }

  put(key: string, body: string | Buffer, contentType: string, expiresMs: number, nowMs: number): void {
    for (const [known, document] of this.documents) if (document.expiresMs <= nowMs) this.documents.delete(known);
    this.documents.set(key, { body, contentType, expiresMs });
  }

  /** The query that signs `key` until `expiresMs`: `?Expires=<epoch s>&Signature=<hmac>`. */
  signature(key: string, expiresMs: number): string {
    const expires = Math.floor(expiresMs / 1000);
    const signature = createHmac("sha256", this.secret).update(`${key}\n${expires}`).digest("base64url").slice(0, 27);
    return `Expires=${expires}&Signature=${signature}`;
  }

  serve(key: string, query: URLSearchParams, authorization: string | undefined, nowMs: number): SimResponse {
    if (authorization) {
      return s3Error(400, "InvalidArgument", "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified");
    }
    const expires = Number(query.get("Expires"));
    if (!Number.isInteger(expires) || this.signature(key, expires * 1000) !== `Expires=${expires}&Signature=${query.get("Signature") ?? ""}`) {
      return s3Error(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }
    if (nowMs >= expires * 1000) return s3Error(403, "AccessDenied", "Request has expired");
    const document = this.documents.get(key);
    if (!document) return s3Error(404, "NoSuchKey", "The specified key does not exist.");
    return { headers: { "content-type": document.contentType, "cache-control": "max-age=60" }, body: document.body };
  }
}
