export { PeriodPicker } from './PeriodPicker';
export { WithPeriodPicker } from './WithPeriodPicker';
