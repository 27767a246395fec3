namespace Switchboard.LoadTests.Messengers;

/// <summary>A file a platform fake received: where it was posted, the part's field and file name, the bytes, and the other fields.</summary>
public sealed record PlatformUpload(
    string PathAndQuery, string Field, string? FileName, string? ContentType, byte[] Bytes, IReadOnlyDictionary<string, string> Fields);
