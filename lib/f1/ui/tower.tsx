import type { Column } from "@/lib/ui/table/columns";
import { Frame, Rows } from "@/lib/ui/table/parts";
import { headerClass } from "@/lib/ui/table/columns";
import { COMPOUND_STYLE, formatGapValue, lapTimeText, sectorText, type DriverState } from "./format";

function Timed({ ms, personalBest, overallBest, text }: { ms: number; personalBest: boolean; overallBest: boolean; text: string }) {
  // Purple overall best, green personal best, with a mark so colour is not the only signal.
  const style = overallBest ? "text-purple font-semibold" : personalBest ? "text-green font-semibold" : "";
  const mark = overallBest ? "▲" : personalBest ? "•" : "";
  const label = overallBest ? "fastest of the session" : personalBest ? "personal best" : undefined;
  return (
    <span className={style} title={label} data-ms={ms}>
      {text}
      {mark ? (
        <span aria-label={label} className="ml-0.5 text-[0.65em]">
          {mark}
        </span>
      ) : null}
    </span>
  );
}

function Tyre({ tyre }: { tyre: DriverState["tyre"] }) {
  if (!tyre) return <span className="text-muted">–</span>;
  const style = COMPOUND_STYLE[tyre.compound ?? "UNKNOWN"] ?? COMPOUND_STYLE.UNKNOWN!;
  return (
    <span className="inline-flex items-center gap-1" title={`${tyre.compound ?? "Unknown"} tyres, ${tyre.ageLaps ?? "?"} laps old`}>
      <span
        aria-hidden
        className="inline-flex h-5 w-5 items-center justify-center rounded-full border-2 bg-neutral-900 text-[10px] font-bold text-white"
        style={{ borderColor: style.colour }}
      >
        {style.letter}
      </span>
      <span className="sr-only">{tyre.compound ?? "Unknown"}</span>
      <span>{tyre.ageLaps ?? "?"}</span>
    </span>
  );
}

const STATUS_TEXT: Record<DriverState["status"], string> = { running: "", "in-pit": "IN PIT", retired: "OUT", finished: "🏁" };

const columns: readonly Column<DriverState>[] = [
  {
    key: "position",
    header: "P",
    numeric: true,
    cell: (driver) => (
      <span className="inline-flex items-center gap-1">
        <span className="font-semibold">{driver.position}</span>
        {driver.gridPosition !== null && driver.gridPosition !== driver.position ? (
          <span className={`text-[10px] ${driver.gridPosition > driver.position ? "text-green" : "text-bad"}`} title={`Started P${driver.gridPosition}`}>
            {driver.gridPosition > driver.position ? "▲" : "▼"}
            {Math.abs(driver.gridPosition - driver.position)}
          </span>
        ) : null}
      </span>
    ),
  },
  {
    key: "driver",
    header: "Driver",
    cell: (driver) => (
      <span className="inline-flex items-center gap-2 whitespace-nowrap">
        <span aria-hidden className="h-4 w-1 rounded-sm" style={{ background: driver.teamColour ?? "var(--muted)" }} />
        <span className="font-semibold" title={driver.name ?? undefined}>
          {driver.acronym}
        </span>
        {driver.status !== "running" ? (
          <span className="rounded bg-surface-2 px-1 text-[10px] font-semibold text-muted" data-testid="driver-status">
            {STATUS_TEXT[driver.status] || driver.status}
          </span>
        ) : null}
      </span>
    ),
  },
  { key: "gap", header: "Gap", numeric: true, cell: (driver) => formatGapValue(driver.gapToLeader, driver.position === 1) },
  { key: "interval", header: "Int", numeric: true, from: "sm", cell: (driver) => (driver.position === 1 ? "–" : formatGapValue(driver.interval)) },
  {
    key: "last",
    header: "Last",
    numeric: true,
    cell: (driver) => (driver.lastLap ? <Timed {...driver.lastLap} text={lapTimeText(driver.lastLap.ms)} /> : "–"),
  },
  {
    key: "best",
    header: "Best",
    numeric: true,
    from: "md",
    cell: (driver) => (driver.bestLap ? <Timed {...driver.bestLap} text={lapTimeText(driver.bestLap.ms)} /> : "–"),
  },
  ...[0, 1, 2].map(
    (index): Column<DriverState> => ({
      key: `s${index + 1}`,
      header: `S${index + 1}`,
      numeric: true,
      from: "lg",
      cell: (driver) => {
        const sector = driver.sectors[index];
        return sector ? <Timed {...sector} text={sectorText(sector.ms)} /> : "–";
      },
    }),
  ),
  { key: "tyre", header: "Tyre", from: "sm", cell: (driver) => <Tyre tyre={driver.tyre} /> },
  { key: "pits", header: "Pit", numeric: true, from: "sm", cell: (driver) => driver.pitStops },
];

/** The timing tower, P1 first: gaps, laps, sectors with best-lap colours, tyres and stops. */
export function TimingTower({ drivers }: { drivers: readonly DriverState[] }) {
  return (
    <Frame
      label="Timing tower"
      testId="timing-tower"
      scroll="page"
      head={columns.map((column) => (
        <th key={column.key} scope="col" className={headerClass(column, "page")}>
          {column.header}
        </th>
      ))}
      empty={drivers.length === 0 ? "No timing yet." : undefined}
    >
      <Rows
        columns={columns}
        rows={drivers}
        rowKey={(driver) => driver.driverNumber}
        rowOptions={(driver) => ({ attributes: { "data-driver": driver.acronym, "data-position": String(driver.position) } })}
      />
    </Frame>
  );
}
