namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Keeps a starting gateway trying to reach the cluster instead of exiting: in containers, gateways often
/// start before the first silo has joined. The gateway listens only once it is connected.
/// </summary>
public sealed class WaitForCluster(ILogger<WaitForCluster> logger) : IClientConnectionRetryFilter
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        logger.LogWarning("No silo answers yet ({Reason}); retrying", exception.Message);
        await Task.Delay(RetryDelay, cancellationToken);
        return true;
    }
}
