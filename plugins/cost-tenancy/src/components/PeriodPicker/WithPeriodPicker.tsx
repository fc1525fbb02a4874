import { ReactNode } from 'react';
import { Grid } from '@material-ui/core';
import { Period } from '../../lib/period';
import { PeriodPicker } from './PeriodPicker';

/** A report under its period picker; the picker appears once the last complete day is known. */
export function WithPeriodPicker(props: {
  period: Period;
  anchor?: string;
  onChange(period: Period): void;
  children: ReactNode;
}) {
  return (
    <Grid container spacing={3} direction="column">
      <Grid item>
        {props.anchor && (
          <PeriodPicker
            value={props.period}
            anchor={props.anchor}
            onChange={props.onChange}
          />
        )}
      </Grid>
      <Grid item>{props.children}</Grid>
    </Grid>
  );
}
