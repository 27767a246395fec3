using System.Security.Cryptography;
using Orleans.Runtime;
using Switchboard.Contracts.Channels;
using Switchboard.Contracts.Sites;

namespace Switchboard.Grains.Sites;

/// <summary>A site's configuration. Every change is validated whole before it is stored; grains re-read it within seconds.</summary>
public sealed class SiteGrain(
    [PersistentState(StorageNames.SiteState, StorageNames.Provider)] IPersistentState<SiteState> state,
    SiteConfigs configs)
    : Grain, ISiteGrain
{
    public Task<SiteConfig?> GetConfig() => Task.FromResult(state.State.Config);

    public async Task<bool> CreateIfAbsent(SiteConfig config)
    {
        var created = state.State.Config is null;
        if (created)
        {
            await Store(config);
        }
        // Also when it existed: sites created before the directory was kept are listed at the next start that
        // creates them (configuration and the demo ask at every start).
        await GrainFactory.Grain<ISiteDirectoryGrain>(GrainKeys.SiteDirectory).Add(SiteName);
        return created;
    }

    private string SiteName => this.GetPrimaryKeyString()[GrainKeys.Site("").Length..];

    public Task<SiteConfig> UpsertQueue(QueueConfig queue) => Change(config => config.WithQueue(queue));

    public Task<SiteConfig> UpsertOperator(OperatorAccount account) => Change(config => config.WithOperator(account));

    public Task<SiteConfig> RemoveOperator(string login) => Change(config => config.WithoutOperator(login));

    public Task<SiteConfig> RevokeOperatorTokens(string login, DateTimeOffset validFrom) => Change(config => config.RevokingTokens(login, validFrom));

    public Task<SiteConfig> SetInvitations(Contracts.Invitations.InvitationSettings invitations) => Change(config => config.WithInvitations(invitations));

    public Task<SiteConfig> SetMonitor(Contracts.Monitoring.MonitorThresholds thresholds) => Change(config => config with { Monitor = thresholds });

    public Task<SiteConfig> SetCannedAndTags(IReadOnlyList<CannedResponse> canned, IReadOnlyList<string> tags) =>
        Change(config => config with { CannedResponses = canned, Tags = tags });

    public Task<SiteConfig> SetWaitingHelp(Contracts.Help.WaitingHelp help) => Change(config => config with { WaitingHelp = help });

    public Task<SiteConfig> SetRoutingRules(IReadOnlyList<RoutingRule> rules) => Change(config => config.WithRoutingRules(rules));

    public Task<SiteConfig> UpdateSettings(SiteSettings settings) => Change(config => config.WithSettings(settings));

    public Task<SiteConfig> RotateIdentitySecret(DateTimeOffset previousValidUntil) => Change(config => config with
    {
        PreviousIdentitySecret = config.IdentitySecret,
        PreviousIdentitySecretValidUntil = previousValidUntil,
        IdentitySecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
    });

    public Task<SiteConfig> EndIdentitySecretRotation() =>
        Change(config => config with { PreviousIdentitySecret = null, PreviousIdentitySecretValidUntil = null });

    public Task<IReadOnlyList<ChannelSettings>> GetChannels() =>
        Task.FromResult<IReadOnlyList<ChannelSettings>>(state.State.Config is null ? [] : [.. state.State.Channels.Values.OrderBy(c => c.Channel, StringComparer.Ordinal)]);

    public async Task SetChannel(ChannelSettings settings)
    {
        _ = state.State.Config ?? throw SwitchboardException.NotFound("No such site.");
        state.State.Channels[settings.Channel] = settings with { Enabled = true };
        await state.WriteStateAsync();
    }

    public async Task<bool> SwitchOffChannel(string channel)
    {
        if (!state.State.Channels.TryGetValue(channel, out var settings))
        {
            return false;
        }
        state.State.Channels[channel] = settings with { Enabled = false };
        await state.WriteStateAsync();
        return true;
    }

    private async Task<SiteConfig> Change(Func<SiteConfig, SiteConfig> change)
    {
        var config = state.State.Config ?? throw SwitchboardException.NotFound("No such site.");
        var changed = change(config);
        await Store(changed);
        return changed;
    }

    private async Task Store(SiteConfig config)
    {
        var problems = SiteConfigValidator.Validate(config);
        if (problems.Count > 0)
        {
            throw SwitchboardException.BadRequest(string.Join(" ", problems.SelectMany(p => p.Value.Select(v => $"{p.Key}: {v}"))));
        }
        state.State.Config = config;
        await state.WriteStateAsync();
        configs.Changed(SiteName, config);
    }
}
