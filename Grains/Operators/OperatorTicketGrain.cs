using Switchboard.Contracts.Operators;

namespace Switchboard.Grains.Operators;

/// <summary>A WebSocket ticket: one redemption before it expires, then nothing.</summary>
public sealed class OperatorTicketGrain(TimeProvider clock) : Grain, IOperatorTicketGrain
{
    private string? _token;
    private DateTimeOffset _expires;

    public Task Issue(string token, DateTimeOffset expires)
    {
        (_token, _expires) = (token, expires);
        return Task.CompletedTask;
    }

    public Task<string?> Redeem()
    {
        var token = clock.GetUtcNow() < _expires ? _token : null;
        _token = null;
        DeactivateOnIdle();
        return Task.FromResult(token);
    }
}
