// The load runner and its scenarios arrive with the load-test issue (docs/benchmarks.md).
// Until then this project only builds, so the solution's layout is complete.
Console.Error.WriteLine("Switchboard LoadTests: no scenarios yet. See docs/benchmarks.md.");
return 2;
