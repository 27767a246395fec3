namespace Switchboard.Contracts.Sites;

/// <summary>A site (tenant), key <c>site:{site}</c>: its configuration.</summary>
[Alias("Switchboard.ISiteGrain")]
public interface ISiteGrain : IGrainWithStringKey
{
    /// <summary>The configuration, or null when the site does not exist.</summary>
    [Alias("GetConfig")]
    Task<SiteConfig?> GetConfig();

    /// <summary>Creates the site with this configuration unless it exists; true when it was created.</summary>
    [Alias("CreateIfAbsent")]
    Task<bool> CreateIfAbsent(SiteConfig config);

    /// <summary>Adds or replaces a queue; refused with <c>bad_request</c> when invalid.</summary>
    [Alias("UpsertQueue")]
    Task<SiteConfig> UpsertQueue(QueueConfig queue);

    /// <summary>Adds or replaces an operator account (the password hash is kept when the new one is empty).</summary>
    [Alias("UpsertOperator")]
    Task<SiteConfig> UpsertOperator(OperatorAccount account);

    /// <summary>Removes an operator account; <c>not_found</c> when there is none, <c>bad_request</c> for the last supervisor.</summary>
    [Alias("RemoveOperator")]
    Task<SiteConfig> RemoveOperator(string login);

    /// <summary>Revokes every token of the account issued before <paramref name="validFrom"/> (sign-out, role change).</summary>
    [Alias("RevokeOperatorTokens")]
    Task<SiteConfig> RevokeOperatorTokens(string login, DateTimeOffset validFrom);

    [Alias("SetInvitations")]
    Task<SiteConfig> SetInvitations(Invitations.InvitationSettings invitations);

    [Alias("SetMonitor")]
    Task<SiteConfig> SetMonitor(Monitoring.MonitorThresholds thresholds);

    /// <summary>The site's canned responses and close tags.</summary>
    [Alias("SetCannedAndTags")]
    Task<SiteConfig> SetCannedAndTags(IReadOnlyList<CannedResponse> canned, IReadOnlyList<string> tags);

    [Alias("SetWaitingHelp")]
    Task<SiteConfig> SetWaitingHelp(Help.WaitingHelp help);

    [Alias("SetRoutingRules")]
    Task<SiteConfig> SetRoutingRules(IReadOnlyList<RoutingRule> rules);

    /// <summary>The site-wide settings: name, language, allowed origins, default queue.</summary>
    [Alias("UpdateSettings")]
    Task<SiteConfig> UpdateSettings(SiteSettings settings);

    /// <summary>
    /// A new identity secret; the current one becomes the previous, accepted until <paramref name="previousValidUntil"/>
    /// so pages signed before the rotation keep working while the retailer deploys the new secret.
    /// </summary>
    [Alias("RotateIdentitySecret")]
    Task<SiteConfig> RotateIdentitySecret(DateTimeOffset previousValidUntil);

    /// <summary>Ends a rotation early: the previous identity secret is no longer accepted.</summary>
    [Alias("EndIdentitySecretRotation")]
    Task<SiteConfig> EndIdentitySecretRotation();

    /// <summary>The site's messenger channels, switched off ones included; empty when the site does not exist.</summary>
    [Alias("GetChannels")]
    Task<IReadOnlyList<Channels.ChannelSettings>> GetChannels();

    /// <summary>Adds or replaces a channel's credentials (switched on); <c>not_found</c> when the site does not exist.</summary>
    [Alias("SetChannel")]
    Task SetChannel(Channels.ChannelSettings settings);

    /// <summary>Switches a channel off, keeping its credentials; false when it was not configured.</summary>
    [Alias("SwitchOffChannel")]
    Task<bool> SwitchOffChannel(string channel);
}
