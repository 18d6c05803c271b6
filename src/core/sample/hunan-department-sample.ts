/**
 * A filled Hunan 预算管理一体化 department form (整体绩效目标表): a municipal statistics bureau.
 * The names are made up; the shape and the kind of targets are those of published Hunan forms.
 */
import type { SampleContent } from './sample-content';
import { SAMPLE_YEARS } from './sample-years';

export const HUNAN_DEPARTMENT_SAMPLE: SampleContent = {
  template: 'hunan-department',
  year: SAMPLE_YEARS['hunan-department'],
  fields: {
    departmentName: '岳阳市统计局',
    functions: '贯彻执行国家统计法律法规；组织实施全市人口、经济、农业等重大国情国力普查；收集、汇总、整理和提供全市国民经济和社会发展的统计数据；依法查处统计违法行为。',
    overallGoal: '按时完成国家、省统计调查任务和第五次全国经济普查岳阳市工作；统计数据质量持续提高，统计服务满意度不低于90%。',
  },
  tasks: [],
  indicators: [
    { level1: '产出指标', level2: '数量指标', level3: '完成统计调查项目', valueKind: '定量', value: '≥36', unit: '项', explanation: '年度完成的国家和省统计调查项目数', scoring: '每少1项扣1分', remark: '' },
    { level1: '产出指标', level2: '数量指标', level3: '发布统计公报和分析报告', valueKind: '定量', value: '≥24', unit: '篇', explanation: '公开发布的统计公报和分析报告篇数', scoring: '每少1篇扣0.5分', remark: '' },
    { level1: '产出指标', level2: '质量指标', level3: '统计数据差错率', valueKind: '定量', value: '≤1', unit: '%', explanation: '上级核查发现差错的数据占比', scoring: '超出不得分', remark: '' },
    { level1: '产出指标', level2: '时效指标', level3: '统计报表按时报送率', valueKind: '定量', value: '100', unit: '%', explanation: '按规定时间报送的报表占比', scoring: '每低1个百分点扣1分', remark: '' },
    { level1: '产出指标', level2: '成本指标', level3: '经济普查经费控制', valueKind: '定量', value: '≤180', unit: '万元', explanation: '普查经费不超过年度预算', scoring: '超出不得分', remark: '' },
    { level1: '效益指标', level2: '社会效益指标', level3: '统计数据为党委政府决策提供依据', valueKind: '定性', value: '有效支撑', unit: '', explanation: '统计分析被采用情况', scoring: '采用得满分', remark: '' },
    { level1: '满意度指标', level2: '服务对象满意度指标', level3: '统计服务对象满意度', valueKind: '定量', value: '≥90', unit: '%', explanation: '问卷调查满意的比例', scoring: '每低1个百分点扣0.5分', remark: '' },
  ],
};
