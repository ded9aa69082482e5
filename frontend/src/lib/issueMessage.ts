import type * as z from 'zod';
import { t } from '../modules/i18n';

/**
 * A field's error in the reader's language, from a shared schema's issue. The schemas' own messages
 * are Danish (they are the API's messages too), so the form words the common cases itself from the
 * issue's code and limits, in either language; a rule without wording here keeps the schema's text.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  const list = 'origin' in issue && (issue.origin === 'array' || issue.origin === 'set');
  switch (issue.code) {
    case 'too_small': {
      const n = Number(issue.minimum);
      if (list) return t('form.chooseAtLeast', n);
      return n <= 1 ? t('form.required') : t('form.minLength', { n });
    }
    case 'too_big':
      return list ? t('form.chooseAtMost', { n: Number(issue.maximum) }) : t('form.maxLength', { n: Number(issue.maximum) });
    case 'invalid_type':
      // What a form can send wrong in type is a field left out.
      return t('form.required');
    case 'invalid_value':
      return t('form.chooseOne');
    default:
      return issue.message;
  }
}
