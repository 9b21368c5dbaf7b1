/**
 * Discord's documented limits on what the bot sends, each with the page that states it. The renderer,
 * the sender, autocomplete and the command definitions cut to these numbers, and the payload tests
 * check every message against the same table: one character over and Discord rejects the whole
 * message (a reply the user never sees, a reminder that is lost).
 *
 * Discord counts characters as code points: its API is written in Python 3 and measures a string's
 * `len()` (discord/discord-api-docs#1315, answered by Discord's staff), so an Arabic or Hebrew letter,
 * an FSI or a PDI is one character, and an emoji made of two UTF-16 units is one too. Embed texts are
 * measured after their leading and trailing whitespace is trimmed ("Embed Limits"). The code that cuts
 * measures UTF-16 code units, never fewer than code points: what it fits, Discord accepts.
 */
import { type Limit, maxima } from "../../reply/limits.js";

const CODE_POINTS = "code points";
const ITEMS = "items";

const EMBED = "https://discord.com/developers/docs/resources/message#embed-object-embed-limits";
const CREATE_MESSAGE = "https://discord.com/developers/docs/resources/message#create-message-jsonform-params";
const ATTACHMENT =
  "https://discord.com/developers/docs/resources/message#attachment-object-attachment-structure";
const ACTION_ROW = "https://discord.com/developers/docs/components/reference#action-row";
const BUTTON = "https://discord.com/developers/docs/components/reference#button";
const AUTOCOMPLETE =
  "https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-autocomplete";
const CHOICE =
  "https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-choice-structure";
const COMMAND =
  "https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-structure";
const COMMAND_LIMITS = "https://discord.com/developers/docs/interactions/application-commands#slash-commands";
const EVENT =
  "https://discord.com/developers/docs/resources/guild-scheduled-event#create-guild-scheduled-event-json-params";
const START_THREAD = "https://discord.com/developers/docs/resources/channel#start-thread-from-message";
const OPTION =
  "https://discord.com/developers/docs/interactions/application-commands#application-command-object-application-command-option-structure";

export const DISCORD_LIMIT_TABLE = {
  /** Embed title. */
  title: { max: 256, unit: CODE_POINTS, trimmed: true, doc: EMBED },
  /** Embed description. */
  description: { max: 4096, unit: CODE_POINTS, trimmed: true, doc: EMBED },
  /** Fields in one embed. */
  fields: { max: 25, unit: ITEMS, doc: EMBED },
  fieldName: { max: 256, min: 1, unit: CODE_POINTS, trimmed: true, doc: EMBED },
  fieldValue: { max: 1024, min: 1, unit: CODE_POINTS, trimmed: true, doc: EMBED },
  /** Footer text. */
  footer: { max: 2048, unit: CODE_POINTS, trimmed: true, doc: EMBED },
  /** Author name. */
  author: { max: 256, unit: CODE_POINTS, trimmed: true, doc: EMBED },
  /** Title, description, field names and values, footer text and author name of every embed of a message, together. */
  embedTotal: { max: 6000, unit: CODE_POINTS, trimmed: true, doc: EMBED },
  /** Embeds in one message. */
  embeds: { max: 10, unit: ITEMS, doc: CREATE_MESSAGE },
  /** A message's content. */
  content: { max: 2000, unit: CODE_POINTS, doc: CREATE_MESSAGE },
  /** A message's nonce (a string of at most 25 characters). */
  nonce: { max: 25, unit: CODE_POINTS, doc: CREATE_MESSAGE },
  /** An attachment's description (alt text). */
  attachmentDescription: { max: 1024, unit: CODE_POINTS, doc: ATTACHMENT },
  /** Action rows in one message. */
  actionRows: { max: 5, unit: ITEMS, doc: ACTION_ROW },
  /** Buttons in one action row. */
  buttonsPerRow: { max: 5, unit: ITEMS, doc: ACTION_ROW },
  buttonLabel: { max: 80, unit: CODE_POINTS, doc: BUTTON },
  customId: { max: 100, min: 1, unit: CODE_POINTS, doc: BUTTON },
  /** A link button's address. */
  buttonUrl: { max: 512, min: 1, unit: CODE_POINTS, doc: BUTTON },
  /** Suggestions in one autocomplete answer. */
  choices: { max: 25, unit: ITEMS, doc: AUTOCOMPLETE },
  choiceName: { max: 100, min: 1, unit: CODE_POINTS, doc: CHOICE },
  /** A string choice's value. */
  choiceValue: { max: 100, min: 1, unit: CODE_POINTS, doc: CHOICE },
  commandName: { max: 32, min: 1, unit: CODE_POINTS, doc: COMMAND },
  commandDescription: { max: 100, min: 1, unit: CODE_POINTS, doc: COMMAND },
  /** Options of one command. */
  commandOptions: { max: 25, unit: ITEMS, doc: COMMAND },
  /**
   * A slash command's name, description and every option's and choice's name, description and value,
   * together; of each field's localizations only the longest (the default included) counts.
   */
  commandTotal: { max: 8000, unit: CODE_POINTS, doc: COMMAND_LIMITS },
  /** Fixed choices of one option. */
  optionChoices: { max: 25, unit: ITEMS, doc: OPTION },
  /** A scheduled event's name, description and location (entity_metadata.location). */
  eventName: { max: 100, min: 1, unit: CODE_POINTS, doc: EVENT },
  eventDescription: { max: 1000, unit: CODE_POINTS, doc: EVENT },
  eventLocation: { max: 100, min: 1, unit: CODE_POINTS, doc: EVENT },
  /** A thread's (or a forum post's) name. */
  threadName: { max: 100, min: 1, unit: CODE_POINTS, doc: START_THREAD },
} as const satisfies Record<string, Limit>;

export const DISCORD_LIMITS = maxima(DISCORD_LIMIT_TABLE);
