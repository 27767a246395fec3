namespace Switchboard.LoadTests.Messengers;

/// <summary>
/// One request a <see cref="FakePlatform"/> received: the body as sent (JSON, or VK's form encoding), and its bytes and
/// content type for what is not text (a multipart file upload, read with <see cref="MultipartForm"/>).
/// </summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string Body)
{
    public byte[] RawBody { get; init; } = [];
    public string? ContentType { get; init; }
}
