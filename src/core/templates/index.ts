/**
 * All templates, by id. Adding a template variant is adding its file and one line here.
 */
import { DEPARTMENT_TEMPLATE } from './department';
import type { FormTemplate } from './form-template';
import { PROJECT_TEMPLATE } from './project';
import type { TemplateId } from './template';

export type { FormTemplate } from './form-template';

export const TEMPLATES: Readonly<Record<TemplateId, FormTemplate>> = {
  department: DEPARTMENT_TEMPLATE,
  project: PROJECT_TEMPLATE,
};

export function getTemplate(id: TemplateId): FormTemplate {
  return TEMPLATES[id];
}
