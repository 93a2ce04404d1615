import type { Transport } from '../transport.js';

export class PlatformTenants {
  constructor(private readonly transport: Transport) {
    void this.transport;
  }
}
