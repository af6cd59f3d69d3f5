/** The life of an agreement as a state machine: pure, no database or GraphQL. */

export enum AgreementStatus {
  DRAFT = "DRAFT",
  ACTIVE = "ACTIVE",
  ENDED = "ENDED",
  TERMINATED = "TERMINATED",
}

/** What can happen to an agreement. */
export enum AgreementEvent {
  ACTIVATE = "ACTIVATE",
  /** The agreement ran its term. */
  END = "END",
  /** The agreement was stopped before its term. */
  TERMINATE = "TERMINATE",
}

const TRANSITIONS: Record<AgreementStatus, Partial<Record<AgreementEvent, AgreementStatus>>> = {
  [AgreementStatus.DRAFT]: { [AgreementEvent.ACTIVATE]: AgreementStatus.ACTIVE },
  [AgreementStatus.ACTIVE]: { [AgreementEvent.END]: AgreementStatus.ENDED, [AgreementEvent.TERMINATE]: AgreementStatus.TERMINATED },
  [AgreementStatus.ENDED]: {},
  [AgreementStatus.TERMINATED]: {},
};

/** The status after the event, or null when the event cannot happen in this status. */
export function nextStatus(status: AgreementStatus, event: AgreementEvent): AgreementStatus | null {
  return TRANSITIONS[status][event] ?? null;
}

/** ENDED and TERMINATED are final: nothing happens to such an agreement any more. */
export function isFinal(status: AgreementStatus): boolean {
  return Object.keys(TRANSITIONS[status]).length === 0;
}
