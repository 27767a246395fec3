using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Cli;

/// <summary>What <c>run</c> was asked to do (see <see cref="RunCommand"/>).</summary>
public sealed record RunArguments(
    Target Target, string Site, IReadOnlyList<string> Operators, string Password, string Profile, int Rate,
    TimeSpan WarmUp, TimeSpan Duration, int? ServerPid, string? Out);
