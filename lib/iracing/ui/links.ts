export const seriesHref = (seriesId: number) => `/iracing/series/${seriesId}`;
export const seasonHref = (seasonId: number) => `/iracing/seasons/${seasonId}`;
export const trackHref = (packageId: number) => `/iracing/tracks/${packageId}`;
