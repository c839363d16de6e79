import { hash32 } from "../../random";

export interface Account {
  username: string;
  password: string;
}

/** OpenF1 tokens last an hour. */
export const TOKEN_LIFETIME_MS = 3_600_000;

/** The accounts that can ask `POST /token` for an access token, and the tokens handed out. */
export class TokenDesk {
  private readonly tokens = new Map<string, number>();
  private issued = 0;

  constructor(
    private readonly accounts: readonly Account[],
    private seed = 1,
  ) {}

  /** A new token for good credentials (tokens are drawn from the seed, so a run replays exactly), else null. */
  issue(username: string, password: string, now: number): { token: string; expiresAt: number } | null {
    if (!this.accounts.some((account) => account.username === username && account.password === password)) return null;
    this.issued += 1;
    const token = [0, 1, 2, 3, 4].map((part) => hash32(this.seed, this.issued, part).toString(16).padStart(8, "0")).join("");
    const expiresAt = now + TOKEN_LIFETIME_MS;
    this.tokens.set(token, expiresAt);
    return { token, expiresAt };
  }

  valid(token: string, now: number): boolean {
    const expiresAt = this.tokens.get(token);
    return expiresAt !== undefined && now < expiresAt;
  }

  reset(seed: number): void {
    this.seed = seed;
    this.issued = 0;
    this.tokens.clear();
  }
}
