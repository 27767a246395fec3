namespace Switchboard.Contracts.Calls;

/// <summary>
/// Where a call is, for an adapter that lost its own memory of it (a restarted gateway finding the call's channel still
/// up): enough to take the call up where it is instead of offering it again. <see cref="Stage"/> is one of the constants.
/// </summary>
[GenerateSerializer, Immutable, Alias("Switchboard.CallProgress")]
public sealed record CallProgress([property: Id(0)] string Stage, [property: Id(1)] string Caller)
{
    /// <summary>Never offered: the adapter went away before it asked.</summary>
    public const string New = "new";
    /// <summary>The caller hears the overflow menu.</summary>
    public const string Menu = "menu";
    /// <summary>The caller is held for an operator: ringing at a console, or waiting in the queue.</summary>
    public const string Held = "held";
    /// <summary>Put through to an operator (<see cref="OperatorId"/>).</summary>
    public const string Connected = "connected";
    /// <summary>Nothing more for this call: it ended, or the caller left a callback and was let go.</summary>
    public const string Over = "over";

    [Id(2)] public string? OperatorId { get; init; }

    /// <summary>On an operator's call back still ringing the customer, the operator to ring once they pick up.</summary>
    [Id(3)] public string? CallBackOperator { get; init; }
}
