/**
 * A filled national project form (财预〔2015〕88号 layout): a three-year rural water supply
 * project of a county water bureau, with its 中期 and 年度 funds, goals and indicators.
 * The names are made up; the shape, the amounts in 万元 and the kind of targets are those of
 * published forms.
 */
import type { SampleContent } from './sample-content';
import { SAMPLE_YEARS } from './sample-years';

export const NATIONAL_PROJECT_SAMPLE: SampleContent = {
  template: 'national-project',
  year: SAMPLE_YEARS['national-project'],
  fields: {
    projectName: '农村饮水安全巩固提升工程',
    department: '通山县水利和湖泊局 412001',
    implementer: '通山县农村饮水安全管理站',
    projectType: '延续项目',
    projectPeriod: '2024年—2026年',
    midTermTotalFunds: 1260,
    midTermFiscalFunds: 1080,
    midTermOtherFunds: 180,
    totalFunds: 456.5,
    fiscalFunds: 396.5,
    otherFunds: 60,
    midTermGoal: '目标1：到2026年底，完成全县12个乡镇农村供水管网改造，农村自来水普及率达到95%。\n目标2：建立县级统管的农村供水工程运行管护机制。',
    annualGoal: '目标1：2024年完成4个乡镇供水管网改造86公里，新建净水设施3处。\n目标2：农村集中供水率达到92%，水质达标率不低于90%。',
  },
  tasks: [],
  indicators: [
    { period: 'midTerm', level1: '产出指标', level2: '数量指标', level3: '改造供水管网长度', value: '≥260公里' },
    { period: 'midTerm', level1: '产出指标', level2: '质量指标', level3: '工程验收合格率', value: '100%' },
    { period: 'midTerm', level1: '产出指标', level2: '时效指标', level3: '项目完成时间', value: '2026年12月底前' },
    { period: 'midTerm', level1: '效益指标', level2: '社会效益指标', level3: '农村自来水普及率', value: '≥95%' },
    { period: 'midTerm', level1: '效益指标', level2: '可持续影响指标', level3: '工程设计使用年限', value: '≥20年' },
    { period: 'midTerm', level1: '满意度指标', level2: '服务对象满意度指标', level3: '受益群众满意度', value: '≥90%' },
    { level1: '产出指标', level2: '数量指标', level3: '改造供水管网长度', value: '≥86公里' },
    { level1: '产出指标', level2: '数量指标', level3: '新建净水设施', value: '3处' },
    { level1: '产出指标', level2: '质量指标', level3: '出厂水水质达标率', value: '≥90%' },
    { level1: '产出指标', level2: '时效指标', level3: '年度任务完成时间', value: '2024年11月底前' },
    { level1: '效益指标', level2: '社会效益指标', level3: '新增受益人口', value: '≥2.1万人' },
    { level1: '效益指标', level2: '可持续影响指标', level3: '管护机制覆盖乡镇', value: '4个' },
    { level1: '满意度指标', level2: '服务对象满意度指标', level3: '受益群众满意度', value: '≥90%' },
  ],
};
