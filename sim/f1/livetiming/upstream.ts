import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { z } from "zod";
import type { FeedMessage } from "@/lib/f1/livetiming/message";
import { SimControlError } from "../../control-error";
import type { SimRequest, SimResponse, Upstream } from "../../server";
import { DEMO_F1TV_TOKEN, playSchema, withholdSchema } from "./config";
import { archivedFeed, recordedFeed } from "./feed";
import { loadArchiveFolder, sessionPaths, type ArchiveFolder } from "./folder";
import { COOKIE_NAME, startHub, type Hub } from "./hub";
import { Playback, type PlaybackStatus } from "./playback";
import { withSyntheticRace } from "./synthetic";

/**
 * The real recordings the simulator serves and Pitwall's tests read: an archived practice session, a season index, a
 * raw live recording. A folder, joined at run time: the app's bundler takes a `new URL("./archive", ...)` for an asset.
 */
export const BUNDLED_ARCHIVE = join(dirname(fileURLToPath(import.meta.url)), "archive");

export interface LiveTimingUpstreamOptions {
  /** A folder in the archive's layout (default: the bundled recordings). */
  folder?: string;
  /** Add the OpenF1 simulator's synthetic race of the simulator's seed as an archived session (default true). */
  synthetic?: boolean;
  /** F1 TV tokens the hub accepts (default: the demo token). */
  tokens?: string[];
  /** Withhold the account-only topics from clients without a token (default true, as the feed does since 2025). */
  withholdAccountTopics?: boolean;
  /** Play this from every reset on (the demo). */
  autoplay?: z.input<typeof playSchema>;
  hubPort?: number;
  onSend?: (message: FeedMessage, sentAt: number) => void;
}

export interface LiveTimingUpstream extends Upstream {
  hub(): Promise<Hub>;
  play(options: z.input<typeof playSchema>): Promise<PlaybackStatus>;
  stop(): void;
  close(): Promise<void>;
}

const STREAM_FILE = /\.jsonStream$|\.json$/;

/**
 * livetiming.formula1.com under `/f1-livetiming`: the static archive (`GET /static/<year>/Index.json`,
 * `GET /static/<session path><Topic>.jsonStream`) from a folder of real recordings plus the synthetic race of the
 * seed (built at each reset to a new seed), and the SignalR Core endpoint
 * (`/signalrcore/negotiate` sets the AWSALBCORS cookie and redirects to the hub, which replays a session live).
 * Control: `play {session | recording, speed, fromSeconds}`, `stop`, `drop` (every socket), `withhold {on}`,
 * `refuse {on}` (negotiation answers 503), `status`.
 */
export function livetimingUpstream(options: LiveTimingUpstreamOptions = {}): LiveTimingUpstream {
  const recorded: ArchiveFolder = loadArchiveFolder(options.folder ?? BUNDLED_ARCHIVE);
  let folder = recorded;
  let folderSeed: number | null = null;
  const tokens = options.tokens ?? [DEMO_F1TV_TOKEN];
  let withhold = options.withholdAccountTopics ?? true;
  /** While set, negotiation answers 503: the feed down, clients backing off. */
  let refusing = false;
  let negotiations: number[] = [];
  let playback: Playback | null = null;
  let hub: Hub | null = null;
  const hubReady = startHub({
    tokens: () => tokens,
    withholdAccountTopics: () => withhold,
    playback: () => playback,
    port: options.hubPort,
    onSend: options.onSend,
  }).then((started) => (hub = started));

  async function play(request: z.input<typeof playSchema>): Promise<PlaybackStatus> {
    const parsed = playSchema.parse(request);
    const started = await hubReady;
    const session = parsed.session ?? (parsed.recording ? undefined : sessionPaths(folder)[0]);
    let feed;
    try {
      feed = parsed.recording ? recordedFeed(folder, parsed.recording) : archivedFeed(folder, session ?? "");
    } catch (error) {
      throw new SimControlError(error instanceof Error ? error.message : String(error));
    }
    playback?.stop();
    playback = new Playback(feed, parsed.speed, parsed.fromSeconds, (message) => started.broadcast(message));
    return playback.status();
  }

  function stop(): void {
    playback?.stop();
    playback = null;
  }

  async function negotiate(req: SimRequest): Promise<SimResponse> {
    if (req.method === "OPTIONS" || req.method === "GET") {
      return { status: 204, headers: { "set-cookie": `${COOKIE_NAME}=sim-${Date.now()}; Path=/; SameSite=None` }, body: "" };
    }
    negotiations.push(Date.now());
    if (refusing) return { status: 503, body: "live timing is unavailable" };
    if (!new RegExp(`(?:^|;\\s*)${COOKIE_NAME}=`).test(String(req.headers.cookie ?? ""))) {
      return { status: 401, body: `negotiate needs the ${COOKIE_NAME} cookie` };
    }
    // The shared simulator serves plain HTTP only: the client is sent on to the hub's own port (SignalR's redirect).
    return { body: { url: `${(await hubReady).url}/signalrcore` } };
  }

  return {
    prefix: "/f1-livetiming",
    name: "F1 live timing",
    hub: () => hubReady,
    play,
    stop,
    async close() {
      stop();
      await (await hubReady).close();
    },
    async handle(req) {
      if (req.path === "/signalrcore/negotiate") return negotiate(req);
      const file = req.method === "GET" && req.path.startsWith("/static/") ? folder.files.get(decodeURIComponent(req.path.slice(1))) : undefined;
      if (!file || !STREAM_FILE.test(req.path)) return { status: 403, headers: { "content-type": "application/xml" }, body: "<Error><Code>AccessDenied</Code></Error>" };
      return { headers: { "content-type": req.path.endsWith(".json") ? "application/json" : "application/octet-stream" }, body: file };
    },
    reset(seed) {
      stop();
      if ((options.synthetic ?? true) && seed !== folderSeed) {
        folder = withSyntheticRace(recorded, seed);
        folderSeed = seed;
      }
      withhold = options.withholdAccountTopics ?? true;
      refusing = false;
      negotiations = [];
      // A folder without the session to play is a configuration mistake: said once, the archive still served.
      if (options.autoplay) play(options.autoplay).catch((error: unknown) => console.error(`f1-livetiming autoplay: ${error instanceof Error ? error.message : String(error)}`));
    },
    async control(action, body) {
      switch (action) {
        case "play":
          return play(playSchema.parse(body ?? {}));
        case "stop":
          stop();
          return { stopped: true };
        case "drop":
          return { dropped: hub?.dropAll() ?? 0 };
        case "withhold":
          withhold = withholdSchema.parse(body).on;
          return { withhold };
        case "refuse":
          refusing = withholdSchema.parse(body).on;
          return { refusing };
        case "status":
          return {
            playback: playback?.status() ?? null,
            connections: hub?.connections() ?? 0,
            withhold,
            refusing,
            /** When each negotiation was asked for (epoch ms), oldest first. */
            negotiations,
            sessions: sessionPaths(folder),
            recordings: [...folder.files.keys()].filter((file) => file.startsWith("recordings/")).map((file) => file.slice("recordings/".length)),
          };
        default:
          throw new SimControlError(`unknown action ${action}`);
      }
    },
  };
}
