export { startWorker, createDeps, type RunningWorker } from './worker.js'
export { classifyFailure, FAILURE_TABLE, type Failure, type FailureClass } from './failures.js'
