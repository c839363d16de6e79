import { movedTo } from "@/lib/api/moved";

export const GET = movedTo("/api/v1/raceroom/leaderboards");
