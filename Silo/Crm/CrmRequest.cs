namespace Switchboard.Silo.Crm;

/// <summary>
/// A request to the retailer's CRM (docs/crm.md): <c>{endpoint}/{path}?{query}</c>, with <c>Crm:ApiKey</c> as a bearer
/// token when one is set. The gateway's card connector and a silo's order lookup both build theirs here, so the CRM is
/// asked the same way from either; how a failure is reported stays with each caller.
/// </summary>
public static class CrmRequest
{
    /// <summary>A GET whose query holds the given parameters that have a value, in their order.</summary>
    public static HttpRequestMessage Get(string endpoint, string? apiKey, string path, params ReadOnlySpan<(string Name, string? Value)> query)
    {
        var parameters = new List<string>(query.Length);
        foreach (var (name, value) in query)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parameters.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        return Authorized(new HttpRequestMessage(HttpMethod.Get, $"{endpoint.TrimEnd('/')}/{path}?{string.Join('&', parameters)}"), apiKey);
    }

    /// <summary>A POST of <paramref name="content"/>.</summary>
    public static HttpRequestMessage Post(string endpoint, string? apiKey, string path, HttpContent content) =>
        Authorized(new HttpRequestMessage(HttpMethod.Post, $"{endpoint.TrimEnd('/')}/{path}") { Content = content }, apiKey);

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string? apiKey)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            request.Headers.Authorization = new("Bearer", apiKey);
        }
        return request;
    }
}
