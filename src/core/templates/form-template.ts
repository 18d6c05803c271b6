/**
 * A form template: what the form means (`TemplateSemantics`) and, beside it, how it is drawn.
 */
import type { TemplateSemantics } from './template';

export type FormTemplate = TemplateSemantics;
