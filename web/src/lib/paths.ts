// Paths that more than one feature links to, named once so a moved page moves every link.

/** Where a nudge toward counselling leads: the help page's counselling part, which starts with counselling, not crisis lines. */
export const COUNSELLING_HELP_PATH = "/help/counselling";

/** The directory of practices on this server, where a person can ask one for counselling (decision 054). */
export const DIRECTORY_PATH = "/directory";
