// Loaded into the tests' Azurite with `node --require`: the test process holds this child's stdin open, and the pipe
// closes however that process ends (a test host killed by the runner never gets to stop Azurite itself), so Azurite
// ends with it instead of listening on for ever.
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
