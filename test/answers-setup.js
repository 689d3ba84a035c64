// For jest.answers.config.js: the project's answers become the fake's defaults in this suite.
process.env.UPTAKE_FAKE_ANSWERS = /** @type {{ UPTAKE_FAKE_ANSWERS: string }} */ (
  /** @type {unknown} */ (globalThis)
).UPTAKE_FAKE_ANSWERS;
