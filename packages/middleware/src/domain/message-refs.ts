/**
 * How a payload field refers to content-addressed messages instead of holding them.
 *
 * A payload field (`loupe_payloads.input` / `output`) is either JSON text, as it always
 * was, or a reference: `@` + a view letter + `:` + the hash of a message-list node
 * (`loupe_message_lists`). JSON text never starts with `@`, so old rows and new rows
 * are told apart by their first character, and inline JSON is read exactly as before.
 *
 * Views of the list ending at that node:
 * - `l` the list itself: an array of messages (a prompt, an agent's messages);
 * - `c` the content of its only message (a generation's output parts, stored as the
 *   assistant message a later prompt re-sends);
 * - `t` the text of its only message's only text part (an agent's or trace's text
 *   output, or a prompt given as a string);
 * - `v` the output value of its only message's only tool-result part (a tool's result,
 *   stored as the tool message the next step's prompt re-sends).
 */

/** The first character of every reference (never the first character of JSON text). */
export const MESSAGE_REF_MARK = "@";

/** The views a reference can take of a message list. */
export const MESSAGE_REF_VIEWS = ["l", "c", "t", "v"] as const;
/** One of {@link MESSAGE_REF_VIEWS}. */
export type MessageRefView = (typeof MESSAGE_REF_VIEWS)[number];

/** A parsed payload reference. */
export interface MessageRef {
  view: MessageRefView;
  /** The hash of the list node the view starts from. */
  node: string;
}

/** Characters before the node hash in a reference (`@l:`). */
export const MESSAGE_REF_PREFIX_LENGTH = 3;

/** Length of a message or list-node hash: base64url characters of a sha256 (see writer/content-address.ts). */
export const MESSAGE_HASH_LENGTH = 22;

const REF = new RegExp(`^${MESSAGE_REF_MARK}[${MESSAGE_REF_VIEWS.join("")}]:[A-Za-z0-9_-]{${MESSAGE_HASH_LENGTH}}$`);

/** The payload text of a reference. */
export function encodeMessageRef(ref: MessageRef): string {
  return `${MESSAGE_REF_MARK}${ref.view}:${ref.node}`;
}

/** The reference in a payload text, or null for JSON text (or anything else). */
export function parseMessageRef(text: unknown): MessageRef | null {
  if (typeof text !== "string" || text[0] !== MESSAGE_REF_MARK || !REF.test(text)) return null;
  return { view: text[1] as MessageRefView, node: text.slice(MESSAGE_REF_PREFIX_LENGTH) };
}
