import { createRequire } from "node:module";

// XGBoost compiled to WebAssembly (ml-xgboost). Its module resolves once the WebAssembly is compiled, so this
// module waits for it at load: fitting and predicting then stay synchronous, like the forest's.
const XGBoost: XGBoostClass = await loadXGBoost();

/**
 * ml-xgboost's loader tries streaming compilation first, which in Node asks fetch for a file path, fails and logs
 * that it fell back to reading the file. Streaming is hidden while the loader runs (synchronously) so that it reads
 * the file at once and every process does not start with a false error in its log.
 */
function loadXGBoost(): Promise<XGBoostClass> {
  const streaming = Object.getOwnPropertyDescriptor(WebAssembly, "instantiateStreaming");
  Reflect.deleteProperty(WebAssembly, "instantiateStreaming");
  try {
    return createRequire(import.meta.url)("ml-xgboost") as Promise<XGBoostClass>;
  } finally {
    if (streaming) Object.defineProperty(WebAssembly, "instantiateStreaming", streaming);
  }
}

interface XGBoostModel {
  train(features: number[][], targets: number[]): void;
  predict(features: number[][]): number[];
  toJSON(): { name: string; model: number[]; options: Record<string, unknown> };
  free(): void;
}

interface XGBoostClass {
  new (options: Record<string, unknown>): XGBoostModel;
  load(model: { name: string; model: Uint8Array; options: Record<string, unknown> }): XGBoostModel;
}

export interface BoostingOptions {
  rounds: number;
  maxDepth: number;
  learningRate: number;
  /** Laps a leaf needs at least (squared loss: each lap weighs 1). */
  minLeafLaps: number;
  /** Share of the laps each round sees, and of the features each tree sees. */
  lapShare: number;
  featureShare: number;
}

/** Boosted trees as plain JSON: the model's bytes in base64 and the options it was trained with. */
export interface StoredBoostedTrees {
  model: string;
  options: Record<string, unknown>;
}

/** Boosted regression trees; the WebAssembly memory behind them is freed when they are collected. */
export interface BoostedTrees {
  predict(features: readonly number[][]): number[];
  store(): StoredBoostedTrees;
}

// WebAssembly memory is not collected with the object that holds it: each model is freed once its wrapper is.
const release = new FinalizationRegistry<XGBoostModel>((model) => model.free());

function wrap(model: XGBoostModel): BoostedTrees {
  const trees: BoostedTrees = {
    predict: (features) => (features.length === 0 ? [] : model.predict(features as number[][])),
    store: () => {
      const { model: bytes, options } = model.toJSON();
      return { model: Buffer.from(Int8Array.from(bytes).buffer).toString("base64"), options };
    },
  };
  release.register(trees, model);
  return trees;
}

/** Trains boosted trees on squared error, starting from `start` (the targets' centre). */
export function trainBoostedTrees(features: readonly number[][], targets: readonly number[], start: number, options: BoostingOptions, seed: number): BoostedTrees {
  const model = new XGBoost({
    booster: "gbtree",
    objective: "reg:linear",
    iterations: options.rounds,
    max_depth: options.maxDepth,
    eta: options.learningRate,
    min_child_weight: options.minLeafLaps,
    subsample: options.lapShare,
    colsample_bytree: options.featureShare,
    base_score: start,
    seed,
    silent: 1,
  });
  model.train(features as number[][], targets as number[]);
  return wrap(model);
}

export function loadBoostedTrees(stored: StoredBoostedTrees): BoostedTrees {
  return wrap(XGBoost.load({ name: "ml-xgboost", model: new Uint8Array(Buffer.from(stored.model, "base64")), options: stored.options }));
}
