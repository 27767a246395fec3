namespace Switchboard.Contracts.Sites;

/// <summary>A site's configuration, owned by its Site grain.</summary>
[GenerateSerializer, Immutable, Alias("Switchboard.SiteConfig")]
public sealed record SiteConfig
{
    [Id(0)] public required string Name { get; init; }
    /// <summary><c>ru</c>, <c>en</c>, or <c>auto</c> (the browser's language).</summary>
    [Id(1)] public string Language { get; init; } = "auto";
    /// <summary>Origins allowed to open visitor sockets besides the gateway's own host: <c>https://shop.example</c>, or <c>http://localhost</c> for any port.</summary>
    [Id(2)] public IReadOnlyList<string> AllowedOrigins { get; init; } = [];
    [Id(3)] public required string DefaultQueue { get; init; }
    [Id(4)] public required IReadOnlyList<QueueConfig> Queues { get; init; }
    [Id(5)] public required IReadOnlyList<OperatorAccount> Operators { get; init; }
    /// <summary>The key for <c>hello.identity.signature</c> (docs/identity.md); never shown but to the site's supervisors.</summary>
    [Id(6)] public required string IdentitySecret { get; init; }
    /// <summary>Queue choice by page, region or customer type when the visitor picks none.</summary>
    [Id(7)] public IReadOnlyList<RoutingRule> RoutingRules { get; init; } = [];
    /// <summary>Proactive invitations: rules, caps, the widget's rollout share.</summary>
    [Id(8)] public Invitations.InvitationSettings Invitations { get; init; } = new();
    /// <summary>Service-level threshold and the figures that raise supervisor alerts.</summary>
    [Id(9)] public Monitoring.MonitorThresholds Monitor { get; init; } = new();
    /// <summary>The site's canned responses (operators add their own on top).</summary>
    [Id(10)] public IReadOnlyList<CannedResponse> CannedResponses { get; init; } = [];
    /// <summary>The topics a chat can be tagged with when it is closed.</summary>
    [Id(11)] public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Seats a call takes of an operator's capacity in queues that do not say (1 when null).</summary>
    [Id(12)] public int? CallWeight { get; init; }
    /// <summary>Whether an operator on a call takes no new chats, in queues that do not say (no when null).</summary>
    [Id(13)] public bool? CallBlocksChats { get; init; }
    /// <summary>The identity secret before the last rotation, still accepted until <see cref="PreviousIdentitySecretValidUntil"/>.</summary>
    [Id(14)] public string? PreviousIdentitySecret { get; init; }
    [Id(15)] public DateTimeOffset? PreviousIdentitySecretValidUntil { get; init; }
    /// <summary>Buttons and FAQ the bot answers with while a chat waits for an operator (docs/waiting-help.md).</summary>
    [Id(16)] public Help.WaitingHelp WaitingHelp { get; init; } = new();
    /// <summary>The site's IANA time zone (<c>Europe/Moscow</c>): reports' hours, days and weeks; UTC when null.</summary>
    [Id(24)] public string? TimeZone { get; init; }

    public QueueConfig? FindQueue(string id) => Queues.FirstOrDefault(q => q.Id == id);

    public OperatorAccount? FindOperator(string login) => Operators.FirstOrDefault(o => o.Login == login);

    /// <summary>The secrets a signed identity may be signed with at <paramref name="now"/>: the current one, and the previous during a rotation.</summary>
    public IEnumerable<string> IdentitySecretsAt(DateTimeOffset now)
    {
        yield return IdentitySecret;
        if (PreviousIdentitySecret is { } previous && PreviousIdentitySecretValidUntil > now)
        {
            yield return previous;
        }
    }
}
