import type { Metadata } from "next";
import { connection } from "next/server";
import { cars, freeContent, plannerWeeks, tracks } from "@/lib/iracing/queries";
import { Planner } from "@/lib/iracing/ui/planner";
import { NoDataYet } from "@/lib/ui/empty-state";

export const metadata: Metadata = { title: "Planner" };

export default async function PlannerPage() {
  await connection();
  const [carList, trackList, free, weeks] = await Promise.all([cars(), tracks(), freeContent(), plannerWeeks()]);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">iRacing race planner</h1>
        <p className="max-w-3xl text-muted">
          Mark the cars and tracks you own: every list can then show only what you can race, and the purchase guide ranks what would open the most
          races. Pin sessions to My week and take them to your calendar with reminders.
        </p>
      </header>
      {weeks.length === 0 && carList.length === 0 ? (
        <NoDataYet title="No iRacing seasons yet" />
      ) : (
        <Planner
          cars={carList.filter((car) => !car.retired).map((car) => ({ id: car.carId, name: car.name, free: car.free, price: car.price }))}
          tracks={trackList.filter((track) => !track.retired).map((track) => ({ id: track.packageId, name: track.name, free: track.free, price: track.price }))}
          free={free}
          weeks={weeks}
        />
      )}
    </div>
  );
}
