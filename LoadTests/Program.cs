using Switchboard.LoadTests.Cli;

namespace Switchboard.LoadTests;

/// <summary>
/// Switchboard's load tests (docs/benchmarks.md). A class in a namespace rather than top-level statements, so
/// the tests can reference this project and the gateway's <c>Program</c> side by side.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args) => LoadTestsCommandLine.Build().Parse(args).InvokeAsync();
}
