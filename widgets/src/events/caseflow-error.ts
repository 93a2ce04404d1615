import type { ErrorDetail } from '../base/errors.js';

/** A widget's call to the API failed; `detail` says why (`code`, `message`, `status`). */
export class CaseflowErrorEvent extends CustomEvent<ErrorDetail> {
  static readonly type = 'caseflow-error';
  constructor(detail: ErrorDetail) {
    super(CaseflowErrorEvent.type, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'caseflow-error': CaseflowErrorEvent;
  }
}
