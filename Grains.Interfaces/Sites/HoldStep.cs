namespace Switchboard.Contracts.Sites;

[GenerateSerializer, Immutable, Alias("Switchboard.HoldStep")]
public sealed record HoldStep(
    [property: Id(0)] int AfterSeconds,
    [property: Id(1)] string Text);
