/** Thrown by an upstream's control() for a request it refuses; the control API answers 400 with the message. */
export class SimControlError extends Error {}
