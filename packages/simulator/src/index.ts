export { analyseProgram, type FlowInfo, type ProgramAnalysis } from './analysis/program-analysis.js';
export type { SimState, SimulationProblem } from './explore/explorer.js';
export { formatReport } from './report/format-report.js';
export {
  type FlowCoverage,
  type ProcessCoverage,
  type SimulationOptions,
  type SimulationReport,
  simulateProgram,
} from './simulate-program.js';
export { submissionVariants } from './submissions/submission-variants.js';
export { baseSubmission } from './submissions/valid-submission.js';
