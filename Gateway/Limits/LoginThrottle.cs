using Microsoft.Extensions.Options;

namespace Switchboard.Gateway.Limits;

/// <summary>
/// Login attempts, counted per account (so guessing one operator's password from many addresses is slow) and per client
/// address (so one address cannot try many accounts). Both are spent by every attempt, right or wrong.
/// </summary>
public sealed class LoginThrottle(IOptions<ClientLimits> options, TimeProvider clock)
{
    private readonly KeyedBuckets _accounts = new(options.Value.LoginsPerAccount, clock);
    private readonly KeyedBuckets _addresses = new(options.Value.LoginsPerAddress, clock);

    /// <summary>Longer site/login pairs are cut: no real account has one, and the map stays small.</summary>
    private const int MaxKey = 200;

    /// <summary>True when this attempt may go ahead.</summary>
    public bool TryAttempt(string address, string site, string login)
    {
        // Both buckets are spent, so a refused address still counts against the account it was guessing.
        var byAddress = _addresses.TryTake(address);
        var account = $"{site}/{login}".ToLowerInvariant();
        var byAccount = _accounts.TryTake(account.Length > MaxKey ? account[..MaxKey] : account);
        return byAddress && byAccount;
    }
}
