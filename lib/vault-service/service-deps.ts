/** Everything the background's handlers need from the platform: the core ports and each feature's own. */
import type { AutofillDeps } from '../autofill/background/autofill-platform';
import type { HealthDeps } from '../health/background/create-health-handlers';
import type { ImportDeps } from '../import/background/create-import-handlers';
import type { SharingDeps } from '../sharing/sync/sharing-platform';
import type { CoreDeps } from './context/core-deps';

/** The background passes real ones (entrypoints/background.ts), tests pass fakes (tests/vault-service/fakes). */
export type ServiceDeps = CoreDeps & AutofillDeps & SharingDeps & ImportDeps & HealthDeps;
