/**
 * The indicator framework (一级 → 二级), as data. Both trees in use are here: 成本 under 产出
 * (the Hunan forms, the reference) and 成本 as its own 一级 (财预〔2021〕101号).
 */

export type Level1Id = 'output' | 'benefit' | 'satisfaction' | 'cost';

export type Level2Id =
  | 'quantity'
  | 'quality'
  | 'timeliness'
  | 'outputCost'
  | 'economicBenefit'
  | 'socialBenefit'
  | 'ecologicalBenefit'
  | 'sustainableImpact'
  | 'serviceSatisfaction'
  | 'economicCost'
  | 'socialCost'
  | 'ecologicalCost';

export interface Level2Spec {
  readonly id: Level2Id;
  /** The name to write on a new form. */
  readonly name: string;
  readonly synonyms: readonly string[];
  /** Whether a value must state a number (数量, 时效, 成本, 满意度); 质量 and 效益 may be qualitative. */
  readonly quantitative: boolean;
}

export interface Level1Spec {
  readonly id: Level1Id;
  readonly name: string;
  readonly synonyms: readonly string[];
  readonly children: readonly Level2Spec[];
  /** A 一级 that every form must have a filled 三级 under (产出, 效益, 满意度). */
  readonly required: boolean;
}

export const INDICATOR_FRAMEWORK: readonly Level1Spec[] = [
  {
    id: 'output',
    name: '产出指标',
    synonyms: ['完成指标'],
    required: true,
    children: [
      { id: 'quantity', name: '数量指标', synonyms: [], quantitative: true },
      { id: 'quality', name: '质量指标', synonyms: [], quantitative: false },
      { id: 'timeliness', name: '时效指标', synonyms: [], quantitative: true },
      { id: 'outputCost', name: '成本指标', synonyms: [], quantitative: true },
    ],
  },
  {
    id: 'benefit',
    name: '效益指标',
    synonyms: [],
    required: true,
    children: [
      { id: 'economicBenefit', name: '经济效益指标', synonyms: [], quantitative: false },
      { id: 'socialBenefit', name: '社会效益指标', synonyms: [], quantitative: false },
      { id: 'ecologicalBenefit', name: '生态效益指标', synonyms: ['环境效益指标'], quantitative: false },
      { id: 'sustainableImpact', name: '可持续影响指标', synonyms: [], quantitative: false },
    ],
  },
  {
    id: 'satisfaction',
    name: '满意度指标',
    synonyms: ['社会公众或服务对象满意度', '社会公众或服务对象满意度指标', '服务对象满意度指标'],
    required: true,
    children: [
      { id: 'serviceSatisfaction', name: '服务对象满意度指标', synonyms: ['社会公众或服务对象满意度', '社会公众或服务对象满意度指标'], quantitative: true },
    ],
  },
  {
    id: 'cost',
    name: '成本指标',
    synonyms: [],
    required: false,
    children: [
      { id: 'economicCost', name: '经济成本指标', synonyms: [], quantitative: true },
      { id: 'socialCost', name: '社会成本指标', synonyms: [], quantitative: true },
      { id: 'ecologicalCost', name: '生态环境成本指标', synonyms: [], quantitative: true },
    ],
  },
];
