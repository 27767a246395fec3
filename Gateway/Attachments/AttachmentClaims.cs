using Microsoft.Extensions.Options;
using Switchboard.Contracts;
using Switchboard.Contracts.Conversations;

namespace Switchboard.Gateway.Attachments;

/// <summary>
/// Turns the ids a message frame names into the files the message carries. Each must be the sender's own upload on
/// this site, not yet taken by another conversation; it is marked taken before the message is stored (so the orphan
/// sweep leaves it alone), and released again if the message is refused.
/// </summary>
public sealed class AttachmentClaims(AttachmentCatalog catalog, IOptions<AttachmentOptions> options, TimeProvider clock)
{
    public async Task<AttachmentClaim> ClaimAsync(
        string site, Uploader sender, string conversationId, IReadOnlyList<string>? ids, CancellationToken cancellationToken = default)
    {
        if (ids is not { Count: > 0 })
        {
            return AttachmentClaim.None;
        }
        var unique = ids.Distinct(StringComparer.Ordinal).ToList();
        var limit = options.Value.LimitsFor(site).MaxFiles;
        if (unique.Count > limit)
        {
            throw SwitchboardException.BadRequest($"A message carries at most {limit} files.");
        }
        var (files, newly) = (new List<Attachment>(), new List<string>());
        try
        {
            foreach (var id in unique)
            {
                var stored = await catalog.FindAsync(id, cancellationToken);
                if (stored is null || stored.Site != site || stored.Uploader != sender
                    || (stored.ConversationId is { } taken && taken != conversationId))
                {
                    // Someone else's file, or one that never was: the same answer, so ids cannot be probed.
                    throw SwitchboardException.BadRequest($"There is no upload '{id}' of yours to send: upload it again.");
                }
                if (stored.ConversationId is null)
                {
                    await catalog.SaveAsync(stored with { ConversationId = conversationId, ClaimedAt = clock.GetUtcNow() }, cancellationToken);
                    newly.Add(id);
                }
                files.Add(stored.ToMessageAttachment());
            }
        }
        catch
        {
            await ReleaseAsync(new AttachmentClaim(files, newly));
            throw;
        }
        return new AttachmentClaim(files, newly);
    }

    /// <summary>
    /// Marks files the product itself stored for a message (a messenger's) as taken by the conversation that message
    /// went to, once it is known: stored first, appended, then taken, so the orphan sweep keeps them.
    /// </summary>
    public async Task TakeAsync(string conversationId, IReadOnlyList<StoredAttachment> files, CancellationToken cancellationToken = default)
    {
        foreach (var file in files.Where(f => f.ConversationId is null))
        {
            await catalog.SaveAsync(file with { ConversationId = conversationId, ClaimedAt = clock.GetUtcNow() }, cancellationToken);
        }
    }

    /// <summary>
    /// A message that was refused leaves the files it took to the orphan sweep again; files an earlier message of the
    /// conversation already carries stay taken.
    /// </summary>
    public async Task ReleaseAsync(AttachmentClaim claim)
    {
        foreach (var id in claim.NewlyClaimed)
        {
            if (await catalog.FindAsync(id, CancellationToken.None) is { ConversationId: not null } stored)
            {
                await catalog.SaveAsync(stored with { ConversationId = null, ClaimedAt = null }, CancellationToken.None);
            }
        }
    }
}
