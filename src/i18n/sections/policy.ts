/**
 * The policy texts in every language (issue 18), kept apart from the main catalogs so each feature's texts live
 * together. Each catalog spreads its language's part; English is the source and defines the keys and placeholders.
 */
const en = {} as const;

type Texts = Record<keyof typeof en, string>;

export const policyTexts = {
  en,
  de: {} satisfies Texts,
  es: {} satisfies Texts,
  ptBR: {} satisfies Texts,
  ru: {} satisfies Texts,
  zhCN: {} satisfies Texts,
};
