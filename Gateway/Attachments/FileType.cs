namespace Switchboard.Gateway.Attachments;

/// <summary>A type recognised from a file's first bytes: its MIME type, the extension it is saved with, whether it is an image.</summary>
public sealed record FileType(string ContentType, string Extension, bool IsImage);
