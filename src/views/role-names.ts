import type { Locale } from '../domain/model/fields.js';
import type { Role } from '../domain/model/people.js';
import { t } from './i18n.js';

/** A person's roles as the reader names them: "rep, manager" / "销售代表、经理". */
export const roleNames = (locale: Locale, roles: readonly Role[]): string => roles.map((r) => t(locale, `role.${r}`)).join(locale === 'zh-CN' ? '、' : ', ');
