/**
 * What tests share, from one import (see test/README.md):
 *
 *   import { captureLog, shippedStory, StandInDiscord, tempDir } from "./index.js";
 *
 * Left out, because they load a platform library (discord.js, Bolt, their REST clients) most tests
 * never need: the bot running in process against the stand-ins (./harness/discord.js,
 * ./harness/slack.js, ./harness/desk.js) and the real platform clients pointed at them
 * (./standins/clients.js). Import those from their own files. The scripts in ./scripts/ are run as
 * child processes (runScript), never imported.
 */

// Alert delivery: a recording sender and makeScheduler() around it.
export * from "./alerts.js";
// The shipped story broken on purpose, and what the loader reports.
export * from "./broken-story.js";
// A headless Chromium: the system's, else the npm package's.
export * from "./browser.js";
// What a calendar feed says: the SEQUENCE of the truce's handover.
export * from "./calendar.js";
// A channel's commands on a store of its own.
export * from "./channel.js";
// What a configuration reader finds wrong.
export * from "./config.js";
// The bot's core on the shipped data, alone or with a store.
export * from "./core.js";
// The curators' channels of the digest specs.
export * from "./curators.js";
// A recording platform of scheduled events.
export * from "./events.js";
// The Store contract's scheduled-events section.
export * from "./events-contract.js";
// The repository, the shipped data, temporary folders, story folders.
export * from "./files.js";
// The Home specs: a subscribed channel, many channels, the truce with a deadline reported later.
export * from "./home.js";
// The shipped story with unbalanced bidirectional controls in every text.
export * from "./hostile-story.js";
// The bot installed as the deploy units expect it.
export * from "./install.js";
// English catalog phrases let through into a reply in another language.
export * from "./language.js";
// The Store contract's languages section.
export * from "./languages-contract.js";
// Leads of a story's feeds, new and as stored.
export * from "./leads.js";
// Loggers: captureLog() keeps every line, silentLog() none.
export * from "./log.js";
// SQLite store files as older releases left them, for the migration tests.
export * from "./migrated.js";
// What each platform would reject in a payload.
export * from "./payload-limits.js";
// Pictures: a real PNG picture for replies; PNG bytes that arrived, their size, decoded (pngjs), the pixels drawn.
export * from "./pictures.js";
// PostgreSQL: the tests' server URL and a schema of their own.
export * from "./postgres.js";
// Bot processes and scripts, free ports, polling.
export * from "./processes.js";
// Seeded random stories at the platforms' limits.
export * from "./random-story.js";
// Replies that make a renderer say every word of its own, in each language.
export * from "./render.js";
// Right to left laid out as the Discord and Slack clients do, measured in Chromium.
export * from "./rtl-page.js";
// Seeded random replies written in Arabic or Hebrew, at and past every limit.
export * from "./rtl-replies.js";
// A one-source story, for checking stories against archived sources.
export * from "./sources.js";
// Stand-ins for Discord, Slack and news feeds on 127.0.0.1.
export * from "./standins/discord.js";
export * from "./standins/discord-channels.js";
export * from "./standins/discord-commands.js";
export * from "./standins/discord-guilds.js";
export * from "./standins/feeds.js";
export * from "./standins/gate.js";
export * from "./standins/slack.js";
export * from "./standins/slack-channels.js";
export * from "./standins/slack-socket.js";
export * from "./standins/slack-views.js";
// The Store contract, section by section.
export * from "./store-contract.js";
// The shipped story, its clocks, and commands run on it.
export * from "./story.js";
// A deploy unit's settings, and its ExecStart run as systemd would.
export * from "./systemd-unit.js";
export * from "./threads-contract.js";
// A PostgreSQL server of a test's own.
export * from "./throwaway-postgres.js";
// An invented truce that changes over time.
export * from "./truce.js";
// The known-from walk over every instant of a story, and a generated story for it.
export * from "./walk.js";
// The Store contract's shared time windows section.
export * from "./windows-contract.js";
