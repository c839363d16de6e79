import type { ReferenceOperation } from "@/lib/api/reference";
import { CopyWithOrigin, WithOrigin } from "./origin";

const methodColours: Record<string, string> = {
  GET: "bg-ok/15 text-ok",
  POST: "bg-accent/15 text-accent",
  PUT: "bg-warn/15 text-warn",
  PATCH: "bg-warn/15 text-warn",
  DELETE: "bg-bad/15 text-bad",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span className={`inline-block w-14 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ${methodColours[method] ?? "bg-surface-2"}`}>
      {method}
    </span>
  );
}

function Code({ children, label }: { children: React.ReactNode; label: string }) {
  return (
    // Focusable, so a long line can be scrolled into view from the keyboard.
    <pre
      aria-label={label}
      tabIndex={0}
      className="overflow-x-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs leading-relaxed focus-visible:outline-2 focus-visible:outline-accent sm:text-[13px]"
    >
      <code>{children}</code>
    </pre>
  );
}

/** A type rendering with its `// description` comments dimmed, so the shape stands out (one element per comment, not per line). */
function TypeText({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let plain = "";
  text.split("\n").forEach((line, i) => {
    const at = line.indexOf(" // ");
    plain += (i ? "\n" : "") + (at < 0 ? line : line.slice(0, at));
    if (at < 0) return;
    parts.push(plain, <span key={i} className="text-muted">{line.slice(at)}</span>);
    plain = "";
  });
  parts.push(plain);
  return parts;
}

/** Text from the API document, with its `backtick` spans shown as code (rendered as text, never as HTML). */
export function Prose({ text }: { text: string }) {
  return text.split(/`([^`]+)`/).map((part, i) =>
    i % 2 ? (
      <code key={i} className="font-mono text-[0.92em] text-fg">
        {part}
      </code>
    ) : (
      part
    ),
  );
}

function Heading({ children }: { children: React.ReactNode }) {
  return <h4 className="mb-2 text-xs font-semibold uppercase tracking-wide text-muted">{children}</h4>;
}

/** One endpoint: what it does, what it takes, what it answers, and a command to try it. */
export function Operation({ operation: op }: { operation: ReferenceOperation }) {
  return (
    <article id={op.id} className="scroll-mt-28 rounded-lg border border-border bg-surface" data-testid={`endpoint-${op.id}`}>
      <header className="space-y-2 border-b border-border p-4">
        <div className="flex flex-wrap items-center gap-2">
          <MethodBadge method={op.method} />
          <code className="min-w-0 break-all font-mono text-sm font-medium">{op.path}</code>
          {op.adminOnly ? (
            <span className="rounded border border-warn px-1.5 py-0.5 text-xs font-medium text-warn">Admin token</span>
          ) : null}
        </div>
        <h3 className="font-semibold">{op.summary}</h3>
        {op.description ? (
          <p className="text-sm text-muted">
            <Prose text={op.description} />
          </p>
        ) : null}
      </header>

      <div className="space-y-5 p-4">
        {op.parameters.length ? (
          <section>
            <Heading>Parameters</Heading>
            {/* A table from sm up; on a phone each parameter folds into a block: name and where, then type, then description. */}
            <table className="w-full text-left text-sm">
              <thead className="hidden text-xs text-muted sm:table-header-group">
                <tr className="border-b border-border">
                  <th scope="col" className="py-1.5 pr-3 font-medium">Name</th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">In</th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">Type</th>
                  <th scope="col" className="py-1.5 pr-3 font-medium">Required</th>
                  <th scope="col" className="py-1.5 font-medium">Description</th>
                </tr>
              </thead>
              <tbody>
                {op.parameters.map((p) => (
                  <tr key={`${p.in}-${p.name}`} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 border-b border-border py-2 align-top last:border-0 sm:table-row">
                    <td className="font-mono text-[13px] font-medium sm:py-2 sm:pr-3">{p.name}</td>
                    <td className="text-xs text-muted sm:py-2 sm:pr-3 sm:text-sm">{p.in}</td>
                    <td className="basis-full font-mono text-xs sm:w-56 sm:py-2 sm:pr-3">{p.type}</td>
                    <td className="hidden sm:table-cell sm:py-2 sm:pr-3">{p.required ? "yes" : <span className="text-muted">no</span>}</td>
                    <td className="basis-full text-muted sm:py-2">
                      {p.required ? <span className="mr-1 text-xs font-semibold text-fg sm:hidden">Required.</span> : null}
                      {p.description ? <Prose text={p.description} /> : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}

        {op.requestBody ? (
          <section>
            <Heading>Request body (JSON)</Heading>
            <Code label={`Request body of ${op.method} ${op.path}`}>
              <TypeText text={op.requestBody} />
            </Code>
          </section>
        ) : null}

        <section>
          <Heading>Response {op.successStatus} (JSON)</Heading>
          <Code label={`Response of ${op.method} ${op.path}`}>
            <TypeText text={op.response} />
          </Code>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted">
            {op.otherResponses.map((r) => (
              <li key={r.status}>
                <span className="tabular font-mono font-semibold text-fg">{r.status}</span> <Prose text={r.description} />
              </li>
            ))}
          </ul>
        </section>

        <section>
          <div className="mb-2 flex items-center justify-between gap-2">
            <Heading>Try it</Heading>
            <CopyWithOrigin text={op.curl} label={`Copy the curl command for ${op.method} ${op.path}`} />
          </div>
          <Code label={`curl example for ${op.method} ${op.path}`}>
            <WithOrigin text={op.curl} />
          </Code>
        </section>
      </div>
    </article>
  );
}
