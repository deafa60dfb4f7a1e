/**
 * Names shared by the client modules and the bot.
 */

/** Default base page under which every capacity building page lives (configurable per wiki). */
export const DEFAULT_BASE_PAGE = 'Capacity building';
