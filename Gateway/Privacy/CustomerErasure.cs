using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Conversations;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Reports;
using Switchboard.Contracts.Visitors;
using Switchboard.Gateway.Attachments;
using Switchboard.Gateway.Transcripts;
using Switchboard.Silo.Storage.Privacy;

namespace Switchboard.Gateway.Privacy;

/// <summary>
/// One customer's right to be forgotten and to a copy of their data. Their conversations are the customer's own list
/// and those of every messenger or phone identity linked to them. Erasure reads the attachments' ids first, then
/// destroys each conversation's key (crypto-shredding: backups taken before read "[erased]" too), deletes the files,
/// takes their rating comments out of the operators' lists of ratings, forgets the customer and visitor grains, blanks
/// their ids in the reports' read model, and records who did it.
/// </summary>
public sealed class CustomerErasure(
    IGrainFactory grains, AttachmentCatalog attachments, IPrivacyStore privacy, IRatingCommentEraser ratingComments, TimeProvider clock, ILogger<CustomerErasure> logger)
{
    public async Task<ErasureRecord> EraseAsync(string site, string customerId, Actor supervisor, CancellationToken cancellationToken)
    {
        var (customer, visitors, conversations) = await FindAsync(site, customerId);
        var files = new HashSet<string>(StringComparer.Ordinal);
        var visitorIds = new HashSet<string>(StringComparer.Ordinal);
        var commentsHeld = new RatingCommentHolders();
        foreach (var conversation in conversations)
        {
            var events = await EventsAsync(conversation, supervisor);
            files.UnionWith(ConversationFiles.Ids(events));
            // The browsers they chatted from: a web visitor is not linked to the customer, only named in the chat's start.
            visitorIds.UnionWith(events.Select(evt => evt.VisitorId).OfType<string>());
            commentsHeld.Note(GrainKeys.Parse(conversation.GetPrimaryKeyString()).Id, events);
        }
        visitors.AddRange(visitorIds.Select(id => grains.Grain<IVisitorGrain>(GrainKeys.Visitor(site, id))));
        foreach (var conversation in conversations)
        {
            await conversation.Erase();
        }
        foreach (var id in files)
        {
            await attachments.DeleteAsync(id, cancellationToken);
        }
        await ratingComments.ForgetAsync(site, commentsHeld);
        var forgotten = visitors.DistinctBy(visitor => visitor.GetPrimaryKeyString()).ToList();
        foreach (var visitor in forgotten)
        {
            await visitor.Forget();
        }
        // After the conversations' keys went, so a chat the reports fold later has no customer id to store.
        await grains.Grain<IReportGrain>(site).ForgetCustomer(customerId,
            [.. forgotten.Select(visitor => GrainKeys.Parse(visitor.GetPrimaryKeyString()).Id)],
            [.. conversations.Select(conversation => conversation.GetPrimaryKeyString())]);
        await customer.Forget();
        var erasure = new ErasureRecord(customerId, supervisor.Id, clock.GetUtcNow(), conversations.Count, files.Count);
        await privacy.RecordErasureAsync(site, erasure, cancellationToken);
        logger.LogInformation("Erased a customer of {Site} on {Supervisor}'s request: {Conversations} conversations, {Files} files",
            site, supervisor.Id, erasure.Conversations, erasure.Attachments);
        return erasure;
    }

    public async Task<CustomerExport> ExportAsync(string site, string customerId, Actor supervisor)
    {
        var (customer, _, conversations) = await FindAsync(site, customerId);
        var profile = await customer.GetProfile();
        var exported = new List<ExportedConversation>();
        foreach (var conversation in conversations)
        {
            var events = await EventsAsync(conversation, supervisor);
            if (events.Count > 0)
            {
                exported.Add(new ExportedConversation(GrainKeys.Parse(conversation.GetPrimaryKeyString()).Id, events));
            }
        }
        var files = exported.SelectMany(c => c.Events).SelectMany(evt => evt.Attachments ?? []).DistinctBy(a => a.Id).ToList();
        return new CustomerExport(customerId, clock.GetUtcNow(), profile.Identities, profile.LastOperator, exported, files);
    }

    private async Task<(ICustomerGrain Customer, List<IVisitorGrain> Visitors, List<IConversationGrain> Conversations)> FindAsync(string site, string customerId)
    {
        var customer = grains.Grain<ICustomerGrain>(GrainKeys.Customer(site, customerId));
        var profile = await customer.GetProfile();
        var visitors = profile.Identities
            .Select(identity => grains.Grain<IVisitorGrain>(GrainKeys.Visitor(site, ContactIds.VisitorId(identity.Channel, identity.PlatformId))))
            .ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await AddAllAsync(ids, customer.GetConversationIds);
        foreach (var visitor in visitors)
        {
            await AddAllAsync(ids, visitor.GetConversationIds);
        }
        var conversations = ids.Select(id => grains.Grain<IConversationGrain>(GrainKeys.Conversation(site, id))).ToList();
        return (customer, visitors, conversations);
    }

    /// <summary>Every id a grain lists, a page at a time: the profile shows only the latest, erasure and export need all.</summary>
    private static async Task AddAllAsync(HashSet<string> ids, Func<int, int, Task<IReadOnlyList<string>>> page)
    {
        const int PageSize = 200;
        for (var skip = 0; ; skip += PageSize)
        {
            var found = await page(skip, PageSize);
            ids.UnionWith(found);
            if (found.Count < PageSize)
            {
                return;
            }
        }
    }

    private static async Task<IReadOnlyList<ConversationEvent>> EventsAsync(IConversationGrain conversation, Actor supervisor)
    {
        try
        {
            return await conversation.GetEvents(supervisor, 0, TranscriptEndpoints.MaxEvents);
        }
        catch (SwitchboardException refusal) when (refusal.Code == ErrorCodes.NotFound)
        {
            // Listed but gone (retention removed it): nothing of it is held.
            return [];
        }
    }
}
