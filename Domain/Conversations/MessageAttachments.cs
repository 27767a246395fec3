using Switchboard.Contracts.Conversations;

namespace Switchboard.Domain.Conversations;

/// <summary>What files a message may carry: a few, described sanely, served from the product itself.</summary>
public static class MessageAttachments
{
    public const int MaxFiles = 10;
    public const long MaxBytes = 100L * 1024 * 1024;

    public static IReadOnlyList<Attachment>? Validate(IReadOnlyList<Attachment>? files)
    {
        if (files is not { Count: > 0 })
        {
            return null;
        }
        if (files.Count > MaxFiles)
        {
            throw SwitchboardException.BadRequest($"A message carries at most {MaxFiles} files.");
        }
        foreach (var file in files)
        {
            if (string.IsNullOrWhiteSpace(file.Id) || file.Id.Length > 128 || string.IsNullOrWhiteSpace(file.Name) || file.Name.Length > 255
                || string.IsNullOrWhiteSpace(file.ContentType) || file.ContentType.Length > 127 || file.Size is < 0 or > MaxBytes)
            {
                throw SwitchboardException.BadRequest("An attachment needs an id, a name, a content type and a size within the limit.");
            }
            if (!IsLocal(file.Url) || !IsLocal(file.ThumbnailUrl))
            {
                // A message never links the other side to a file the product does not hold.
                throw SwitchboardException.BadRequest("An attachment is served by the product: its URL is a path on the gateway.");
            }
        }
        return files;
    }

    private static bool IsLocal(string? url) => url is null || (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal));
}
