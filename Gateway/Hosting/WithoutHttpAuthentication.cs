namespace Switchboard.Gateway.Hosting;

/// <summary>
/// Endpoint metadata: the endpoint authenticates its callers itself (the visitor socket: tokens inside its frames), so
/// the request skips the authentication and authorization middleware. A socket's request lasts as long as the socket,
/// and each middleware it passes through stays on its stack with whatever it made (the token handler's result, two
/// async frames): about a kilobyte for every idle visitor, for nothing. An endpoint with this marker that also asked
/// for authorization would fail loudly (ASP.NET Core refuses an authorization requirement no middleware checked).
/// </summary>
public sealed class WithoutHttpAuthentication
{
    public static readonly WithoutHttpAuthentication Instance = new();

    private WithoutHttpAuthentication()
    {
    }

    public static bool Applies(HttpContext http) => http.GetEndpoint()?.Metadata.GetMetadata<WithoutHttpAuthentication>() is not null;
}
