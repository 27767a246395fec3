namespace Switchboard.Contracts.Channels;

[GenerateSerializer, Alias("Switchboard.SendResult")]
public enum SendResult
{
    Sent,
    Retry,
    Failed,
}
