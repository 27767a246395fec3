using Switchboard.Contracts;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Visitors;

namespace Switchboard.Gateway.Channels;

/// <summary>
/// A platform's report on a message it took (WhatsApp's <c>statuses[]</c>) goes to the outbox that sent it: the person's
/// latest conversations are asked, newest first, since the report names only the person and the platform's message id.
/// A report nobody sent (an old message, another system's) changes nothing.
/// </summary>
public sealed partial class PlatformReports(IGrainFactory grains, ILogger<PlatformReports> logger)
{
    /// <summary>Reports come within minutes of the send: the message is in one of the person's latest conversations.</summary>
    public const int ConversationsSearched = 5;

    public async Task ReportAsync(InboundMessage report)
    {
        var visitor = grains.Grain<IVisitorGrain>(GrainKeys.Visitor(report.Site, ContactIds.VisitorId(report.Channel, report.UserId)));
        foreach (var conversationId in (await visitor.GetConversations()).Take(ConversationsSearched))
        {
            var outbox = grains.Grain<IChannelOutboxGrain>(GrainKeys.Outbox(report.Site, conversationId));
            if (await outbox.PlatformReported(report.PlatformMessageId, report.Status!, report.StatusError))
            {
                return;
            }
        }
        LogUnknown(report.Channel, report.Site, report.Status!);
    }

    [LoggerMessage(LogLevel.Debug, "A {Channel} '{Status}' report for site {Site} names no message sent from here; ignored.")]
    private partial void LogUnknown(string channel, string site, string status);
}
