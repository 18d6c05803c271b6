/**
 * All templates, by id: one per layout, the reference layouts first. Adding a layout is adding
 * its file and one line here; each declaration is checked as it loads (`validateTemplate`).
 */
import { DEPARTMENT_TEMPLATE } from './department';
import type { FormTemplate } from './form-template';
import { HUNAN_DEPARTMENT_TEMPLATE } from './hunan-department';
import { HUNAN_PROJECT_TEMPLATE } from './hunan-project';
import { NATIONAL_PROJECT_TEMPLATE } from './national-project';
import { PROJECT_TEMPLATE } from './project';
import type { TemplateId } from './template';
import { validateTemplate } from './validate-template';

export type { FormTemplate } from './form-template';

export const TEMPLATES: Readonly<Record<TemplateId, FormTemplate>> = {
  department: validateTemplate(DEPARTMENT_TEMPLATE),
  project: validateTemplate(PROJECT_TEMPLATE),
  'national-project': validateTemplate(NATIONAL_PROJECT_TEMPLATE),
  'hunan-department': validateTemplate(HUNAN_DEPARTMENT_TEMPLATE),
  'hunan-project': validateTemplate(HUNAN_PROJECT_TEMPLATE),
};

export function getTemplate(id: TemplateId): FormTemplate {
  return TEMPLATES[id];
}
