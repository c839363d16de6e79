import pino, { type Logger } from "pino";
import { env } from "./env";

const g = globalThis as unknown as { __pitwallLog?: Logger };

function create(): Logger {
  const { NODE_ENV, LOG_LEVEL } = env();
  const level = LOG_LEVEL;
  // Readable lines for people in development; one JSON object per line for log shippers in production.
  if (NODE_ENV === "development") {
    return pino({
      level,
      transport: { target: "pino-pretty", options: { colorize: true, translateTime: "HH:MM:ss.l", ignore: "pid,hostname" } },
    });
  }
  return pino({ level, base: { service: "pitwall" } });
}

export const log: Logger = new Proxy({} as Logger, {
  get(_target, prop) {
    const logger = (g.__pitwallLog ??= create());
    const value = Reflect.get(logger, prop, logger);
    return typeof value === "function" ? value.bind(logger) : value;
  },
});

/** A child logger for one part of the app, e.g. `logger("raceroom.source")`. */
export function logger(component: string): Logger {
  return log.child({ component });
}
