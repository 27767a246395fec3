using System.Net.Http.Headers;
using System.Net.Http.Json;
using Switchboard.LoadTests.Wire;

namespace Switchboard.LoadTests.Scale;

/// <summary>
/// The scale-out benchmark's site, set up the way a retailer's IT would: the gateways create it from the <c>Sites</c>
/// configuration with its supervisor, who then adds the queues and the operators over the REST API.
/// </summary>
public sealed class ScaleSite(string id, string supervisorPassword, string operatorPassword)
{
    public const string Supervisor = "supervisor";

    public string Id => id;

    public string OperatorPassword => operatorPassword;

    /// <summary>What every node is started with for the site to exist (the gateway creates it at start).</summary>
    public IReadOnlyDictionary<string, string> Configuration => new Dictionary<string, string>
    {
        ["Sites__0__Id"] = id,
        ["Sites__0__Name"] = "Scale-out benchmark store",
        ["Sites__0__AdminLogin"] = Supervisor,
        ["Sites__0__AdminPassword"] = supervisorPassword,
    };

    /// <summary>Adds <paramref name="queues"/> (besides <c>general</c>) and the operators, each in every queue.</summary>
    public async Task ProvisionAsync(Target gateway, IReadOnlyList<string> queues, IReadOnlyList<string> operators, int capacity)
    {
        using var login = new LoginClient(gateway);
        var token = await login.LoginAsync(id, Supervisor, supervisorPassword, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = gateway.Http };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var queue in queues)
        {
            await PutAsync(http, $"api/sites/{id}/queues/{queue}", new { id = queue, name = $"Queue {queue}", maxEtaSeconds = 86_400 });
        }
        string[] all = ["general", .. queues];
        foreach (var account in operators)
        {
            await PutAsync(http, $"api/sites/{id}/operators/{account}", new { name = $"Operator {account}", role = "operator", queues = all, capacity, password = operatorPassword });
        }
    }

    private static async Task PutAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PutAsJsonAsync(path, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"PUT {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
