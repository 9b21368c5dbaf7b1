/**
 * Slack's documented limits on what the bot sends, each with the page that states it. The renderer
 * cuts to these numbers and the payload tests check every message against the same table: Slack
 * rejects a whole message (`invalid_blocks`) when one block is over.
 *
 * Slack states its text limits in characters, not bytes: a section of 2,500 Japanese characters
 * (7,500 bytes of UTF-8) posts, and the community Go SDK counts characters (slack-go/slack#405). Whether a
 * character is a code point or a UTF-16 code unit it does not say, so the table counts UTF-16 code
 * units, the larger of the two (an emoji made of two units counts 2): a text within it is within
 * either. Arabic and Hebrew letters, FSI and PDI are one unit each. A Home tab view is limited in
 * bytes (`view_too_large`): its JSON in UTF-8, where each of those letters is 2 bytes and FSI and PDI
 * 3 each; src/platforms/slack/home-view.ts measures it so.
 */
import { type Limit, maxima } from "../../reply/limits.js";

const CHARACTERS = "UTF-16 code units";
const BYTES = "UTF-8 bytes";
const ITEMS = "items";

const BLOCKS = "https://docs.slack.dev/reference/block-kit/blocks";
const HEADER = "https://docs.slack.dev/reference/block-kit/blocks/header-block";
const SECTION = "https://docs.slack.dev/reference/block-kit/blocks/section-block";
const CONTEXT = "https://docs.slack.dev/reference/block-kit/blocks/context-block";
const ACTIONS = "https://docs.slack.dev/reference/block-kit/blocks/actions-block";
const TEXT_OBJECT = "https://docs.slack.dev/reference/block-kit/composition-objects/text-object";
const BUTTON = "https://docs.slack.dev/reference/block-kit/block-elements/button-element";
const IMAGE = "https://docs.slack.dev/reference/block-kit/blocks/image-block";
const UPLOAD_URL = "https://docs.slack.dev/reference/methods/files.getUploadURLExternal";
const POST_MESSAGE = "https://docs.slack.dev/reference/methods/chat.postMessage";
const HOME_VIEW = "https://docs.slack.dev/reference/views/home-tab-views";
const VIEWS_PUBLISH = "https://docs.slack.dev/reference/methods/views.publish";

export const SLACK_LIMIT_TABLE = {
  /** Blocks in one message. */
  blocks: { max: 50, unit: ITEMS, doc: BLOCKS },
  /** A header block's plain text. */
  headerText: { max: 150, min: 1, unit: CHARACTERS, doc: HEADER },
  /** A section block's text. */
  sectionText: { max: 3000, min: 1, unit: CHARACTERS, doc: SECTION },
  /** Text objects in a section's fields. */
  sectionFields: { max: 10, unit: ITEMS, doc: SECTION },
  /** One of a section's fields. */
  fieldText: { max: 2000, min: 1, unit: CHARACTERS, doc: SECTION },
  /** Elements of a context block. */
  contextElements: { max: 10, unit: ITEMS, doc: CONTEXT },
  /** A text object's text (a context block's elements). */
  contextText: { max: 3000, min: 1, unit: CHARACTERS, doc: TEXT_OBJECT },
  /** Elements of an actions block. */
  actionsElements: { max: 25, unit: ITEMS, doc: ACTIONS },
  buttonText: { max: 75, min: 1, unit: CHARACTERS, doc: BUTTON },
  actionId: { max: 255, min: 1, unit: CHARACTERS, doc: BUTTON },
  buttonValue: { max: 2000, unit: CHARACTERS, doc: BUTTON },
  /** A link button's address. */
  buttonUrl: { max: 3000, min: 1, unit: CHARACTERS, doc: BUTTON },
  /** An image's alt text (an image block's). */
  imageAltText: { max: 2000, min: 1, unit: CHARACTERS, doc: IMAGE },
  /** An uploaded image's description for screen readers (files.getUploadURLExternal: alt_txt_too_large). */
  fileAltText: { max: 1000, unit: CHARACTERS, doc: UPLOAD_URL },
  /** chat.postMessage's top-level `text` (Slack truncates longer text). */
  messageText: { max: 40_000, unit: CHARACTERS, doc: POST_MESSAGE },
  /** Blocks in a Home tab view. */
  viewBlocks: { max: 100, unit: ITEMS, doc: HOME_VIEW },
  /** A view's whole payload, in bytes of JSON (views.publish answers `view_too_large` above 250 kB). */
  viewBytes: { max: 250_000, unit: BYTES, doc: VIEWS_PUBLISH },
} as const satisfies Record<string, Limit>;

export const SLACK_LIMITS = maxima(SLACK_LIMIT_TABLE);
