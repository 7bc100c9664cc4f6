import type { PlatformName } from '../domain/model/delivery.js';
import type { Locale } from '../domain/model/fields.js';
import type { Clock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';

/** Company-wide settings the use cases need (a slice of the config, so use cases never see env). */
export interface Settings {
  companyTimeZone: string;
  baseCurrency: string;
  fxRates: Record<string, number>;
  paymentTermsDays: number;
  admins: readonly string[];
  /** Language of people whose language is unknown (and of channel posts when `companyLocale` is unset). */
  defaultLocale: Locale;
  /** Language of company-wide posts in channels (COMPANY_LOCALE): results, rankings, intel, HR packs. */
  companyLocale?: Locale;
  /**
   * The chat platforms this process runs. Messages a command fans out (published results) go to
   * all of them, not only to the platform the command came from. Unset: the caller's platform.
   */
  platforms?: readonly PlatformName[];
  /** The bot's public address (PUBLIC_URL), for customer survey links; unset: surveys are off. */
  publicUrl?: string;
}

/** Everything a use case may touch, passed in: no use case opens a database or reads the clock itself. */
export interface AppDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  settings: Settings;
  newId: () => string;
}

/** The language channel posts are written in: the company's, not any one reader's. */
export const channelLocale = (settings: Pick<Settings, 'defaultLocale' | 'companyLocale'>): Locale => settings.companyLocale ?? settings.defaultLocale;
