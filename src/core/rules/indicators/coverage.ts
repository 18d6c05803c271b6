/** What the coverage of the 产出 二级 expects: shared by the coverage rule and the rules that leave its cases to it. */
import type { Level2Id } from '../../indicators/framework';
import type { TemplateSettings } from '../../templates/template';

const EXPECTED_OUTPUT_CHILDREN: readonly Level2Id[] = ['quantity', 'quality', 'timeliness'];

/** 数量, 质量, 时效 under 产出, and 成本 where the template asks for it. */
export function expectedOutputChildren(settings: TemplateSettings): readonly Level2Id[] {
  return settings.expectCostIndicator ? [...EXPECTED_OUTPUT_CHILDREN, 'outputCost'] : EXPECTED_OUTPUT_CHILDREN;
}
