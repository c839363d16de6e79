import { z } from "zod";

/** One problem with the request, e.g. `{ path: "query.limit", message: "must be at most 500" }`. */
export interface ApiIssue {
  path: string;
  message: string;
}

/** The body of every error response: the `Error` component of the OpenAPI document. */
export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z
        .string()
        .describe("Stable, machine-readable: invalid_request, unauthorized, not_found, rate_limited, internal, ..."),
      message: z.string().describe("What went wrong, in plain words"),
      issues: z
        .array(
          z.object({
            path: z.string().describe('Where the problem is: "query.limit", "params.driverId", "body.kind"'),
            message: z.string().describe('What is wrong with it: "must be at most 500"'),
          }),
        )
        .optional()
        .describe("One entry per invalid input (400 responses only)"),
    }),
  })
  .meta({ id: "Error" });

export type ApiErrorBody = z.infer<typeof apiErrorSchema>;

/** Thrown by handlers (and the conventions) to answer with an error status, e.g. `new ApiError(404, "not_found", "No such driver")`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { issues?: ApiIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }

  get body(): ApiErrorBody {
    const { issues } = this.options;
    return { error: { code: this.code, message: this.message, ...(issues ? { issues } : {}) } };
  }
}

/** A 400 whose message lists every problem, e.g. "Invalid request: query.limit must be at most 500." */
export function invalidRequest(issues: ApiIssue[]): ApiError {
  const list = issues.map((issue) => `${issue.path} ${issue.message}`).join("; ");
  return new ApiError(400, "invalid_request", `Invalid request: ${list}.`, { issues });
}
