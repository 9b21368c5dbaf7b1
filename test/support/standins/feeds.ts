/**
 * A stand-in for the news sites a story's feeds point at, on 127.0.0.1: real-shaped RSS 2.0, Atom and
 * JSON Feed documents that answer If-None-Match / If-Modified-Since with 304, each path's requests
 * counted, and the ways a feed goes wrong: broken XML, an HTML page, a body that never ends, one that
 * never comes, a redirect to a private address, a 429 with Retry-After. A test adds its own paths
 * with `serve()`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FEED_VALIDATORS = { etag: '"v1"', lastModified: "Thu, 27 Feb 2025 08:00:00 GMT" };

export type FeedRoute = (req: IncomingMessage, res: ServerResponse) => void;

/** An item of the stand-in's documents. */
export interface StandInItem {
  title: string;
  link: string;
  published: string;
  summary: string;
}

export const STANDIN_ITEMS: readonly StandInItem[] = [
  {
    title: "Ceasefire talks resume in Cairo",
    link: "https://news.example/world/talks-resume?utm_source=rss#top",
    published: "2025-02-27T07:30:00Z",
    summary: "<p>Negotiators <b>met</b> on Thursday.</p>",
  },
  {
    title: "Hostage exchange &amp; aid convoy",
    link: "https://news.example/world/exchange/",
    published: "2025-02-27T06:00:00Z",
    summary: "Aid trucks crossed at Kerem Shalom.",
  },
];

const xmlEscape = (s: string) => s.replace(/&(?!amp;)/g, "&amp;").replace(/</g, "&lt;");

export function rssDocument(items: readonly StandInItem[] = STANDIN_ITEMS): string {
  const entries = items
    .map(
      (i) => `<item><title>${i.title}</title><link>${xmlEscape(i.link)}</link>
<pubDate>${new Date(i.published).toUTCString()}</pubDate><description>${xmlEscape(i.summary)}</description></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example News</title><link>https://news.example/</link>
<description>World news</description>
${entries}
</channel></rss>`;
}

export function atomDocument(items: readonly StandInItem[] = STANDIN_ITEMS): string {
  const entries = items
    .map(
      (i) => `<entry><title type="html">${i.title}</title><id>${xmlEscape(i.link)}</id>
<link rel="alternate" href="${xmlEscape(i.link)}"/><published>${i.published}</published>
<updated>${i.published}</updated><summary type="html">${xmlEscape(i.summary)}</summary></entry>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Agency wire</title><id>urn:agency</id>
<updated>2025-02-27T08:00:00Z</updated>
${entries}
</feed>`;
}

export function jsonFeedDocument(items: readonly StandInItem[] = STANDIN_ITEMS): string {
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "Daily brief",
    items: items.map((i) => ({
      id: i.link,
      url: i.link,
      title: i.title.replace("&amp;", "&"),
      date_published: i.published,
      summary: i.summary,
    })),
  });
}

/** A feed answering with `body` and the validators, or 304 when the request carries them. */
export function conditionalFeed(body: string, contentType: string): FeedRoute {
  return (req, res) => {
    if (
      req.headers["if-none-match"] === FEED_VALIDATORS.etag ||
      req.headers["if-modified-since"] === FEED_VALIDATORS.lastModified
    ) {
      res.writeHead(304, { etag: FEED_VALIDATORS.etag });
      res.end();
      return;
    }
    res.writeHead(200, {
      "content-type": contentType,
      etag: FEED_VALIDATORS.etag,
      "last-modified": FEED_VALIDATORS.lastModified,
    });
    res.end(body);
  };
}

export class StandInFeeds {
  /** Requests per path. */
  readonly requests = new Map<string, number>();
  /** The request headers of each path's last request. */
  readonly lastHeaders = new Map<string, IncomingMessage["headers"]>();
  private readonly routes = new Map<string, FeedRoute>();
  private readonly server: Server;
  private readonly open = new Set<ServerResponse>();

  private constructor() {
    this.server = createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0] ?? "/";
      this.requests.set(path, (this.requests.get(path) ?? 0) + 1);
      this.lastHeaders.set(path, req.headers);
      this.open.add(res);
      res.on("close", () => this.open.delete(res));
      const route = this.routes.get(path);
      if (route) route(req, res);
      else {
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not found");
      }
    });
    this.serve("/rss.xml", conditionalFeed(rssDocument(), "application/rss+xml; charset=utf-8"));
    this.serve("/atom.xml", conditionalFeed(atomDocument(), "application/atom+xml"));
    this.serve("/feed.json", conditionalFeed(jsonFeedDocument(), "application/feed+json"));
    this.serve("/broken.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end('<rss version="2.0"><channel><item><title>Cut off</title></item>');
    });
    this.serve("/page.html", (_req, res) => {
      res.writeHead(200, { "content-type": "text/html" });
      res.end("<!DOCTYPE html><html><head><title>News</title></head><body>Subscribe!</body></html>");
    });
    this.serve("/slow.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      // …and nothing more, ever.
    });
    this.serve("/endless.xml", (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = `<!-- ${"x".repeat(16_000)} -->\n`;
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) {}
        if (!res.destroyed) res.once("drain", pump);
      };
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      pump();
    });
    this.serve("/to-private", (_req, res) => {
      res.writeHead(302, { location: "http://10.0.0.1/feed.xml" });
      res.end();
    });
    this.serve("/to-loopback", (_req, res) => {
      res.writeHead(302, { location: `http://127.0.0.2:${this.port}/rss.xml` });
      res.end();
    });
    this.serve("/loop", (_req, res) => {
      res.writeHead(301, { location: "/loop" });
      res.end();
    });
    this.serve("/busy.xml", (_req, res) => {
      res.writeHead(429, { "retry-after": "7200", "content-type": "text/plain" });
      res.end("slow down");
    });
  }

  static async start(): Promise<StandInFeeds> {
    const standin = new StandInFeeds();
    await new Promise<void>((resolve) => standin.server.listen(0, "127.0.0.1", resolve));
    return standin;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The stand-in's address of `path`. */
  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  serve(path: string, route: FeedRoute): void {
    this.routes.set(path, route);
  }

  count(path: string): number {
    return this.requests.get(path) ?? 0;
  }

  async close(): Promise<void> {
    for (const res of this.open) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
