namespace Switchboard.Grains.Visitors;

[GenerateSerializer, Alias("Switchboard.CustomerState")]
public sealed class CustomerState
{
    [Id(0)] public string? LastOperator { get; set; }
}
