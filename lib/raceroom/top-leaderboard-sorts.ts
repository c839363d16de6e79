/** The orders of the top-leaderboards list (apart from queries.ts: the proxy reads them to key its cached views). */
export const TOP_LEADERBOARD_SORTS = ["entries", "track", "class"] as const;
export type TopLeaderboardSort = (typeof TOP_LEADERBOARD_SORTS)[number];
