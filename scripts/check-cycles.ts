import { existsSync } from "node:fs";
import path from "node:path";
import { parseCircular, parseDependencyTree } from "dpdm";

/**
 * Import cycles, checked apart from ESLint: import/no-cycle resolved every import of every file again and took
 * nine tenths of the lint time; dpdm builds the graph once. Type-only imports are left out (`transform`), as
 * import/no-cycle does.
 */
const SOURCES = ["{app,lib,db,sim,inngest,scripts,bench,tests,e2e}/**/*.{ts,tsx}", "*.ts"];
const IGNORED = /node_modules|\/\.next|tests\/lint\/fixtures/;

/** Each cycle as the files that form it, relative to `cwd`. */
export async function findCycles(cwd: string, entries: string[] = SOURCES, exclude: RegExp = IGNORED): Promise<string[][]> {
  const tsconfig = path.join(cwd, "tsconfig.json");
  const tree = await parseDependencyTree(entries, { cwd, context: cwd, transform: true, exclude, tsconfig: existsSync(tsconfig) ? tsconfig : undefined });
  return parseCircular(tree);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cycles = await findCycles(process.cwd());
  for (const cycle of cycles) console.error(`import cycle: ${cycle.join(" -> ")} -> ${cycle[0]}`);
  process.exitCode = cycles.length > 0 ? 1 : 0;
  if (cycles.length === 0) console.log("no import cycles");
}
