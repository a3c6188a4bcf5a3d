using Redirector.Bench;

// The decision core's benchmark only; the lead merges this with the other benchmarks.
StepBenchmark.Run();
