// The JSON Schema of a scenario file. The same object is shipped as schema/scenario.schema.json
// (a test keeps the two equal) and is what validate.ts checks scenario files against.

const u16 = { type: "integer", minimum: 0, maximum: 65535 } as const;
const epoch = { type: "integer", minimum: 0 } as const;
const u64 = {
  description: "an amount in rao: a non-negative integer, or a decimal string for values past 2^53",
  anyOf: [{ type: "integer", minimum: 0 }, { type: "string", pattern: "^[0-9]{1,20}$" }],
} as const;
const weightRow = {
  description: "one value per miner (index into the scenario's miners, in order); integers up to 65535 are sent as u16 as given, fractional rows are scaled so their maximum is 65535",
  type: "array", items: { type: "number", minimum: 0 },
} as const;

export const SCENARIO_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://taomath.dev/schema/scenario.schema.json",
  title: "taomath Yuma lab scenario",
  type: "object",
  required: ["name", "epochs", "validators", "miners"],
  additionalProperties: false,
  properties: {
    name: { type: "string", minLength: 1 },
    description: { type: "string" },
    seed: { type: "integer", minimum: 0, maximum: 4294967295 },
    epochs: { type: "integer", minimum: 1, maximum: 100000 },
    noise: { description: "default honest noise: uniform in +-noise added to each true quality", type: "number", minimum: 0 },
    quality_drift: { description: "each epoch every miner's quality moves by a uniform step in +-drift (clamped to [0, 1])", type: "number", minimum: 0 },
    hyperparameters: { $ref: "#/$defs/hyperparameters" },
    validators: { type: "array", minItems: 1, items: { $ref: "#/$defs/validator" } },
    miners: { type: "array", minItems: 1, items: { $ref: "#/$defs/miner" } },
  },
  $defs: {
    hyperparameters: {
      type: "object",
      additionalProperties: false,
      properties: {
        tempo: { type: "integer", minimum: 1, maximum: 65535 },
        activity_cutoff: { description: "in blocks; default max(1, floor(13889 * tempo / 1000))", type: "integer", minimum: 1 },
        kappa: u16,
        bonds_penalty: u16,
        bonds_moving_average: { type: "integer", minimum: 0, maximum: 1000000 },
        yuma3_enabled: { type: "boolean" },
        liquid_alpha_enabled: { type: "boolean" },
        alpha_low: u16,
        alpha_high: u16,
        alpha_sigmoid_steepness: { type: "integer", minimum: -32768, maximum: 32767 },
        max_allowed_validators: u16,
        commit_reveal_enabled: { type: "boolean" },
        reveal_period_epochs: { type: "integer", minimum: 1, maximum: 100 },
        stake_threshold: u64,
        rao_emission: u64,
      },
    },
    validator: {
      type: "object",
      required: ["strategy"],
      additionalProperties: false,
      properties: {
        label: { type: "string" },
        count: { type: "integer", minimum: 1, maximum: 4096 },
        stake: u64,
        join_at: { description: "epoch at which the uid is re-registered to this validator (until then it holds no stake and sets no weights)", ...epoch },
        stake_changes: { type: "array", items: { type: "object", required: ["at", "stake"], additionalProperties: false, properties: { at: epoch, stake: u64 } } },
        strategy: { $ref: "#/$defs/strategy" },
      },
    },
    miner: {
      type: "object",
      additionalProperties: false,
      properties: {
        label: { type: "string" },
        count: { type: "integer", minimum: 1, maximum: 4096 },
        quality: {
          description: "true quality in [0, 1]: a number, one number per epoch (the last repeats), or \"seeded\" (drawn from the seed)",
          anyOf: [{ type: "number", minimum: 0, maximum: 1 }, { type: "array", minItems: 1, items: { type: "number", minimum: 0, maximum: 1 } }, { const: "seeded" }],
        },
        reregister_at: { description: "epochs at which the uid is re-registered (replace_neuron: bonds to it reset)", type: "array", items: epoch },
      },
    },
    strategy: {
      type: "object",
      required: ["type"],
      properties: { type: { enum: ["honest", "copier", "cartel", "late", "schedule", "switcher", "idle"] } },
      oneOf: [
        { type: "object", additionalProperties: false, properties: { type: { const: "honest" }, noise: { type: "number", minimum: 0 } } },
        {
          type: "object", additionalProperties: false,
          properties: {
            type: { const: "copier" },
            source: { description: "\"consensus\" (the stored Consensus vector) or a uid whose stored weights are copied", anyOf: [{ const: "consensus" }, u16] },
            lag: { description: "epochs between the epoch whose result is copied and the submission (>= 1: only stored state is visible)", type: "integer", minimum: 1, maximum: 100 },
          },
        },
        {
          type: "object", additionalProperties: false, required: ["type", "miners"],
          properties: { type: { const: "cartel" }, miners: { description: "miner indices the cartel gives its top score", type: "array", minItems: 1, items: { type: "integer", minimum: 0 } }, noise: { type: "number", minimum: 0 } },
        },
        { type: "object", additionalProperties: false, properties: { type: { const: "late" }, lag: { type: "integer", minimum: 1, maximum: 100 }, noise: { type: "number", minimum: 0 } } },
        {
          type: "object", additionalProperties: false, required: ["type", "phases"],
          properties: {
            type: { const: "schedule" },
            phases: { type: "array", minItems: 1, items: { type: "object", required: ["from", "weights"], additionalProperties: false, properties: { from: epoch, weights: weightRow } } },
          },
        },
        {
          type: "object", additionalProperties: false, required: ["type", "from", "to", "at"],
          properties: { type: { const: "switcher" }, from: weightRow, to: weightRow, at: epoch, back_at: epoch },
        },
        { type: "object", additionalProperties: false, properties: { type: { const: "idle" } } },
      ],
    },
  },
} as const;
