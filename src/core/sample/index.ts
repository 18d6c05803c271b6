/**
 * The reference content of each template (衡阳市归国华侨联合会, 2022): the built-in sample.
 */
import type { TemplateId } from '../templates/template';
import { DEPARTMENT_SAMPLE } from './department-sample';
import { PROJECT_SAMPLE } from './project-sample';
import type { SampleContent } from './sample-content';

export type { SampleContent, SampleIndicator, SampleTask } from './sample-content';

export const SAMPLES: Readonly<Record<TemplateId, SampleContent>> = {
  department: DEPARTMENT_SAMPLE,
  project: PROJECT_SAMPLE,
};

export function getSample(id: TemplateId): SampleContent {
  return SAMPLES[id];
}
