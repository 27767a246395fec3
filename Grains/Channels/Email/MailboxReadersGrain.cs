using Orleans.Runtime;
using Switchboard.Contracts.Channels;

namespace Switchboard.Grains.Channels.Email;

/// <summary>
/// The IMAP readers' leases and positions. Leases live in memory only: after a restart of this grain every node claims
/// again within one renewal, and the positions (stored) make sure the new reader starts where the old one stopped.
/// </summary>
public sealed class MailboxReadersGrain(
    [PersistentState(StorageNames.MailboxState, StorageNames.Provider)] IPersistentState<MailboxReadersState> state,
    TimeProvider clock)
    : Grain, IMailboxReadersGrain
{
    private readonly Dictionary<string, (string Node, DateTimeOffset Until)> _leases = [];

    public async Task SetReading(string site, bool reading)
    {
        if (reading == state.State.Mailboxes.ContainsKey(site))
        {
            return;
        }
        if (reading)
        {
            state.State.Mailboxes[site] = (0, 0);
        }
        else
        {
            state.State.Mailboxes.Remove(site);
            _leases.Remove(site);
        }
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<string>> Claim(string node, TimeSpan lease)
    {
        var now = clock.GetUtcNow();
        var held = new List<string>();
        foreach (var site in state.State.Mailboxes.Keys)
        {
            if (!_leases.TryGetValue(site, out var current) || current.Node == node || current.Until <= now)
            {
                _leases[site] = (node, now + lease);
                held.Add(site);
            }
        }
        return Task.FromResult<IReadOnlyList<string>>(held);
    }

    public Task<(uint Validity, uint LastUid)> Position(string site) =>
        Task.FromResult(state.State.Mailboxes.GetValueOrDefault(site));

    public async Task Advance(string site, uint validity, uint lastUid)
    {
        if (!state.State.Mailboxes.ContainsKey(site))
        {
            return;
        }
        state.State.Mailboxes[site] = (validity, lastUid);
        await state.WriteStateAsync();
    }
}
