/**
 * Who may use the curator desk: users with scrypt-hashed passwords (Node's crypto.scrypt, compared in
 * constant time) and sessions held in memory with a CSRF token each (failed log-ins are slowed down by
 * src/desk/throttle.ts). Passwords are never stored or logged; `ceasefire-bot desk-password` prints the
 * hash to put in DESK_USERS.
 */
import { randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import type { Clock } from "../time/clock.js";

/** scrypt's cost: N = 2^14, r = 8, p = 1 (OWASP's interactive-login minimum), a 32-byte key. */
const COST = { N: 16_384, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { ...cost, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

/** "scrypt$16384$8$1$<salt base64>$<key base64>" */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, COST);
  return ["scrypt", COST.N, COST.r, COST.p, salt.toString("base64"), key.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !key) return false;
  const expected = Buffer.from(key, "base64");
  const got = await derive(password, Buffer.from(salt, "base64"), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** DESK_USERS: "ana:scrypt$…,ben:scrypt$…" (or the lines of a users file) as name → hash. */
export function parseUsers(text: string): Map<string, string> {
  const users = new Map<string, string>();
  for (const entry of text.split(/[,\n]/)) {
    const trimmed = entry.trim();
    if (!trimmed || trimmed.startsWith("#")) continue;
    const at = trimmed.indexOf(":");
    const name = trimmed.slice(0, at).trim();
    const hash = trimmed.slice(at + 1).trim();
    if (at <= 0 || !/^[a-zA-Z0-9._-]{1,64}$/.test(name) || !hash.startsWith("scrypt$")) {
      throw new Error(
        `desk users: "${trimmed.slice(0, 20)}…" is not name:scrypt$… (see ceasefire-bot desk-password)`,
      );
    }
    users.set(name, hash);
  }
  return users;
}

export interface Session {
  id: string;
  user: string;
  csrf: string;
  expiresAt: number;
}

/** Sessions in memory: a desk restart logs everyone out, which is fine for a handful of curators. */
export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly ttlMs = 8 * 3_600_000,
  ) {}

  create(user: string): Session {
    const session: Session = {
      id: randomBytes(32).toString("base64url"),
      user,
      csrf: randomBytes(32).toString("base64url"),
      expiresAt: this.clock.now().getTime() + this.ttlMs,
    };
    this.byId.set(session.id, session);
    return session;
  }

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.byId.get(id);
    if (!session) return undefined;
    if (session.expiresAt <= this.clock.now().getTime()) {
      this.byId.delete(id);
      return undefined;
    }
    return session;
  }

  destroy(id: string | undefined): void {
    if (id) this.byId.delete(id);
  }
}

/** Whether a form's CSRF token is the session's (constant-time). */
export function csrfMatches(session: Session, token: unknown): boolean {
  if (typeof token !== "string") return false;
  const a = Buffer.from(session.csrf);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
