import type { DriverEntry } from "./entries";

type Reported = DriverEntry & { reported: { position: number; at: number } };

const LAST = Number.POSITIVE_INFINITY;

function fallbackOrder(a: DriverEntry, b: DriverEntry): number {
  return (
    (a.grid ?? LAST) - (b.grid ?? LAST) ||
    (b.lap ?? 0) - (a.lap ?? 0) ||
    (a.lapStartedAt ?? LAST) - (b.lapStartedAt ?? LAST) ||
    a.driverNumber - b.driverNumber
  );
}

/**
 * The running order from sparse position reports. Sources send a driver's place only when it changes: nothing in the
 * first minutes of a race, nothing ever for a driver who keeps his place. Drivers with a report hold their reported
 * place; the others fill the free places in grid order, else in the order they crossed the line (laps done, then
 * who started the lap first), else by car number.
 */
export function runningOrder(drivers: readonly DriverEntry[]): DriverEntry[] {
  const reported = drivers
    .filter((driver): driver is Reported => driver.reported !== null)
    // Two cars that swap places are reported one after the other: the fresher report takes the place.
    .sort((a, b) => a.reported.position - b.reported.position || b.reported.at - a.reported.at);
  const unreported = drivers.filter((driver) => driver.reported === null).sort(fallbackOrder);
  const order: DriverEntry[] = [];
  let next = 0;
  for (const driver of reported) {
    while (order.length < driver.reported.position - 1 && next < unreported.length) order.push(unreported[next++] as DriverEntry);
    order.push(driver);
  }
  return order.concat(unreported.slice(next));
}
