/**
 * The built-in sample of each template: the reference content (衡阳市归国华侨联合会, 2022) for
 * the reference layouts, a filled form of real-looking content for each other layout.
 */
import type { TemplateId } from '../templates/template';
import { DEPARTMENT_SAMPLE } from './department-sample';
import { HUNAN_DEPARTMENT_SAMPLE } from './hunan-department-sample';
import { HUNAN_PROJECT_SAMPLE } from './hunan-project-sample';
import { NATIONAL_PROJECT_SAMPLE } from './national-project-sample';
import { PROJECT_SAMPLE } from './project-sample';
import type { SampleContent } from './sample-content';

export type { SampleContent, SampleIndicator, SampleTask } from './sample-content';

export const SAMPLES: Readonly<Record<TemplateId, SampleContent>> = {
  department: DEPARTMENT_SAMPLE,
  project: PROJECT_SAMPLE,
  'national-project': NATIONAL_PROJECT_SAMPLE,
  'hunan-department': HUNAN_DEPARTMENT_SAMPLE,
  'hunan-project': HUNAN_PROJECT_SAMPLE,
};

export function getSample(id: TemplateId): SampleContent {
  return SAMPLES[id];
}
