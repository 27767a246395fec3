using Switchboard.Gateway.Limits;

namespace Switchboard.Gateway.Forms;

/// <summary>
/// Holds back a flood of submissions: per client address (a script posting from one machine) and per customer address
/// (one e-mail or phone posted from many machines). A person who resends a form a few times is not held back.
/// </summary>
public sealed class FormThrottle(TimeProvider clock)
{
    public static readonly RateLimit PerClient = RateLimit.Of(perMinute: 2, burst: 10);
    public static readonly RateLimit PerSender = RateLimit.Of(perMinute: 1, burst: 3);

    private readonly KeyedBuckets _clients = new(PerClient, clock);
    private readonly KeyedBuckets _senders = new(PerSender, clock);

    public bool TryTake(string site, string client, string sender) =>
        _clients.TryTake($"{site}\n{client}") && _senders.TryTake($"{site}\n{sender}");
}
