// Paths that more than one feature links to, named once so a moved page moves every link.

/** Where a nudge toward counselling leads: the help page's counselling part, which starts with counselling, not crisis lines. */
export const COUNSELLING_HELP_PATH = "/help/counselling";
