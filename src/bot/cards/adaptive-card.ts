/**
 * The small, typed slice of the Adaptive Card schema the bot's cards use, and the helpers they share.
 *
 * Plain objects rather than botbuilder's `CardFactory`: the builders stay pure and testable without botbuilder,
 * and an {@link AdaptiveCardAttachment} is structurally a botbuilder `Attachment`, so it goes straight into
 * `context.sendActivity({ attachments: [card] })`, and its `content` into an `adaptiveCard/action` invoke
 * response's `value`.
 */

/** The attachment content type of an Adaptive Card. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The schema every card declares. */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** 1.5: what Teams desktop and web render, and what Universal Actions (`Action.Execute`) require. */
export const ADAPTIVE_CARD_VERSION = '1.5';

/**
 * The longest preview data URI a card accepts. A Teams message may carry about 100 KB in all, cards included;
 * 60 KB for the picture leaves ample room for the text, the JSON around it and the activity envelope.
 */
export const MAX_PREVIEW_DATA_URI_BYTES = 60 * 1024;

/** Spacing above an element. */
export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';

/** A text element. `wrap` is always on: translations run longer than English, and a cut sentence helps no one. */
export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  readonly weight?: 'Lighter' | 'Default' | 'Bolder';
  readonly isSubtle?: boolean;
  readonly spacing?: Spacing;
  readonly horizontalAlignment?: 'Left' | 'Center' | 'Right';
}

/** A run of plain text: unlike a TextBlock's text, never read as Markdown. */
export interface TextRun {
  readonly type: 'TextRun';
  readonly text: string;
  readonly size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  readonly weight?: 'Lighter' | 'Default' | 'Bolder';
}

/** Text made of runs; it always wraps. Used wherever text carries a value a person chose (a display name). */
export interface RichTextBlock {
  readonly type: 'RichTextBlock';
  readonly inlines: readonly TextRun[];
  readonly spacing?: Spacing;
}

/** A picture. Only data URIs here: a card never makes a client fetch a URL of ours or anyone's. */
export interface ImageElement {
  readonly type: 'Image';
  readonly url: string;
  readonly altText: string;
  readonly size: 'Small' | 'Medium' | 'Large';
  readonly style: 'Default' | 'Person';
  readonly spacing?: Spacing;
  /** Explicit pixel sizes (e.g. `120px`): `size` alone renders as small as 52 px in some hosts. */
  readonly width?: `${number}px`;
  readonly height?: `${number}px`;
  readonly horizontalAlignment?: 'Left' | 'Center' | 'Right';
}

/** A box of elements, here a placeholder where there is no photo (initials, or "No photo"). */
export interface Container {
  readonly type: 'Container';
  readonly items: readonly CardElement[];
  readonly style?: 'default' | 'emphasis' | 'accent';
  readonly minHeight?: `${number}px`;
  readonly verticalContentAlignment?: 'Top' | 'Center' | 'Bottom';
  readonly spacing?: Spacing;
}

/** One column of a {@link ColumnSet}. */
export interface Column {
  readonly type: 'Column';
  readonly width: 'auto' | 'stretch' | `${number}px`;
  readonly items: readonly CardElement[];
}

/** Columns side by side (the before and after pictures). */
export interface ColumnSet {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
  readonly spacing?: Spacing;
}

/** Label and value pairs (a job's counts). */
export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: readonly { readonly title: string; readonly value: string }[];
  readonly spacing?: Spacing;
}

/**
 * A choice input (the admin card's people picker, the extension's group picker): its choices are listed, or come
 * from a `Data.Query` dataset as the person types (`graph.microsoft.com/users`, which Teams resolves itself, or one of ours, which Teams asks the bot for
 * with `application/search`). `fallback` is what a client shows when it cannot render this one.
 */
export interface ChoiceInput {
  readonly type: 'Input.ChoiceSet';
  readonly id: string;
  readonly label: string;
  readonly style: 'compact' | 'filtered';
  readonly isRequired: true;
  readonly errorMessage: string;
  readonly placeholder: string;
  readonly choices: readonly { readonly title: string; readonly value: string }[];
  /** The choice selected at first. */
  readonly value?: string;
  readonly 'choices.data'?: {
    readonly type: 'Data.Query';
    readonly dataset: string;
    readonly count?: number;
  };
  readonly fallback?: ChoiceInput;
}

/** A free-text input (an approver's reason for rejecting); its value comes back in the action's data by `id`. */
export interface TextInput {
  readonly type: 'Input.Text';
  readonly id: string;
  readonly label: string;
  readonly isMultiline?: boolean;
  readonly maxLength?: number;
}

/** The elements the cards use. */
export type CardElement =
  TextBlock | RichTextBlock | ImageElement | Container | ColumnSet | FactSet | ChoiceInput | TextInput;

/** A Universal Action: Teams sends an `adaptiveCard/action` invoke and shows the card the bot answers with. */
export interface ExecuteAction {
  readonly type: 'Action.Execute';
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, string>>;
}

/**
 * A button that sends `data` back to the bot as a message submit; with `data.msteams.type` `task/fetch` Teams asks
 * the bot for a dialog instead (`task/fetch` invoke).
 */
export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A button that opens a link in the browser (a report's short-lived download link). */
export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

/**
 * An Adaptive Card as the bot sends it. A type alias, not an interface, so it is assignable to
 * `Record<string, unknown>` (botbuilder's `AdaptiveCardInvokeResponse.value`) without a cast.
 */
export type AdaptiveCard = {
  readonly type: 'AdaptiveCard';
  readonly $schema: typeof ADAPTIVE_CARD_SCHEMA;
  readonly version: typeof ADAPTIVE_CARD_VERSION;
  /** What a client that cannot render the card shows instead (and what notifications can quote). */
  readonly fallbackText: string;
  readonly body: readonly CardElement[];
  readonly actions?: readonly (ExecuteAction | SubmitAction | OpenUrlAction)[];
};

/** A card as a message attachment (structurally a botbuilder `Attachment`). */
export interface AdaptiveCardAttachment {
  readonly contentType: typeof ADAPTIVE_CARD_CONTENT_TYPE;
  readonly content: AdaptiveCard;
}

/** Wraps a body (and actions) into a 1.5 card attachment. */
export function cardAttachment(
  fallbackText: string,
  body: readonly CardElement[],
  actions?: readonly (ExecuteAction | SubmitAction | OpenUrlAction)[],
): AdaptiveCardAttachment {
  const content: AdaptiveCard = {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: ADAPTIVE_CARD_VERSION,
    fallbackText,
    body,
    ...(actions && actions.length > 0 ? { actions } : {}),
  };
  return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content };
}

/** A card's title: bold and a little larger. Only for text from the catalogs (a TextBlock reads Markdown). */
export function titleBlock(text: string): TextBlock {
  return { type: 'TextBlock', text, wrap: true, size: 'Medium', weight: 'Bolder' };
}

/** A title that carries a value a person chose, so it must show as typed, Markdown and all. */
export function plainTitleBlock(text: string): RichTextBlock {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text, size: 'Medium', weight: 'Bolder' }] };
}

/** A paragraph of catalog text. */
export function textBlock(text: string, options: { readonly subtle?: boolean } = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...(options.subtle ? { isSubtle: true } : {}) };
}

/**
 * A bulleted list of catalog lines, as one Markdown list (Teams renders `- item` lines separated by `\r` as a
 * list with hanging indents; separate TextBlocks would lose the indent when a line wraps).
 */
export function listBlock(lines: readonly string[]): TextBlock {
  return { type: 'TextBlock', text: lines.map((line) => `- ${line}`).join('\r'), wrap: true };
}

const JPEG_DATA_URI_PREFIX = 'data:image/jpeg;base64,';
const JPEG_DATA_URI = /^data:image\/jpeg;base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * Checks a preview data URI and returns it: a base64 `data:image/jpeg` URI (nothing a client would fetch), at
 * most {@link MAX_PREVIEW_DATA_URI_BYTES} long. The length is checked first, so an oversized value is refused
 * before the pattern runs over it.
 * @throws RangeError when it is too long; TypeError when it is not a base64 JPEG data URI
 */
export function checkPreviewDataUri(previewDataUri: string): string {
  if (previewDataUri.length > MAX_PREVIEW_DATA_URI_BYTES) {
    throw new RangeError(
      `preview data URI is ${previewDataUri.length} bytes; at most ${MAX_PREVIEW_DATA_URI_BYTES} keep the message under Teams' size limit`,
    );
  }
  const payloadLength = previewDataUri.length - JPEG_DATA_URI_PREFIX.length;
  if (!JPEG_DATA_URI.test(previewDataUri) || payloadLength % 4 !== 0) {
    throw new TypeError('preview must be a base64 data:image/jpeg URI');
  }
  return previewDataUri;
}

/**
 * The data URI of a small JPEG (for instance the pipeline's output at 96–240 px), checked as
 * {@link checkPreviewDataUri} does.
 * @throws RangeError when the URI would be too long; TypeError when the bytes are not a JPEG
 */
export function jpegDataUri(jpeg: Uint8Array): string {
  // Every JPEG starts with the SOI marker and another marker; anything else would show as a broken image.
  if (jpeg.length < 3 || jpeg[0] !== 0xff || jpeg[1] !== 0xd8 || jpeg[2] !== 0xff) {
    throw new TypeError('preview bytes are not a JPEG');
  }
  // Refuse by arithmetic before encoding, so a large buffer is never base64-encoded only to be dropped.
  const uriLength = JPEG_DATA_URI_PREFIX.length + 4 * Math.ceil(jpeg.length / 3);
  if (uriLength > MAX_PREVIEW_DATA_URI_BYTES) {
    throw new RangeError(
      `preview data URI would be ${uriLength} bytes; at most ${MAX_PREVIEW_DATA_URI_BYTES} keep the message under Teams' size limit`,
    );
  }
  return checkPreviewDataUri(`${JPEG_DATA_URI_PREFIX}${Buffer.from(jpeg).toString('base64')}`);
}

/** The preview picture: medium, in a circle as Teams shows people. */
export function previewImage(previewDataUri: string, altText: string): ImageElement {
  return {
    type: 'Image',
    url: checkPreviewDataUri(previewDataUri),
    altText,
    size: 'Medium',
    style: 'Person',
  };
}
