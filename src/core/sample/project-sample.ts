/**
 * The reference project form: 华侨事务 of 衡阳市归国华侨联合会, 2022, as printed (docs/domain.md, "The reference forms").
 */
import type { SampleContent } from './sample-content';
import { SAMPLE_YEARS } from './sample-years';

export const PROJECT_SAMPLE: SampleContent = {
  template: 'project',
  year: SAMPLE_YEARS.project,
  fields: {
    unit: '衡阳市归国华侨联合会',
    projectName: '华侨事务',
    budgetUnit: '衡阳市归国华侨联合会',
    totalFunds: 38.87,
    fiscalFunds: 38.87,
    annualGoal: '做好凝心聚力、服务中心、联络联谊、为侨服务、能力建设等工作。',
    preparer: '扶金辉',
    phone: '15873406651',
    fillDate: '2022年1月5日',
  },
  tasks: [],
  indicators: [
    {
      level1: '产出指标',
      level2: '数量指标',
      level3: '宣传、贯彻党和政府的方针、政策; 密切与海外侨胞及其社团的联系; 积极参政议政; 依法维护归侨、侨眷的合法权益。',
      value: '举办“侨心永向党歌咏”比赛 1 次; 承办省侨商会年会 1 次; 承办海外侨胞故乡行活动; 申报“珍珠班”及侨胞之家 2 个。',
    },
    { level1: '产出指标', level2: '质量指标', level3: '覆盖面广, 合格率高。', value: '高质量完成年度计划任务。' },
    { level1: '产出指标', level2: '时效指标', level3: '执行时限。', value: '2022 年度。' },
    { level1: '产出指标', level2: '成本指标', level3: '按预算执行。', value: '100%按预算落实。' },
    {
      level1: '效益指标',
      level2: '社会效益指标',
      level3: '凝聚全市侨界力量, 服务全市中心大局, 助推省域副中心城市和最美地级市建设。',
      value: '侨界群众满意的模范机关。',
    },
    { level1: '效益指标', level2: '可持续影响指标', level3: '侨界人士凝聚力量, 助力全市发展。', value: '民众安居乐业, 社会稳定和谐, 经济高效发展。' },
    // The reference prints this row as "社会公众或服务对象满意度指标 | 满意度 95%以上 | (empty)", shifted
    // one column right under 效益指标. Each piece goes under the heading it belongs to: the
    // satisfaction name where the 一级 stands (as on the department form, no 二级), the measure
    // 满意度 as the 三级, and the target 95%以上 as the 指标值.
    { level1: '社会公众或服务对象满意度指标', level2: '', level3: '满意度', value: '95%以上' },
  ],
};
