namespace Switchboard.Contracts.Calls;

/// <summary>
/// What became of an originate sent to a site's ARI line: <see cref="Reached"/> is false when no gateway holding the
/// site's ARI connection is registered (the site is not on Asterisk, or its gateway is between connections);
/// <see cref="Problem"/> is null when Asterisk took the call, else why not.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.AriOriginateAnswer")]
public sealed record AriOriginateAnswer([property: Id(0)] bool Reached, [property: Id(1)] string? Problem)
{
    public static readonly AriOriginateAnswer NoLine = new(false, "no gateway with the site's ARI connection is registered");
}
