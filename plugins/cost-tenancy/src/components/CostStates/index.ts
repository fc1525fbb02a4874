export {
  CostError,
  CostSkeleton,
  NoCostData,
  loadingOrError,
} from './CostStates';
