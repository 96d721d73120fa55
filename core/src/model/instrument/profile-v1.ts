// The Interdependence Profile, version 1: every question, its keying and its plain phrase.
// Wording rules: one idea per item, no double negatives, at most 20 words, reading grade 8 or lower
// (checked by instrument.test.ts). Changing a text or a keying means a new instrument version.
import type { AgreementScale, DimensionDefinition, Instrument, InstrumentTranslation, ProfileItem } from "./instrument-types.js";
import { INSTRUMENT_TRANSLATION_FILES, profileTranslationOf, TRANSLATED_LANGUAGES, TRANSLATION_RELEASES } from "./instrument-translations.js";

export const PROFILE_INSTRUMENT_ID = "mutual-interdependence-profile";
export const PROFILE_INSTRUMENT_VERSION = "1.0.0";

/** Seven agreement points, each with its own label so no point is left to guesswork. */
export const AGREEMENT_SCALE: AgreementScale = {
  id: "agreement-7",
  min: 1,
  max: 7,
  points: [
    { value: 1, label: "Strongly disagree" },
    { value: 2, label: "Disagree" },
    { value: 3, label: "Somewhat disagree" },
    { value: 4, label: "Neither agree nor disagree" },
    { value: 5, label: "Somewhat agree" },
    { value: 6, label: "Agree" },
    { value: 7, label: "Strongly agree" },
  ],
};

const DIMENSIONS: readonly DimensionDefinition[] = [
  { code: "CLOSE", axis: "we", name: "Closeness", summary: "Feeling near to your partner and able to share what is inside." },
  { code: "SUPPORT", axis: "we", name: "Support", summary: "Backing each other's passions, and knowing each other's wins and struggles." },
  { code: "ACCEPT", axis: "we", name: "Accepting differences", summary: "Differences feel normal, and you know which ones truly matter to you." },
  { code: "VOICE", axis: "me", name: "Voice", summary: "Saying what you think, value and need, without giving up who you are." },
  { code: "SELF", axis: "me", name: "Sense of self", summary: "Having your own interests and making your own choices." },
  { code: "TIES", axis: "me", name: "Friends and family", summary: "Keeping good time with the people outside the couple." },
  { code: "RELY", axis: "risk", name: "Over-reliance", summary: "How much your mood and worth hang on your partner. Lower is healthier." },
  { code: "SAFE", axis: "screen", name: "Safety check", summary: "A private check on fear or control. It is never scored or shared." },
];

type ItemExtras = Partial<Pick<ProfileItem, "subscale" | "role" | "concernSeverity">>;

function item(id: string, dimension: ProfileItem["dimension"], text: string, plain: string, isReverse = false, extras: ItemExtras = {}): ProfileItem {
  // Only defined extras are copied, so tests comparing whole items never meet `key: undefined`.
  const entry: ProfileItem = { id, dimension, text, plain, isReverse };
  if (extras.subscale !== undefined) entry.subscale = extras.subscale;
  if (extras.role !== undefined) entry.role = extras.role;
  if (extras.concernSeverity !== undefined) entry.concernSeverity = extras.concernSeverity;
  return entry;
}

const ITEMS: readonly ProfileItem[] = [
  // CLOSE — closeness and confiding (5 items, 1 reverse)
  item("close-1", "CLOSE", "I feel emotionally close to my partner.", "I feel close to my partner"),
  item("close-2", "CLOSE", "I can tell my partner about my worries.", "I can share my worries with my partner"),
  item("close-3", "CLOSE", "My partner knows me as I really am.", "my partner knows the real me"),
  item("close-4", "CLOSE", "I keep my feelings to myself when I am with my partner.", "I keep my feelings to myself", true),
  item("close-5", "CLOSE", "I feel accepted by my partner, flaws and all.", "my partner accepts me, flaws and all"),

  // SUPPORT — giving (3 items, 1 reverse) and receiving (3 items, 1 reverse)
  item("support-give-1", "SUPPORT", "I show real interest in the things my partner loves to do.", "I show interest in what my partner loves", false, {
    subscale: "giving",
  }),
  item("support-give-2", "SUPPORT", "I know what my partner is working hard on right now.", "I know what my partner is working on", false, {
    subscale: "giving",
  }),
  item("support-give-3", "SUPPORT", "I find it hard to make room for my partner's hobbies.", "I find it hard to make room for my partner's hobbies", true, {
    subscale: "giving",
  }),
  item("support-receive-1", "SUPPORT", "My partner cheers me on when I chase my own goals.", "my partner cheers on my goals", false, { subscale: "receiving" }),
  item("support-receive-2", "SUPPORT", "My partner notices when something goes well for me.", "my partner notices my good news", false, {
    subscale: "receiving",
  }),
  item("support-receive-3", "SUPPORT", "My partner seems bored by the things I care about.", "my partner seems bored by what I care about", true, {
    subscale: "receiving",
  }),

  // ACCEPT — valuing differences (6 items, 2 reverse; accept-6, role core-value-gap, feeds the dealbreaker reflection)
  item("accept-1", "ACCEPT", "I can respect my partner's view when it differs from mine.", "I respect my partner's view when we differ"),
  item("accept-2", "ACCEPT", "It feels normal to me that we want different things at times.", "our differences feel normal to me"),
  item("accept-3", "ACCEPT", "When we disagree, I try to see it the way my partner does.", "I try to see my partner's side"),
  item("accept-4", "ACCEPT", "Our differences feel like a threat to us.", "our differences feel like a threat", true),
  item("accept-5", "ACCEPT", "I know which differences would be a true dealbreaker for me.", "I know my true dealbreakers"),
  item("accept-6", "ACCEPT", "Our core values are far apart.", "our core values are far apart", true, { role: "core-value-gap" }),

  // VOICE — speaking up (5 items, 2 reverse)
  item("voice-1", "VOICE", "I tell my partner what I think, even when we disagree.", "I say what I think"),
  item("voice-2", "VOICE", "I stay quiet about my needs to keep the peace.", "I stay quiet about my needs to keep the peace", true),
  item("voice-3", "VOICE", "I can say no to my partner.", "I can say no to my partner"),
  item("voice-4", "VOICE", "I go along with things that clash with my values.", "I go along with things that clash with my values", true),
  item("voice-5", "VOICE", "My opinion counts when we make choices together.", "my opinion counts in our choices"),

  // SELF — sense of self and autonomy (5 items, 1 reverse)
  item("self-1", "SELF", "I have interests that are my own.", "I have my own interests"),
  item("self-2", "SELF", "I know who I am apart from this relationship.", "I know who I am on my own"),
  item("self-3", "SELF", "I feel free to make my own choices.", "I feel free to make my own choices"),
  item("self-4", "SELF", "I have lost track of what I want for myself.", "I have lost track of what I want", true),
  item("self-5", "SELF", "I make time to grow as a person.", "I make time to grow"),

  // TIES — friends and family (5 items, 1 reverse)
  item("ties-1", "TIES", "I spend good time with friends or family most weeks.", "I see friends or family most weeks"),
  item("ties-2", "TIES", "I have people outside the relationship I can go to for advice.", "I have people to go to for advice"),
  item("ties-3", "TIES", "I see my friends much less than I did before this relationship.", "I see my friends less than before", true),
  item("ties-4", "TIES", "I feel close to people outside this relationship.", "I feel close to people outside our relationship"),
  item("ties-5", "TIES", "I ask people I trust how my relationship looks to them.", "I ask people I trust for an outside view"),

  // RELY — over-reliance, a co-dependency signal: higher means more reliance (5 items, 1 reverse)
  item("rely-1", "RELY", "My mood depends on how my partner treats me that day.", "my mood depends on my partner"),
  item("rely-2", "RELY", "I only feel good about myself when my partner approves of me.", "I need my partner's approval to feel good about myself"),
  item("rely-3", "RELY", "My partner is my only real source of happiness.", "my partner is my only source of happiness"),
  item("rely-4", "RELY", "I feel worthwhile whatever my partner thinks of me.", "I feel worthwhile on my own", true),
  item("rely-5", "RELY", "I drop my own plans to be with my partner.", "I drop my plans to be with my partner"),

  // SAFE — private screen; higher means more concern (4 items, 1 reverse). Never scored, never shared.
  // Each asks about the past year, as the short screens it leans on do (docs/model.md, §2 and §4):
  // "ever" would keep a long-past relationship or event flagged for good. Severity is data:
  // being hurt or threatened is high however mildly agreed, and counts from "neither" (4).
  item(
    "safe-1",
    "SAFE",
    "In the past year, I have been afraid of how my partner might react to me.",
    "I have been afraid of how my partner might react",
    false,
    { concernSeverity: "medium" },
  ),
  item(
    "safe-2",
    "SAFE",
    "In the past year, my partner has tried to control where I go or who I see.",
    "my partner has controlled where I go or who I see",
    false,
    { concernSeverity: "medium" },
  ),
  item("safe-3", "SAFE", "In the past year, my partner has hurt me or threatened to hurt me.", "my partner has hurt or threatened me", false, {
    concernSeverity: "high",
  }),
  item("safe-4", "SAFE", "In the past year, I have felt safe saying no to my partner.", "I have felt safe saying no to my partner", true, {
    concernSeverity: "medium",
  }),
];

/** The Interdependence Profile v1 as data. */
export const INTERDEPENDENCE_PROFILE_V1: Instrument = {
  id: PROFILE_INSTRUMENT_ID,
  version: PROFILE_INSTRUMENT_VERSION,
  title: "Interdependence Profile",
  sourceLocale: "en",
  scale: AGREEMENT_SCALE,
  dimensions: DIMENSIONS,
  items: ITEMS,
  translations: Object.fromEntries(
    TRANSLATED_LANGUAGES.map((language): [string, InstrumentTranslation] => [
      language,
      profileTranslationOf(INSTRUMENT_TRANSLATION_FILES[language], TRANSLATION_RELEASES[language], PROFILE_INSTRUMENT_VERSION),
    ]),
  ),
};
