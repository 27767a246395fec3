namespace Switchboard.Gateway.Attachments;

/// <summary>What one site accepts: bytes per file, files per message, and which types.</summary>
public sealed record AttachmentLimits(long MaxBytes, int MaxFiles, IReadOnlySet<string> AllowedTypes);
