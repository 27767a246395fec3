using Microsoft.Extensions.Options;
using Switchboard.Contracts;

namespace Switchboard.Gateway.Limits;

/// <summary>What visitor sockets may ask of the cluster: new visitors per client address, chat starts per visitor.</summary>
public sealed class VisitorAllowance(AddressGuard addresses, IOptions<ClientLimits> options, TimeProvider clock)
{
    private readonly KeyedBuckets _chatStarts = new(options.Value.ChatStartsPerVisitor, clock);

    public int DraftLength => options.Value.TypingDraftLength;

    /// <summary>Throws <c>rate_limited</c> when <paramref name="address"/> created too many visitors lately.</summary>
    public void CreateVisitor(string address)
    {
        if (!addresses.TryCreateVisitor(address))
        {
            throw new SwitchboardException(ErrorCodes.RateLimited, "Too many new visitors from this network; send 'hello' again in a minute.");
        }
    }

    /// <summary>Throws <c>rate_limited</c> when the visitor started too many chats lately.</summary>
    public void StartChat(string visitorKey)
    {
        if (!_chatStarts.TryTake(visitorKey))
        {
            throw new SwitchboardException(ErrorCodes.RateLimited, "Too many chats started; try again in a minute.");
        }
    }
}
