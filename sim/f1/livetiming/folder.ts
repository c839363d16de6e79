import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/**
 * A folder laid out as the live-timing archive: `static/<year>/Index.json` and
 * `static/<session path><Topic>.jsonStream`, plus `recordings/*.txt` (raw live messages, one per line).
 */
export interface ArchiveFolder {
  /** Path below the folder ("static/2020/Index.json") -> contents. */
  files: Map<string, Buffer>;
}

export function loadArchiveFolder(root: string): ArchiveFolder {
  const files = new Map<string, Buffer>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(root, path).split(sep).join("/"), readFileSync(path));
    }
  };
  walk(root);
  return { files };
}

/** The session folders of the archive ("2020/.../2020-08-07_Practice_2/"), from the stream files present. */
export function sessionPaths(folder: ArchiveFolder): string[] {
  const paths = new Set<string>();
  for (const file of folder.files.keys()) {
    const match = /^static\/(.+\/)[^/]+\.jsonStream$/.exec(file);
    if (match?.[1]) paths.add(match[1]);
  }
  return [...paths].sort();
}
