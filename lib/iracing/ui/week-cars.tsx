import type { WeekCar } from "../read/season";

const signed = (value: number, unit: string) => `${value > 0 ? "+" : value < 0 ? "−" : "±"}${Math.abs(value).toLocaleString("en-GB", { maximumFractionDigits: 2 })}${unit}`;

/** What a car's balance of performance changes this week, in words and figures ("−1.25% power, +5 kg"). */
export function bopText(car: WeekCar): string | null {
  const parts: string[] = [];
  if (car.powerAdjustPct) parts.push(`${signed(car.powerAdjustPct, "%")} power`);
  if (car.weightPenaltyKg) parts.push(`${signed(car.weightPenaltyKg, " kg")}`);
  if (car.maxPctFuelFill !== null && car.maxPctFuelFill < 100) parts.push(`${car.maxPctFuelFill.toLocaleString("en-GB", { maximumFractionDigits: 2 })}% fuel`);
  return parts.length ? parts.join(", ") : null;
}

/** The cars of a race week, each with its balance of performance when it has any. */
export function WeekCars({ cars }: { cars: WeekCar[] }) {
  if (cars.length === 0) return <span className="text-muted">–</span>;
  return (
    <ul className="space-y-0.5">
      {cars.map((car) => {
        const bop = bopText(car);
        return (
          <li key={car.carId}>
            {car.name}
            {bop ? <span className="tabular block text-xs text-muted">BOP {bop}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}
