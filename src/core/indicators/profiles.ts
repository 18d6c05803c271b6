/**
 * The profiles of the indicator framework (docs/domain.md, "Profiles"), as data: which 一级
 * exist, and where 成本 and 满意度 stand. A form follows one of them, recognised from its rows;
 * each is valid, and following a superseded one is only a note.
 */
import type { Level1Id } from './framework';

export type ProfileId = '2013' | '2015' | '2021';

export interface FrameworkProfile {
  readonly id: ProfileId;
  /** The document that set it out. */
  readonly source: string;
  readonly level1: readonly Level1Id[];
  /** 成本: a 二级 under 产出, or a 一级 of its own. */
  readonly cost: 'underOutput' | 'level1';
  /** 满意度: a 二级 under 效益, or a 一级 of its own. */
  readonly satisfaction: 'underBenefit' | 'level1';
  /** The profile that replaced this one, for a form written to an older framework. */
  readonly supersededBy?: ProfileId;
}

export const FRAMEWORK_PROFILES: Readonly<Record<ProfileId, FrameworkProfile>> = {
  '2013': { id: '2013', source: '财预〔2013〕53号', level1: ['output', 'benefit'], cost: 'underOutput', satisfaction: 'underBenefit', supersededBy: '2015' },
  // The templates' own (the reference, the Hunan forms).
  '2015': { id: '2015', source: '财预〔2015〕88号', level1: ['output', 'benefit', 'satisfaction'], cost: 'underOutput', satisfaction: 'level1' },
  '2021': { id: '2021', source: '财预〔2021〕101号', level1: ['cost', 'output', 'benefit', 'satisfaction'], cost: 'level1', satisfaction: 'level1' },
};

/** Where the rows put 成本 and 满意度, as the resolver saw them written. */
export interface ProfileEvidence {
  readonly costAsLevel1: boolean;
  readonly satisfactionAsLevel1: boolean;
  readonly satisfactionUnderBenefit: boolean;
}

/**
 * The profile a form follows: 成本 as a 一级 says 2021; 满意度 only under 效益 says 2013;
 * anything else (including a table with neither) is read as the templates' 2015.
 */
export function recogniseProfile(evidence: ProfileEvidence): FrameworkProfile {
  if (evidence.costAsLevel1) return FRAMEWORK_PROFILES['2021'];
  if (evidence.satisfactionUnderBenefit && !evidence.satisfactionAsLevel1) return FRAMEWORK_PROFILES['2013'];
  return FRAMEWORK_PROFILES['2015'];
}
