import { z } from "zod";
import { instant, text, whole } from "./common";

/** `POST https://oauth.iracing.com/oauth2/token`: `expires_in` in seconds (a numeric string is tolerated). */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().refine((type) => type.toLowerCase() === "bearer", { error: "token_type is not Bearer" }),
  expires_in: z.coerce.number().positive(),
  refresh_token: text,
  refresh_token_expires_in: z.coerce.number().positive().nullish(),
  scope: text,
});

/** An OAuth2 error (RFC 6749 section 5.2): `invalid_grant`, `invalid_client`, ... */
export const tokenErrorSchema = z.looseObject({ error: z.string(), error_description: text });

/** The first hop of a data call: a pre-signed link to fetch WITHOUT the Authorization header. */
export const linkEnvelopeSchema = z.looseObject({ link: z.url(), expires: instant.nullish() });

/** Large results: each `base_download_url + chunk_file_names[i]` is a JSON array; the data is their concatenation. */
export const chunkInfoSchema = z.looseObject({
  chunk_size: whole,
  num_chunks: whole,
  rows: whole,
  base_download_url: z.string(),
  chunk_file_names: z.array(z.string()),
});

/** A body that may carry `chunk_info` (absent or null: no rows). */
export const chunkedBodySchema = z.looseObject({ chunk_info: chunkInfoSchema.nullish() });

/** What the data API answers on failure, e.g. 503 `{"error": "Site Maintenance"}`. */
export const dataErrorSchema = z.looseObject({ error: z.string(), message: text, note: text });
