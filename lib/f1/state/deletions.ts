/**
 * Race control strikes lap times off for track limits ("CAR 30 (LAW) TIME 1:30.661 DELETED - TRACK LIMITS AT TURN 1
 * LAP 4 17:08:15", "CAR 55 (SAI) LAP DELETED - ... LAP 18 ...") and sometimes gives them back ("... REINSTATED").
 * A deleted lap counts for no best lap.
 */
const VERDICT = /^CAR (\d+)\b.*?\b(?:TIME [\d:.]+|LAP) (DELETED|REINSTATED)\b.*?\bLAP (\d+)\b/;

export interface LapVerdict {
  driverNumber: number;
  lapNumber: number;
  deleted: boolean;
}

export function lapVerdict(message: string): LapVerdict | null {
  const match = VERDICT.exec(message.toUpperCase());
  if (!match) return null;
  return { driverNumber: Number(match[1]), lapNumber: Number(match[3]), deleted: match[2] === "DELETED" };
}
