import "server-only";

// The iRacing read models (server-only): what pages and the JSON API show, each in its own file under read/.
export { seriesCatalogue, seriesDetail, type CatalogueSeries, type SeriesDetail, type SeriesFilters } from "./read/series";
export { seasonSchedule, weekStarts, type ScheduleWeek, type SeasonSchedule, type UpcomingSession, type WeekCar } from "./read/season";
export { MAX_WINDOW_HOURS, sessionsInWindow, type SessionRow, type SessionWindow } from "./read/sessions";
export { carClasses, cars, freeContent, iracingFigures, trackDetail, tracks, type CarClassItem, type CarItem, type TrackDetail, type TrackItem } from "./read/catalogue";
export { plannerWeeks, type PlannerWeek } from "./read/planner";
