import {
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  TextField,
  makeStyles,
} from '@material-ui/core';
import {
  Period,
  PERIOD_PRESETS,
  PeriodPreset,
  periodRange,
} from '../../lib/period';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'flex-end',
    flexWrap: 'wrap',
  },
  select: { minWidth: 180 },
}));

/** Chooses the period a page shows; custom periods take two dates. */
export function PeriodPicker(props: {
  value: Period;
  anchor: string;
  onChange(period: Period): void;
}) {
  const classes = useStyles();
  const { value, anchor, onChange } = props;
  const range = periodRange(value, anchor);
  return (
    <div className={classes.root}>
      <FormControl className={classes.select}>
        <InputLabel id="cost-period-label">Period</InputLabel>
        <Select
          labelId="cost-period-label"
          value={value.preset}
          onChange={event =>
            onChange({ preset: event.target.value as PeriodPreset, ...range })
          }
        >
          {Object.entries(PERIOD_PRESETS).map(([preset, label]) => (
            <MenuItem key={preset} value={preset}>
              {label}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
      {value.preset === 'custom' && (
        <>
          <TextField
            label="From"
            type="date"
            value={range.from}
            InputLabelProps={{ shrink: true }}
            inputProps={{ max: range.to }}
            onChange={event => onChange({ ...value, from: event.target.value })}
          />
          <TextField
            label="To"
            type="date"
            value={range.to}
            InputLabelProps={{ shrink: true }}
            inputProps={{ min: range.from, max: anchor }}
            onChange={event => onChange({ ...value, to: event.target.value })}
          />
        </>
      )}
    </div>
  );
}
