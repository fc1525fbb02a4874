export { CostError, CostSkeleton, NoCostData } from './CostStates';
