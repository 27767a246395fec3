namespace Switchboard.Gateway.Attachments;

/// <summary>What an upload request carried: the file (spooled), the name it was sent with, and the operator's conversation.</summary>
public sealed record UploadForm(SpooledFile File, string FileName, string? ConversationId) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => File.DisposeAsync();
}
