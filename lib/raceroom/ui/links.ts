/**
 * Where the RaceRoom pages live, so every link to them is spelled once. Links in lists and tables to driver and leaderboard
 * pages are made with `prefetch={false}`: each is a page read from the database, and a leaderboard page shows fifty of them.
 */

export const driverHref = (driverId: number) => `/raceroom/drivers/${driverId}`;

/** A leaderboard; with `driver`, the page that holds their entry opens with their row highlighted and scrolled to. */
export function leaderboardHref(layoutId: number, classId: number, options: { driver?: number } = {}): string {
  const base = `/raceroom/leaderboards/${layoutId}/${classId}`;
  return options.driver === undefined ? base : `${base}?driver=${options.driver}#driver-${options.driver}`;
}
