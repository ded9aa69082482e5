import { currentLocale, d, localized } from '../../modules/i18n';
import { tw } from '../../lib/workspaceI18n';

/** For components: `tw` and the app's date and text helpers, re-rendering when the language changes. */
export const useWorkspaceI18n = () => ({ tw, d, localized, locale: currentLocale });
