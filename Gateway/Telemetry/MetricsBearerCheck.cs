using System.Security.Cryptography;
using System.Text;

namespace Switchboard.Gateway.Telemetry;

/// <summary>The scraping endpoint's guard: with <c>Metrics:BearerToken</c> set, anything but that bearer token gets 401.</summary>
public static class MetricsBearerCheck
{
    public static void RequireBearer(this IApplicationBuilder branch, string token)
    {
        var expected = Encoding.UTF8.GetBytes(token);
        branch.Use(async (http, next) =>
        {
            var header = http.Request.Headers.Authorization.ToString();
            var given = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim()) : [];
            if (!CryptographicOperations.FixedTimeEquals(expected, given))
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return;
            }
            await next(http);
        });
    }
}
