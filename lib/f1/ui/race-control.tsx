import type { RaceState } from "./format";

const time = (iso: string) => new Date(iso).toISOString().slice(11, 19);

/** Race control's messages, newest first, with their lap and UTC time. */
export function RaceControlFeed({ messages }: { messages: RaceState["raceControl"] }) {
  return (
    <section aria-labelledby="race-control" className="rounded-lg border border-border bg-surface">
      <h2 id="race-control" className="border-b border-border px-3 py-2 text-sm font-semibold">
        Race control
      </h2>
      {messages.length === 0 ? (
        <p className="px-3 py-2 text-sm text-muted">No messages yet.</p>
      ) : (
        // A scrolling list must be reachable by keyboard.
        <ol tabIndex={0} aria-label="Race-control messages, newest first" className="max-h-96 overflow-auto text-sm" data-testid="race-control">
          {messages.map((message) => (
            <li key={`${message.at}/${message.message}`} className="border-b border-border/60 px-3 py-1.5 last:border-b-0">
              <span className="tabular mr-2 text-xs text-muted">
                {message.lapNumber !== null ? `L${message.lapNumber} · ` : ""}
                {time(message.at)}
              </span>
              {message.message}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
