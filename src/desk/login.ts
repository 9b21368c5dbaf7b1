/**
 * Logging in to the desk: the log-in page, and its POST checked against the users' scrypt hashes,
 * throttled per account and address (src/desk/throttle.ts) with the client's address read as
 * src/desk/client-address.ts says (the socket's, or a trusted proxy's X-Forwarded-For).
 */
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, Hono } from "hono";
import { setCookie } from "hono/cookie";
import { type Sessions, verifyPassword } from "./auth.js";
import { TrustedProxies } from "./client-address.js";
import { type DeskOptions, type Env, wordsOf } from "./context.js";
import { loginPage } from "./pages.js";
import { LoginThrottle } from "./throttle.js";

export const SESSION_COOKIE = "desk_session";

export function loginRoutes(app: Hono<Env>, options: DeskOptions, sessions: Sessions): void {
  const { log } = options;
  const throttle = new LoginThrottle(options.clock);
  const proxies = new TrustedProxies(options.trustedProxies ?? []);

  app.get("/desk/login", (c) => c.html(loginPage(undefined, wordsOf(c))));

  app.post("/desk/login", async (c) => {
    const body = await c.req.parseBody();
    const user = typeof body.user === "string" ? body.user.trim() : "";
    const password = typeof body.password === "string" ? body.password : "";
    const address = proxies.clientOf(socketAddress(c), c.req.header("x-forwarded-for"));
    const wait = throttle.wait(user, address);
    if (wait > 0) {
      // Refused unchecked and uncounted: the wait does not grow, and the first try after it is checked.
      const seconds = Math.ceil(wait / 1000);
      c.header("Retry-After", String(seconds));
      log.warn({ user, address, waitMs: wait }, "desk log-in refused: too many failures");
      const words = wordsOf(c);
      return c.html(loginPage(words.t("desk.login.throttled", { seconds }), words), 429);
    }
    const hash = options.users.get(user);
    if (!hash || !(await verifyPassword(password, hash))) {
      throttle.failed(user, address);
      log.warn({ user, address }, "desk log-in failed");
      const words = wordsOf(c);
      return c.html(loginPage(words.t("desk.login.wrong"), words), 401);
    }
    throttle.succeeded(user, address);
    const session = sessions.create(user);
    setCookie(c, SESSION_COOKIE, session.id, {
      httpOnly: true,
      sameSite: "Strict",
      secure: options.secureCookies,
      path: "/desk",
      maxAge: 8 * 3600,
    });
    log.info({ user, address }, "desk log-in");
    return c.redirect("/desk", 303);
  });
}

/** The address of the connection (none when the app is called without a socket, as in benchmarks). */
function socketAddress(c: Context<Env>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
}
