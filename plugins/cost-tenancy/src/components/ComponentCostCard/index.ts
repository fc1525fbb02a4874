export { ComponentCostCard } from './ComponentCostCard';
