import type { Transport } from '../transport.js';

export class AdminClients {
  constructor(private readonly transport: Transport) {
    void this.transport;
  }
}
