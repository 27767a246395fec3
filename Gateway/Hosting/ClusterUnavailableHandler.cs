using Microsoft.AspNetCore.Diagnostics;

namespace Switchboard.Gateway.Hosting;

/// <summary>
/// An HTTP request (a socket handshake, a login, a transcript) that failed because the cluster could not
/// answer — a silo just died, a call timed out — gets 503 with Retry-After instead of 500: it is worth
/// retrying, and the widget and console do.
/// </summary>
public sealed class ClusterUnavailableHandler(IProblemDetailsService problems, ILogger<ClusterUnavailableHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 2;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (OrleansException or TimeoutException))
        {
            return false;
        }
        logger.LogWarning("The cluster could not answer {Path}: {Reason}", http.Request.Path, exception.Message);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "The service is briefly unavailable; retry." },
        });
    }
}
