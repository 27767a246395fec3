namespace Switchboard.Contracts.Calls;

/// <summary>The operator a <c>connect</c> command puts the caller through to.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.PhoneOperator")]
public sealed record PhoneOperator([property: Id(0)] string Id, [property: Id(1)] string Name);
