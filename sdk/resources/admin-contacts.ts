import type { Transport } from '../transport.js';

export class AdminContacts {
  constructor(private readonly transport: Transport) {
    void this.transport;
  }
}
