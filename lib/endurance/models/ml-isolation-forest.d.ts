// ml-isolation-forest ships without types.
declare module "ml-isolation-forest" {
  export class IsolationForest {
    constructor(options?: { nEstimators?: number });
    train(trainingSet: number[][]): void;
    /** Anomaly scores in (0, 1): near 1 is isolated quickly (anomalous), 0.5 and below is ordinary. */
    predict(data: number[][]): number[];
  }
}
