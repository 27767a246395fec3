namespace Switchboard.Gateway.Sockets;

/// <summary>
/// Which browser origins may open a socket: the gateway's own host (it serves the widget and console),
/// and the site's allowed origins, where an origin without a port allows any port. Non-browser clients
/// send no Origin and are judged by their tokens alone.
/// </summary>
public static class OriginPolicy
{
    public static bool IsAllowed(string? origin, HostString requestHost, IReadOnlyList<string> allowedOrigins)
    {
        if (string.IsNullOrEmpty(origin))
        {
            return true;
        }
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
        {
            return false;
        }
        if (string.Equals(from.Authority, requestHost.Value, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        foreach (var allowed in allowedOrigins)
        {
            if (Uri.TryCreate(allowed, UriKind.Absolute, out var rule)
                && string.Equals(rule.Scheme, from.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(rule.Host, from.Host, StringComparison.OrdinalIgnoreCase)
                && (rule.IsDefaultPort && !allowed.TrimEnd('/').EndsWith($":{rule.Port}", StringComparison.Ordinal) || rule.Port == from.Port))
            {
                return true;
            }
        }
        return false;
    }
}
