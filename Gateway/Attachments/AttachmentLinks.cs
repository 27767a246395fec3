using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// Short-lived signed links to attachments. A message stores plain paths; each reader's frames get the paths with a
/// token that opens that one file for <see cref="AttachmentOptions.LinkLifetime"/>. Only the conversation's visitor
/// and the site's operators are sent its frames, so only they hold links. The key ring is the tokens' (shared by
/// every gateway of a cluster), so a link made by one gateway opens on another.
/// </summary>
public sealed class AttachmentLinks(IDataProtectionProvider provider, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    public const string TokenParameter = "t";
    public const string Thumbnail = "thumbnail";

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Switchboard.AttachmentLink.v1").ToTimeLimitedDataProtector();

    /// <summary>The event with every attachment's paths signed; the same event when it carries none.</summary>
    public ConversationEvent Sign(ConversationEvent evt) => evt.Attachments is { Count: > 0 } files
        ? evt with { Attachments = [.. files.Select(Sign)] }
        : evt;

    public Attachment Sign(Attachment file) => file with { Url = SignPath(file.Url), ThumbnailUrl = SignPath(file.ThumbnailUrl) };

    /// <summary>A gateway path with a token for it; anything else (null, a foreign URL) as it is.</summary>
    public string? SignPath(string? path)
    {
        if (path is null || !path.StartsWith("/api/sites/", StringComparison.Ordinal) || path.Contains('?'))
        {
            return path;
        }
        var token = _protector.Protect(path, clock.GetUtcNow() + options.Value.LinkLifetime);
        return $"{path}?{TokenParameter}={Uri.EscapeDataString(token)}";
    }

    /// <summary>True when <paramref name="token"/> was made for exactly this path and has not expired.</summary>
    public bool Opens(string path, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
        {
            return false;
        }
        try
        {
            return _protector.Unprotect(token, out var expires) == path && expires > clock.GetUtcNow();
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
