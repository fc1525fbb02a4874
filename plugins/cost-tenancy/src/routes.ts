import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The /cost overview page. */
export const rootRouteRef = createRouteRef();
