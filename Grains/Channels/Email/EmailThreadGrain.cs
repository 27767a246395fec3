using Orleans.Runtime;
using Switchboard.Contracts.Channels;

namespace Switchboard.Grains.Channels.Email;

/// <summary>
/// One e-mail thread's headers. Only the root and the latest Message-IDs are kept: RFC 5322 asks a reply's
/// <c>References</c> to keep the first and the last ones, and a long thread must not grow its state without end.
/// </summary>
public sealed class EmailThreadGrain(
    [PersistentState(StorageNames.EmailThreadState, StorageNames.Provider)] IPersistentState<EmailThreadState> state)
    : Grain, IEmailThreadGrain
{
    public const int KeptMessageIds = 20;

    public async Task Received(string address, string? name, string subject, string messageId)
    {
        if (state.State.MessageIds.Contains(messageId))
        {
            return;
        }
        if (state.State.MessageIds.Count == 0)
        {
            state.State.Subject = subject;
        }
        // The customer may write from another address of theirs: the latest is where the answer goes.
        (state.State.Address, state.State.Name) = (address, name ?? state.State.Name);
        await Keep(messageId);
    }

    public async Task Sent(string messageId)
    {
        if (!state.State.MessageIds.Contains(messageId))
        {
            await Keep(messageId);
        }
    }

    public Task<EmailThread?> Get() => Task.FromResult(state.State.Address.Length == 0
        ? null
        : new EmailThread(state.State.Address, state.State.Name, state.State.Subject, [.. state.State.MessageIds]));

    private async Task Keep(string messageId)
    {
        var ids = state.State.MessageIds;
        ids.Add(messageId);
        if (ids.Count > KeptMessageIds)
        {
            ids.RemoveAt(1);
        }
        await state.WriteStateAsync();
    }
}
