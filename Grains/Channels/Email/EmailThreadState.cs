namespace Switchboard.Grains.Channels.Email;

[GenerateSerializer, Alias("Switchboard.EmailThreadState")]
public sealed class EmailThreadState
{
    [Id(0)] public string Address { get; set; } = "";
    [Id(1)] public string? Name { get; set; }
    [Id(2)] public string Subject { get; set; } = "";
    [Id(3)] public List<string> MessageIds { get; set; } = [];
}
