/**
 * Slack's documented limits on what the bot sends, each with the page that states it. The renderer
 * cuts to these numbers and the payload tests check every message against the same table: Slack
 * rejects a whole message (`invalid_blocks`) when one block is over.
 */
import { type Limit, maxima } from "../../reply/limits.js";

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
  blocks: { max: 50, doc: BLOCKS },
  /** A header block's plain text. */
  headerText: { max: 150, min: 1, doc: HEADER },
  /** A section block's text. */
  sectionText: { max: 3000, min: 1, doc: SECTION },
  /** Text objects in a section's fields. */
  sectionFields: { max: 10, doc: SECTION },
  /** One of a section's fields. */
  fieldText: { max: 2000, min: 1, doc: SECTION },
  /** Elements of a context block. */
  contextElements: { max: 10, doc: CONTEXT },
  /** A text object's text (a context block's elements). */
  contextText: { max: 3000, min: 1, doc: TEXT_OBJECT },
  /** Elements of an actions block. */
  actionsElements: { max: 25, doc: ACTIONS },
  buttonText: { max: 75, min: 1, doc: BUTTON },
  actionId: { max: 255, min: 1, doc: BUTTON },
  buttonValue: { max: 2000, doc: BUTTON },
  /** A link button's address. */
  buttonUrl: { max: 3000, min: 1, doc: BUTTON },
  /** An image's alt text (an image block's). */
  imageAltText: { max: 2000, min: 1, doc: IMAGE },
  /** An uploaded image's description for screen readers (files.getUploadURLExternal: alt_txt_too_large). */
  fileAltText: { max: 1000, doc: UPLOAD_URL },
  /** chat.postMessage's top-level `text` (Slack truncates longer text). */
  messageText: { max: 40_000, doc: POST_MESSAGE },
  /** Blocks in a Home tab view. */
  viewBlocks: { max: 100, doc: HOME_VIEW },
  /** A view's whole payload, in bytes of JSON (views.publish answers `view_too_large` above 250 kB). */
  viewBytes: { max: 250_000, doc: VIEWS_PUBLISH },
} as const satisfies Record<string, Limit>;

export const SLACK_LIMITS = maxima(SLACK_LIMIT_TABLE);
