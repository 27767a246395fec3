using System.Text.Json;
using Microsoft.Extensions.Logging;
using Switchboard.Contracts.Webhooks;
using Switchboard.Grains.Webhooks;

namespace Switchboard.Grains.Visitors;

/// <summary>
/// The visitor inside a retailer's app (docs/in-app.md): the app's push token, and the push of an operator's reply
/// while the app is closed, through the conversation's webhook outbox to the site's <c>push</c> endpoints (durable,
/// signed, retried, and queued once per reply).
/// </summary>
public sealed partial class VisitorGrain
{
    public const int MaxPushTokenLength = 4096;
    public const int MaxPlatformLength = 32;
    /// <summary>The reply's start that a push shows; the push service may cut it shorter.</summary>
    public const int PushPreviewLength = 120;

    private static readonly JsonSerializerOptions PushJson = new(JsonSerializerDefaults.Web);

    public async Task SetPushToken(string? token, string? platform)
    {
        if (token?.Length > MaxPushTokenLength || platform?.Length > MaxPlatformLength)
        {
            throw SwitchboardException.BadRequest($"A push token is at most {MaxPushTokenLength} characters, its platform {MaxPlatformLength}.");
        }
        token = string.IsNullOrWhiteSpace(token) ? null : token;
        platform = token is null || string.IsNullOrWhiteSpace(platform) ? null : platform;
        if (token == Visitor.PushToken && platform == Visitor.PushPlatform)
        {
            return;
        }
        (Visitor.PushToken, Visitor.PushPlatform) = (token, platform);
        await _writes.NowAsync();
    }

    public async Task OperatorReplied(string conversationId, long seq, string author, string preview)
    {
        // A widget opened again since the conversation last heard (a reconnect racing the reply): it shows the reply.
        if (Visitor.PushToken is not { } token || _connections > 0)
        {
            return;
        }
        var data = JsonSerializer.Serialize(new PushData(token, Visitor.PushPlatform, _id, conversationId, seq, author,
            preview.Length > PushPreviewLength ? preview[..PushPreviewLength] + "…" : preview), PushJson);
        var notice = new WebhookNotice($"c-{conversationId}-{seq}-push", WebhookEvents.Push, clock.GetUtcNow(), data);
        try
        {
            await GrainFactory.Grain<IWebhookOutboxGrain>(GrainKeys.ConversationWebhooks(_site, conversationId)).Enqueue(notice);
        }
        catch (Exception error) when (error is not SwitchboardException)
        {
            // Never the reply itself in the log: only whose and which.
            logger.LogWarning(error, "Could not queue the push of reply {Seq} in {Conversation} for visitor {Visitor}", seq, conversationId, _id);
        }
    }

    /// <summary>The <c>data</c> of a <c>push</c> delivery: whom to notify, and what to show (<c>title</c>, <c>body</c>).</summary>
    private sealed record PushData(string Token, string? Platform, string VisitorId, string ConversationId, long Seq, string Title, string Body);
}
