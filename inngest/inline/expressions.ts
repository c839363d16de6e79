/**
 * The small part of Inngest's expression language (CEL) the local executor understands: a path into an event
 * (`event.data.syncRunId`) and one comparison (`event.data.a == async.data.a`, `event.data.kind != 'x'`).
 * Anything else is refused when the functions are loaded, so a function never runs on a misread condition.
 */
export type Scope = { event: unknown; async?: unknown };

export class UnsupportedExpressionError extends Error {}

type Operand = (scope: Scope) => unknown;

const PATH = /^(event|async)((?:\.[A-Za-z_][A-Za-z0-9_]*)+)$/;

function operand(text: string, expression: string): Operand {
  const trimmed = text.trim();
  const path = PATH.exec(trimmed);
  if (path) {
    const root = path[1] as "event" | "async";
    const keys = path[2]!.slice(1).split(".");
    return (scope) => keys.reduce<unknown>((value, key) => (isRecord(value) ? value[key] : undefined), scope[root]);
  }
  const quoted = /^'([^'\\]*)'$|^"([^"\\]*)"$/.exec(trimmed);
  if (quoted) {
    const literal = quoted[1] ?? quoted[2];
    return () => literal;
  }
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) {
    const literal = Number(trimmed);
    return () => literal;
  }
  if (trimmed === "true" || trimmed === "false") {
    const literal = trimmed === "true";
    return () => literal;
  }
  throw new UnsupportedExpressionError(
    `The local job executor cannot evaluate "${expression}": it supports event paths and one == or != comparison.`,
  );
}

/** `event.data.x` -> the value as a string (for concurrency keys); missing values become "". */
export function compileKey(expression: string): (event: unknown) => string {
  const read = operand(expression, expression);
  return (event) => {
    const value = read({ event });
    return value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);
  };
}

/** `left == right` or `left != right`. */
export function compileCondition(expression: string): (scope: Scope) => boolean {
  const match = /^(.+?)\s*(==|!=)\s*(.+)$/.exec(expression.trim());
  if (!match) {
    throw new UnsupportedExpressionError(
      `The local job executor cannot evaluate "${expression}": it supports event paths and one == or != comparison.`,
    );
  }
  const left = operand(match[1]!, expression);
  const right = operand(match[3]!, expression);
  const equal = (scope: Scope) => {
    const l = left(scope);
    return l !== undefined && l === right(scope);
  };
  return match[2] === "==" ? equal : (scope) => !equal(scope);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
