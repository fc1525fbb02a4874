import { EmptyState, ResponseErrorPanel } from '@backstage/core-components';
import { Skeleton } from '@material-ui/lab';

/** Placeholders in the shape of what is loading. */
export function CostSkeleton(props: { rows?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading cost data">
      <Skeleton variant="rect" height={160} />
      {Array.from({ length: props.rows ?? 4 }, (_, i) => (
        <Skeleton key={i} height={32} />
      ))}
    </div>
  );
}

const FORBIDDEN =
  'You can see costs of your own teams and the teams under them. Ask a member of this team, or finance, for its figures.';

/** An API error: a 403 explained in the users' words, anything else with the API's message. */
export function CostError(props: { error: Error }) {
  const { error } = props;
  if (
    (error as any).response?.status === 403 ||
    error.name === 'NotAllowedError'
  ) {
    return (
      <EmptyState
        missing="info"
        title="Not your team's costs"
        description={FORBIDDEN}
      />
    );
  }
  return <ResponseErrorPanel error={error} />;
}

/** Why there is nothing to show, and what to do about it. */
export function NoCostData(props: { title: string; description: string }) {
  return (
    <EmptyState
      missing="data"
      title={props.title}
      description={props.description}
    />
  );
}

/** The skeleton while nothing has loaded, the error when loading failed; otherwise undefined. */
export function loadingOrError(
  state: { loading: boolean; error?: Error; value?: unknown },
  rows?: number,
) {
  if (state.loading && !state.value) return <CostSkeleton rows={rows} />;
  if (state.error) return <CostError error={state.error} />;
  return undefined;
}
