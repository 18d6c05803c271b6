import type { Lang } from '../../core';
import { EN_US } from './en-US';
import type { PaneStrings } from './pane-strings';
import { ZH_CN } from './zh-CN';

export type { PaneStrings } from './pane-strings';

const BY_LANG: Readonly<Record<Lang, PaneStrings>> = { 'zh-CN': ZH_CN, 'en-US': EN_US };

export function paneStrings(lang: Lang): PaneStrings {
  return BY_LANG[lang];
}
