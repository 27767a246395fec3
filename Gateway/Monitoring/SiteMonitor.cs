using Switchboard.Contracts;
using Switchboard.Contracts.Calls;
using Switchboard.Contracts.Operators;
using Switchboard.Contracts.Queues;
using Switchboard.Contracts.Sites;
using Switchboard.Domain.Monitoring;

namespace Switchboard.Gateway.Monitoring;

/// <summary>
/// Reads a site's queues, operators and call figures and builds the supervisor's snapshot, its chats named by
/// <see cref="MonitorChatDetails"/>.
/// </summary>
public sealed class SiteMonitor(IGrainFactory grains, TimeProvider clock, MonitorChatDetails chats)
{
    public async Task<MonitorSnapshot?> SnapshotAsync(string site)
    {
        if (await grains.Grain<ISiteGrain>(GrainKeys.Site(site)).GetConfig() is not { } config)
        {
            return null;
        }
        var queues = Task.WhenAll(config.Queues.Select(q => grains.Grain<IQueueGrain>(GrainKeys.Queue(site, q.Id)).GetSnapshot()));
        var operators = Task.WhenAll(config.Operators.Where(o => o.Role == Roles.Operator)
            .Select(o => grains.Grain<IOperatorGrain>(GrainKeys.Operator(site, o.Login)).GetSnapshot()));
        var calls = Task.WhenAll(config.Queues.Select(q => grains.Grain<ICallFiguresGrain>(GrainKeys.CallFigures(site, q.Id)).GetFigures()));
        return await chats.NameChatsAsync(site, MonitorBuilder.Build(config, await queues, await operators, clock.GetUtcNow(), await calls));
    }
}
