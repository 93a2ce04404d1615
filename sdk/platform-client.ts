import { PlatformTenants } from './resources/platform-tenants.js';
import { Transport, type ClientOptions } from './transport.js';
import { RouteCaller } from './call.js';
import { platformRoutes } from './routes/platform.js';

/**
 * The platform operator's API: firms (tenants) and their plans. `token` is the
 * operator key (CASEFLOW_PLATFORM_KEY); no tenant is named.
 * @example
 * const platform = new PlatformClient({ baseUrl: 'http://localhost:4000', token: process.env.CASEFLOW_PLATFORM_KEY });
 */
export class PlatformClient {
  readonly transport: Transport;
  private readonly api: RouteCaller<typeof platformRoutes>;
  readonly tenants: PlatformTenants;

  constructor(options: Omit<ClientOptions, 'tenant' | 'credentials'>) {
    this.transport = new Transport(options);
    this.api = new RouteCaller(this.transport, platformRoutes);
    this.tenants = new PlatformTenants(this.api);
  }
}
