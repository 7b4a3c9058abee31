/**
 * Checks of a card's JSON for the card tests.
 *
 * Two layers: the `adaptivecards` renderer library (1.2.3, already installed as a dependency of
 * botframework-schema) parses the card and serialises it back, which drops any element type, property or enum
 * value it does not know, so a typo such as `size: 'Meduim'` or `wrapp: true` shows up as a difference; and
 * structural checks for what that library predates (version 1.5, `Action.Execute`, which arrived in 1.4).
 */
import * as AC from 'adaptivecards';
import type { AdaptiveCard, AdaptiveCardAttachment, CardElement } from '../../../src/bot/cards/index.js';

type Json = Record<string, unknown>;

/** Messages of the parse that are expected: the library stops at schema 1.2 and knows no Action.Execute. */
const EXPECTED_PARSE_ERRORS = [/^Unknown action type: Action\.Execute\b/];

/** Every element of a card's body in document order, those inside containers and columns included. */
export function allElements(card: AdaptiveCard): CardElement[] {
  const out: CardElement[] = [];
  const walk = (elements: readonly CardElement[]) => {
    for (const element of elements) {
      out.push(element);
      if (element.type === 'Container') walk(element.items);
      if (element.type === 'ColumnSet') for (const column of element.columns) walk(column.items);
    }
  };
  walk(card.body);
  return out;
}

/** Every text a card shows (TextBlock text, TextRun text, action titles), nested ones included. */
export function cardTexts(card: AdaptiveCard): string[] {
  const texts: string[] = [];
  for (const element of allElements(card)) {
    if (element.type === 'TextBlock') texts.push(element.text);
    if (element.type === 'RichTextBlock') texts.push(...element.inlines.map((run) => run.text));
  }
  for (const action of card.actions ?? []) texts.push(action.title);
  return texts;
}

/**
 * Throws (through expect) unless the attachment is a well-formed 1.5 Adaptive Card as this app sends them.
 */
export function expectValidCard(attachment: AdaptiveCardAttachment): void {
  expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = attachment.content;
  expect(card).toMatchObject({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
  });
  expect(card.fallbackText.trim()).not.toBe('');
  expect(card.body.length).toBeGreaterThan(0);

  for (const element of allElements(card)) {
    switch (element.type) {
      case 'TextBlock':
        expect(element.wrap).toBe(true);
        expect(element.text.trim()).not.toBe('');
        break;
      case 'RichTextBlock':
        // A RichTextBlock always wraps; it has no `wrap` property.
        expect(element.inlines.length).toBeGreaterThan(0);
        for (const run of element.inlines) expect(run.text.trim()).not.toBe('');
        break;
      case 'Image':
        expect(element.url).toMatch(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+={0,2}$/);
        expect(element.altText.trim()).not.toBe('');
        // A set size, or none at all (then the host chooses): never only one side, which would distort it.
        expect(element.width === undefined).toBe(element.height === undefined);
        break;
      case 'Container':
        expect(element.items.length).toBeGreaterThan(0);
        break;
      case 'ColumnSet':
        expect(element.columns.length).toBeGreaterThan(0);
        for (const column of element.columns) expect(column.items.length).toBeGreaterThan(0);
        break;
    }
  }

  for (const action of card.actions ?? []) {
    expect(action.title.trim()).not.toBe('');
    if (action.type === 'Action.Submit') {
      // Only to open a dialog: Teams turns a submit whose `msteams.type` is `task/fetch` into that invoke.
      expect(Object.keys(action).sort()).toEqual(['data', 'title', 'type']);
      expect(action.data.msteams).toEqual({ type: 'task/fetch' });
      continue;
    }
    if (action.type === 'Action.OpenUrl') {
      // A link the browser opens (a report's): https, or a loopback server in local mode.
      expect(Object.keys(action).sort()).toEqual(['title', 'type', 'url']);
      expect(action.url).toMatch(/^(https:\/\/|http:\/\/127\.0\.0\.1[:/])/);
      continue;
    }
    // Action.Execute (schema 1.4+): `verb` and `data` are what the invoke carries back.
    expect(Object.keys(action).sort()).toEqual(['data', 'title', 'type', 'verb']);
    expect(action.type).toBe('Action.Execute');
    expect(action.verb).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
  }

  // The renderer library's round trip: what it keeps must be exactly what we wrote.
  const json = JSON.parse(JSON.stringify(card)) as Json;
  const parsed = new AC.AdaptiveCard();
  const errors: AC.IValidationError[] = [];
  parsed.parse(json, errors);
  const unexpected = errors
    .map((error) => error.message)
    .filter((message) => !EXPECTED_PARSE_ERRORS.some((pattern) => pattern.test(message)));
  expect(unexpected).toEqual([]);
  const roundTrip = parsed.toJSON() as Json;
  expect(roundTrip.body).toEqual(json.body);
  expect(roundTrip.fallbackText).toBe(card.fallbackText);
}
