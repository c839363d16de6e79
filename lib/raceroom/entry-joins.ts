/**
 * An entry `e` with its leaderboard's record lap `r` (position 1 of the same leaderboard), the leaderboard's state `s`, and the
 * names of its layout `l`, track `t` and class `c`: the join every per-entry read model starts from.
 */
export const ENTRY_WITH_LEADERBOARD = `
  raceroom_entries e
  join raceroom_entries r on r.generation_id = e.generation_id and r.layout_id = e.layout_id and r.class_id = e.class_id and r.position = 1
  join raceroom_leaderboards s on s.generation_id = e.generation_id and s.layout_id = e.layout_id and s.class_id = e.class_id
  join raceroom_layouts l on l.id = e.layout_id
  join raceroom_tracks t on t.id = l.track_id
  join raceroom_classes c on c.id = e.class_id`;
