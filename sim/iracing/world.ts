import { hash32, hashUnit } from "../random";
import { DAY, MINUTE, quarter, quarterAt, type Quarter } from "./calendar";
import { buildCatalogue, type Catalogue } from "./catalogue";
import { SERIES_TEMPLATES } from "./catalogue-data";
import { member } from "./people";
import { planSeason, seasonIdOf, slotOfSeasonId, type SimSeason } from "./seasons";
import { buildSeries, type SimSeries } from "./series";

/** Season slots the world holds around the one it was built in: past seasons, the current one and the next. */
const PAST_SLOTS = 4;
const FUTURE_SLOTS = 1;
/** The next season is published this long before it starts (series/seasons then lists it too). */
const PUBLISHED_BEFORE = 28 * DAY;
const RACE_GUIDE_WINDOW = 3 * 60 * MINUTE;
const SESSION_EPOCH_MINUTE = Date.UTC(2020, 0, 1) / MINUTE;

export interface GuideSession {
  season_id: number;
  start_time: string;
  super_session: boolean;
  series_id: number;
  race_week_num: number;
  end_time: string;
  session_id: number;
  entry_count: number;
}

/**
 * The simulated iRacing: ~150 series over season slots around the instant it was built at. Seasons are planned when
 * first asked for; schedule changes (the control action) are kept by season id and race week.
 */
export class IracingWorld {
  readonly catalogue: Catalogue = buildCatalogue();
  readonly series: SimSeries[];
  readonly anchor: Quarter;
  private readonly slots = new Map<number, SimSeason[]>();

  constructor(
    readonly seed: number,
    seriesCount: number,
    anchorMs: number,
    private readonly changes: ReadonlyMap<number, ReadonlyMap<number, number>>,
  ) {
    this.series = buildSeries(seed, seriesCount, this.catalogue);
    this.anchor = quarterAt(anchorMs);
  }

  /** Slot indexes the world holds, oldest first. */
  slotIndexes(): number[] {
    return Array.from({ length: PAST_SLOTS + 1 + FUTURE_SLOTS }, (_, i) => this.anchor.index - PAST_SLOTS + i);
  }

  holds(slotIndex: number): boolean {
    return slotIndex >= this.anchor.index - PAST_SLOTS && slotIndex <= this.anchor.index + FUTURE_SLOTS;
  }

  /** The seasons of one slot: base series always run, variants most quarters, none before the series began. */
  seasonsOf(slotIndex: number): SimSeason[] {
    if (!this.holds(slotIndex)) return [];
    const known = this.slots.get(slotIndex);
    if (known) return known;
    const slot = quarter(slotIndex);
    const seasons = this.series
      .filter((s) => slotIndex >= -s.firstSlot && (s.index < SERIES_TEMPLATES.length || hashUnit(this.seed, s.index, slotIndex, 0x5a) < 0.9))
      .map((s) => planSeason(this.seed, s, slot, this.changes.get(seasonIdOf(s, slot)) ?? new Map()));
    this.slots.set(slotIndex, seasons);
    return seasons;
  }

  season(seasonId: number): SimSeason | undefined {
    return this.seasonsOf(slotOfSeasonId(seasonId)).find((season) => season.seasonId === seasonId);
  }

  /** Plans a season's slot again, so that a schedule change shows. */
  replan(seasonId: number): void {
    this.slots.delete(slotOfSeasonId(seasonId));
  }

  seriesById(seriesId: number): SimSeries | undefined {
    return this.series.find((s) => s.seriesId === seriesId);
  }

  /** What `series/seasons` lists without a year and quarter: the running slot, and the next once published. */
  activeSeasons(nowMs: number): SimSeason[] {
    const current = quarterAt(nowMs);
    const next = quarter(current.index + 1);
    return [...this.seasonsOf(current.index), ...(next.startMs - nowMs <= PUBLISHED_BEFORE ? this.seasonsOf(next.index) : [])];
  }

  /** Every season of a series up to the running slot, newest first. */
  pastSeasonsOf(seriesId: number, nowMs: number): SimSeason[] {
    const current = quarterAt(nowMs).index;
    return this.slotIndexes()
      .filter((index) => index <= current)
      .reverse()
      .flatMap((index) => this.seasonsOf(index).filter((season) => season.series.seriesId === seriesId));
  }

  /** Sessions starting within 3 hours of `fromMs` (and those still running then, when asked), with entry counts. */
  raceGuide(fromMs: number, includeEndAfterFrom: boolean): GuideSession[] {
    const until = fromMs + RACE_GUIDE_WINDOW;
    const current = quarterAt(fromMs).index;
    const sessions: GuideSession[] = [];
    for (const slotIndex of [current - 1, current, current + 1]) {
      for (const season of this.seasonsOf(slotIndex)) {
        for (const week of season.weeks) {
          const length = week.times.sessionMinutes * MINUTE;
          if (week.startMs > until || week.startMs + week.days * DAY + length < fromMs) continue;
          for (const start of week.starts) {
            const end = start + length;
            const inWindow = start >= fromMs && start < until;
            if (!inWindow && !(includeEndAfterFrom && start < fromMs && end > fromMs)) continue;
            sessions.push({
              season_id: season.seasonId,
              start_time: new Date(start).toISOString().replace(".000Z", "Z"),
              super_session: !week.times.repeating,
              series_id: season.series.seriesId,
              race_week_num: week.raceWeekNum,
              end_time: new Date(end).toISOString().replace(".000Z", "Z"),
              session_id: (start / MINUTE - SESSION_EPOCH_MINUTE) * 400 + season.series.index,
              entry_count: this.entries(season, start),
            });
          }
        }
      }
    }
    return sessions.sort((a, b) => a.start_time.localeCompare(b.start_time) || b.entry_count - a.entry_count);
  }

  /** Registrations for a session: popular series, rookie licences and the evening (GMT) draw more. */
  private entries(season: SimSeason, startMs: number): number {
    const { series } = season;
    const hour = new Date(startMs).getUTCHours();
    const appeal = (series.official ? 1 : 0.4) * (series.licence <= 2 ? 1.6 : 1) * (0.3 + 0.7 * hashUnit(this.seed, series.index, 0xe0));
    const timeOfDay = hour >= 12 && hour <= 23 ? 1 : 0.5;
    return Math.floor(appeal * timeOfDay * 140 * (0.4 + hashUnit(this.seed, season.seasonId, startMs / MINUTE)));
  }

  /** Driver standings of a season and class: enough rows to need several 500-row chunks. */
  standings(season: SimSeason, carClassId: number): object[] {
    const count = 150 + (hash32(this.seed, season.seasonId, carClassId) % 1400);
    return Array.from({ length: count }, (_, i) => {
      const custId = 100_000 + (hash32(this.seed, season.seasonId, carClassId, i) % 900_000);
      const person = member(this.seed, custId);
      const roll = (salt: number) => hashUnit(this.seed, season.seasonId, carClassId, i, salt);
      const starts = 1 + Math.floor(roll(1) * 40);
      const wins = Math.floor(starts * roll(2) * (1 - i / count) * 0.5);
      return {
        rank: i + 1,
        cust_id: custId,
        display_name: person.displayName,
        division: Math.min(10, Math.floor((i / count) * 11)),
        club_id: 1 + (custId % 40),
        club_name: `Club ${1 + (custId % 40)}`,
        license: { category_id: 5, license_level: 12 + Math.floor(roll(3) * 8), safety_rating: Math.round(roll(4) * 399) / 100, irating: 800 + Math.floor(roll(5) * 4000), group_name: "Class B" },
        country_code: person.countryCode,
        country: person.country,
        weeks_counted: Math.min(starts, 8),
        starts,
        wins,
        top5: Math.min(starts, wins + Math.floor(starts * roll(6) * 0.4)),
        poles: Math.floor(wins * roll(7)),
        avg_start_position: 1 + Math.floor(roll(8) * 20),
        avg_finish_position: 1 + Math.floor(roll(9) * 20),
        avg_field_size: 12 + Math.floor(roll(10) * 12),
        laps: starts * 20,
        laps_led: wins * 8,
        incidents: Math.floor(starts * roll(11) * 8),
        points: Math.round((1 - i / count) * 4000),
        raw_points: Math.round((1 - i / count) * 4200),
        week_dropped: false,
      };
    });
  }
}
